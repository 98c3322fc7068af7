#pragma once
// Shared by the unified functions: finding the backend of a call and its kernels, and the
// argument checks every family needs. Private to the library.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/options.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy::detail {

/** The backend of x; ValueError for an undefined Array. */
const Backend& backend_of(std::string_view fn, const Array& x);
/** The one backend of all arrays; BackendError naming both when two differ. */
const Backend& common_backend(std::string_view fn, std::initializer_list<const Array*> xs);
/** The backend of the array operands (at least one must be an array: else ValueError). */
const Backend& common_backend(std::string_view fn, std::initializer_list<const Operand*> xs);
/** Backend for a creation function: opts, else the scope stack, else the default. */
const Backend& creation_backend(const Options& opts);
Device creation_device(const Options& opts);

/** The kernel family of b, or UnsupportedError naming fn when b lacks it. */
template <class K>
const K& family(const Backend& b, const K* Backend::*member, std::string_view fn) {
  const K* k = b.*member;
  if (!k) raise<UnsupportedError>(fn, b.name, "this backend does not implement this function");
  return *k;
}
/** A kernel pointer, or UnsupportedError naming fn when b leaves it null. */
template <class F>
F kernel(const Backend& b, F f, std::string_view fn) {
  if (!f) raise<UnsupportedError>(fn, b.name, "this backend does not implement this function");
  return f;
}
/** Rank and shape equality through the backend's fast queries when it has them. */
int ndim(const Backend& b, const Array& x);
bool same_shape(const Backend& b, const Array& x, const Array& y);

/**
 * ValueError unless every dimension is >= 0 and the element count fits in int64; MemoryError
 * when the array (itemsize bytes per element) would be larger than the machine's memory.
 */
void check_shape(const Shape& shape, std::string_view fn, std::string_view backend,
                 std::size_t itemsize = 1);
/** The smallest and largest value of integer dtype d, exactly. */
std::pair<long double, long double> integer_range(DType d);
/** ValueError unless value is representable in integer dtype d (floats after truncation). */
void check_scalar_fits(const Scalar& value, DType d, std::string_view fn, std::string_view backend);

/** UnsupportedError when b cannot hold dtype d. */
void require_dtype(const Backend& b, DType d, std::string_view fn);
/** DTypeError unless pred(x.dtype()). */
void require_kind(const Array& x, bool ok, std::string_view fn, std::string_view expected);

/** x as a 0-d array of dtype d on backend b (or x itself). */
Array scalar_array(const Backend& b, const Scalar& s, DType d, const Device& device,
                   std::string_view fn);
/** The dtype a scalar takes next to an array of dtype d. */
DType scalar_dtype_next_to(const Scalar& s, DType d);

std::string dtypes_str(DType a, DType b);

}  // namespace ivy::detail
