#pragma once
// Argument reduction by pi/2 for float64 arrays, exact enough for every finite float64: the
// sine and cosine of huge arguments (1e22, 1e300) depend on bits of pi far below a double's.
#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {

/** x = k pi/2 + (hi + lo), k an integer-valued float64, |hi + lo| <= pi/4 (a hair more). */
struct HalfPiReduced {
  mx::array k, hi, lo;
};

/**
 * Reduces float64 x by pi/2 (Payne-Hanek, element-wise MLX operations): hi + lo is within
 * about 2^-100 |hi| of the exact remainder for every finite x; |x| <= pi/4 passes unchanged
 * (k = 0, lo = 0). Infinite and NaN x give hi = NaN. The result carries no gradient.
 */
HalfPiReduced reduce_half_pi(const mx::array& x);

}  // namespace ivy::backends::mlx_impl
