#pragma once
// Argument checks shared by the linear-algebra functions. Private to the library.
#include <cstdint>
#include <string_view>

#include "ivy/backend/contract.hpp"
#include "ivy/core/array.hpp"
#include "ivy/ops/linalg.hpp"

namespace ivy::detail {

/** x as a float array (integers become float32); DTypeError for bool. */
Array as_float(const Array& x, std::string_view fn, const Backend& b);

/**
 * LAPACK (through every engine) has no float16 or bfloat16: the decompositions compute those
 * in float32 and round the results back, as NumPy does for float16.
 */
constexpr bool needs_float32_lapack(DType d) { return d == DType::float16 || d == DType::bfloat16; }
Array narrowed(const Array& r, DType d);
SvdResult narrowed(SvdResult r, DType d);
EighResult narrowed(EighResult r, DType d);
QrResult narrowed(QrResult r, DType d);

/** ShapeError unless x has rank >= 2 (and, when square, equal last two dimensions). */
void require_matrices(const Array& x, std::string_view fn, const Backend& b, bool square);

/** True when every entry of x is finite (one host synchronisation). */
bool all_finite(const Array& x);

/**
 * ValueError unless every entry of x is finite: LAPACK and LibTorch fail differently on NaN or
 * inf entries, so core answers them once for every backend.
 */
void require_finite(const Array& x, std::string_view fn, const Backend& b);

/** x[..., start:stop, ...] along axis (negative: from the end); 0 <= start <= stop <= dim. */
Array slice_axis(const Array& x, int axis, std::int64_t start, std::int64_t stop);

/** The diagonals [..., min(m, n)] of matrices [..., m, n]. */
Array matrix_diagonal(const Array& x);

/** Identity matrices [batch..., n, m] (eye(n, m)) in x's dtype, backend and device. */
Array batched_eye(const Array& x, const Shape& batch, std::int64_t n, std::int64_t m);

/** The linalg kernel family of b (UnsupportedError when b has none). */
const LinalgKernels& linalg(const Backend& b, std::string_view fn);

}  // namespace ivy::detail
