#pragma once
/// ivy::robot spline paths: a polyharmonic spline through anchor values, sampled anywhere along
/// the path. Differentiable in the anchor values (the planning demos optimise them). Batched
/// over any leading dimensions that broadcast. See docs/robot.md.
#include "ivy/core/array.hpp"

namespace ivy::robot {

/**
 * The polyharmonic spline of `order` through anchor_vals [BS..., NA, PD] at the locations
 * anchor_points [BS..., NA, D] (usually D = 1, locations in [0, 1], spacing free), sampled at
 * sample_points [BS..., NS, D] -> [BS..., NS, PD]. The kernel is phi(r) = r^(order/2) for odd
 * orders and r^(order/2) log(r) / 2 for even ones, of the squared distance r (clamped to
 * >= 1e-6), plus an affine term; the weights solve [[A, B], [B^T, 0]] [w; v] = [f; 0] with the
 * pseudo-inverse, as the original (and tensorflow_addons' interpolate_spline) do.
 * Errors: ShapeError (ranks < 2, NA or D that differ, NA < 1, batch shapes that do not
 * broadcast), ValueError (order < 1), DTypeError (non-float inputs).
 */
Array sample_spline_path(const Array& anchor_points, const Array& anchor_vals,
                         const Array& sample_points, int order = 3);

}  // namespace ivy::robot
