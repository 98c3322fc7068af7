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
 * sin(x) for float64 x: Payne-Hanek reduction by pi/2 (float64_reduce.hpp), Taylor series on
 * [-pi/4, pi/4]; within 2 ulp for every finite x.
 */
mx::array sin64(const mx::array& x);
/** cos(x) for float64 x. */
mx::array cos64(const mx::array& x);

}  // namespace ivy::backends::mlx_impl
