#pragma once
/// ivy::vision signed distance functions of primitive shapes: negative inside, zero on the
/// surface, the Euclidean distance to the surface outside. Primitives are [BS..., N, ...] with any
/// leading batch shape BS, query points [BS..., NP, 3] with the same BS; the result is the
/// distance to the closest primitive [BS..., NP, 1]. See docs/vision.md.
#include "ivy/core/array.hpp"
#include "ivy/vision/containers.hpp"

namespace ivy::vision {

/**
 * Signed distances of query_positions [BS..., NP, 3] to the closest of the spheres with centres
 * sphere_positions [BS..., NS, 3] and radii sphere_radii [BS..., NS, 1]: min_s |q - c_s| - r_s
 * -> [BS..., NP, 1]. NS >= 1.
 */
Array sphere_signed_distances(const Array& sphere_positions, const Array& sphere_radii,
                              const Array& query_positions);

/**
 * Exact signed distances of query_positions [BS..., NP, 3] to the closest of the cuboids with
 * world-to-cuboid transforms cuboid_ext_mats [BS..., NC, 3|4, 4] (each maps a world point to the
 * cuboid's frame, whose origin is the cuboid centre) and side lengths cuboid_dims [BS..., NC, 3]
 * along the cuboid's x, y, z: with p the point in the cuboid frame and q = |p| - dims / 2,
 * |max(q, 0)| + min(max_i q_i, 0) -> [BS..., NP, 1]. NC >= 1.
 */
Array cuboid_signed_distances(const Array& cuboid_ext_mats, const Array& cuboid_dims,
                              const Array& query_positions);

}  // namespace ivy::vision
