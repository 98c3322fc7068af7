#pragma once
// MLX 0.32 evaluates exp, sin, cos (and functions built on them) of float64 arrays with float32
// precision on the CPU. These replacements are built from MLX operations that are exact or
// correctly rounded in float64 (add, multiply, cosh, sinh, round), so float64 keeps its
// precision and the graph stays lazy and differentiable.
#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {

/** exp(x) for float64 x, within a few ulp. */
mx::array exp64(const mx::array& x);
/**
 * sin(x) for float64 x (Cody-Waite reduction by pi/2, Taylor series on [-pi/4, pi/4]): within
 * a few ulp for |x| < 2^20 pi/2 (about 1.6e6); beyond that the two-part reduction loses digits
 * (a Payne-Hanek reduction would be needed; MLX's own float32-precision sin is no better).
 */
mx::array sin64(const mx::array& x);
/** cos(x) for float64 x. */
mx::array cos64(const mx::array& x);

}  // namespace ivy::backends::mlx_impl
