#pragma once
// How the mlx backend holds an mlx::core::array inside ivy::Array, maps dtypes and shapes, and
// turns MLX errors into ivy errors. MLX is lazy: kernels build a graph and return at once;
// values are computed when they are read (to_host, to_dlpack, ivy::eval) or where a kernel must
// see them (see docs/mlx.md).
#include <mlx/array.h>
#include <mlx/ops.h>

#include <new>
#include <stdexcept>
#include <string_view>

#include "backends/backend_table.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy::backends::mlx_impl {

namespace mx = ::mlx::core;

static_assert(sizeof(mx::array) <= Array::kHandleSize, "mx::array must fit inline in Array");

const Backend& backend();

/** Makes the shared stream (stream.cpp) this thread's default; see use_shared_stream. */
void adopt_shared_stream();
/** Every MLX call of the backend goes to one stream, so that any thread can read any array:
 *  kernels call this (through native and guarded) before MLX builds anything. */
inline void use_shared_stream() {
  thread_local const bool adopted = (adopt_shared_stream(), true);
  (void)adopted;
}
/** Evaluates x under the process-wide evaluation lock (the shared stream is not thread-safe). */
void evaluate(const mx::array& x);

inline const mx::array& native(const Array& x) {
  use_shared_stream();
  return *std::launder(reinterpret_cast<const mx::array*>(x.handle()));
}

inline Array wrap(mx::array a) {
  Array out = Array::make_uninitialized(backend());
  new (out.handle()) mx::array(std::move(a));
  return out;
}

mx::Dtype to_mlx(DType d);
DType from_mlx(mx::Dtype d);
/** v as MLX's 32-bit int; an UnsupportedError naming fn when it does not fit. */
int to_mlx_int(std::int64_t v, std::string_view fn);
/** MLX dimensions are 32-bit: UnsupportedError naming fn for a larger one. */
mx::Shape to_mlx_shape(const Shape& s, std::string_view fn);
/** A 0-d array of dtype d holding value. */
mx::array scalar(const Scalar& value, DType d);

/** UnsupportedError naming fn unless d is the cpu (this build of MLX has no GPU). */
void require_cpu(const Device& d, std::string_view fn);
/** A 0-d float64 array (mx::array(double) alone would be float32). */
inline mx::array f64(double v) { return mx::array(v, mx::float64); }

/** Runs f, turning an MLX error into ivy::UnsupportedError naming fn. */
template <class F>
auto guarded(std::string_view fn, F&& f) -> decltype(f()) {
  use_shared_stream();
  try {
    return f();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    // Core has checked shapes, dtypes and ranges, so what MLX still refuses is a limit of MLX
    // (a dtype a kernel lacks on this device, for instance).
    detail::raise<UnsupportedError>(fn, "mlx", e.what());
  }
}

/** Why MLX cannot give erf of float64 (the backend's table of unsupported cells says it too). */
inline constexpr std::string_view kErfFloat64 =
    "MLX 0.32 computes erf of float64 with float32 precision on the CPU";

IVY_DECLARE_KERNEL_FAMILIES();
const AutodiffKernels& autodiff_kernels();
const CompileKernels& compile_kernels();

}  // namespace ivy::backends::mlx_impl
