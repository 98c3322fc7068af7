#pragma once
/// ivy::vision two-view geometry (part 1: the coordinate conversions between two cameras).
/// Batch and image shapes as in single_view_geometry.hpp. See docs/vision.md.
#include "ivy/core/array.hpp"

namespace ivy::vision {

/**
 * Depth-scaled pixels of camera 1 [BS, IS, 3] and the camera-1-to-2 full matrix
 * P2 P1^-1 [BS,3|4,4] -> depth-scaled pixels of camera 2 [BS, IS, 3].
 */
Array ds_pixel_to_ds_pixel_coords(const Array& ds_pixel_coords1, const Array& cam1to2_full_mat);
/**
 * Camera-1 coordinates [BS, IS, 3|4] and the camera-1-to-2 extrinsic matrix E2 E1^-1
 * [BS,3|4,4] -> homogeneous camera-2 coordinates [BS, IS, 4].
 */
Array cam_to_cam_coords(const Array& cam_coords1, const Array& cam1to2_ext_mat);

}  // namespace ivy::vision
