#pragma once
/// ivy::vision voxel grids: points binned into a regular grid of boxes. See docs/vision.md.
#include <optional>
#include <string_view>

#include "ivy/core/array.hpp"

namespace ivy::vision {

/** A voxel grid and, per batch entry, its size, voxel size and lower corner. */
struct VoxelGrid {
  /** [BS..., X, Y, Z, 3 + F + 1]: per voxel the mean point, the mean feature and the count. */
  Array grid;
  /** [BS..., 3] int64: the voxels along x, y, z of each batch entry. */
  Array dims;
  /** [BS..., 3]: each voxel's edge lengths along x, y, z. */
  Array resolutions;
  /** [BS..., 3]: the corner of minimum x, y, z of voxel (0, 0, 0). */
  Array lower_corners;
};

/**
 * Bins the points coords [BS..., N, 3|4] (a fourth component is ignored) into voxels.
 *
 * The box is coord_bounds [6] or [BS..., 6] = (x_min, y_min, z_min, x_max, y_max, z_max), of
 * which only the points strictly inside are kept, or by default the bounding box of the points.
 * voxel_shape_spec [3] or [BS..., 3] is, by mode, the number of voxels along x, y, z ("DIMS",
 * truncated to integers, each >= 1) or the wanted voxel size ("RES", each > 0; the number of
 * voxels is ceil(extent / size), at least 1, and the returned resolution is extent / number).
 * A point goes to voxel floor((p - lower) / resolution), the last voxel taking the upper face.
 * With batch entries of different sizes the grid has the largest size along each axis, every
 * entry's voxels starting at index 0. Non-finite points are dropped. features [BS..., N, F]
 * are averaged like the points. An unknown mode or a bad voxel_shape_spec value is a
 * ValueError, mismatched shapes a ShapeError.
 */
VoxelGrid coords_to_voxel_grid(const Array& coords, const Array& voxel_shape_spec,
                               std::string_view mode = "DIMS",
                               const std::optional<Array>& coord_bounds = std::nullopt,
                               const std::optional<Array>& features = std::nullopt);

}  // namespace ivy::vision
