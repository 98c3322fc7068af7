#pragma once
/// ivy::vision single-view geometry, part 1 (issue 14): pixel-coordinate images, focal lengths
/// and perspective angles, calibration / extrinsic / full matrices, and the conversions between
/// depth, depth-scaled pixel, camera and world coordinates. Conventions (docs/vision.md): pixel
/// [x, y] with the origin at the top-left corner, +x right, +y down; depth-scaled pixel
/// coordinates [x d, y d, d]; camera and world coordinates homogeneous [x, y, z, 1]; focal
/// lengths negative, as the original library's. Every function takes any leading batch
/// dimensions (those of its matrix argument) and any image dimensions after them.
#include <cstdint>
#include <optional>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"

namespace ivy::vision {

/** The original's guard against division by zero. */
inline constexpr double MIN_DENOMINATOR = 1e-12;

/**
 * coords [B..., I..., n] transformed by matrices [B..., m, n]: [B..., I..., m], each point
 * multiplied by its batch's matrix (the original's projective_geometry.transform).
 */
Array transform(const Array& coords, const Array& matrices);

/**
 * [batch_shape..., h, w, 2 or 3]: pixel x (column) and y (row) of every pixel, as floats,
 * divided by (w, h) when normalized, with a trailing 1 when homogeneous. image_dims = {h, w},
 * both >= 1 (ValueError).
 */
Array create_uniform_pixel_coords_image(const Shape& image_dims, const Shape& batch_shape = {},
                                        bool normalized = false, bool homogeneous = true,
                                        const Options& opts = {});

/** Perspective angles [..., 2] (x, y) -> focal lengths -(w, h) / (2 tan(angle / 2)). */
Array persp_angles_to_focal_lengths(const Array& persp_angles, const Shape& image_dims);
/** Focal lengths [..., 2] -> perspective angles -2 atan((w, h) / (2 f)): the inverse. */
Array focal_lengths_to_persp_angles(const Array& focal_lengths, const Shape& image_dims);
/** [[fx, 0, px], [0, fy, py], [0, 0, 1]] [..., 3, 3] from focal lengths and offsets [..., 2]. */
Array focal_lengths_and_pp_offsets_to_calib_mat(const Array& focal_lengths,
                                                const Array& pp_offsets);
/** E = R [I | -C] [..., 3, 4] from rotations [..., 3, 3] and camera centres [..., 3, 1]. */
Array rot_mat_and_cam_center_to_ext_mat(const Array& rotation_mat, const Array& camera_center);
/** P = K E [..., 3, 4]. */
Array calib_and_ext_to_full_mat(const Array& calib_mat, const Array& ext_mat);
/** The camera centre [..., 3, 1]: the last column of the inverse extrinsic matrix [..., 3, 4]. */
Array inv_ext_mat_to_camera_center(const Array& inv_ext_mat);

/**
 * Depth [B..., h, w, 1] -> depth-scaled pixel coordinates [B..., h, w, 3]: the uniform pixel
 * coordinates (given, or made for depth's shape and dtype) times the depth.
 */
Array depth_to_ds_pixel_coords(const Array& depth,
                               const std::optional<Array>& uniform_pixel_coords = std::nullopt);
/** Depth-scaled pixel coordinates [B..., I..., 3] -> camera coordinates [B..., I..., 4]. */
Array ds_pixel_to_cam_coords(const Array& ds_pixel_coords, const Array& inv_calib_mat);
/** Camera coordinates [B..., I..., 3 or 4] -> depth-scaled pixel coordinates [B..., I..., 3]. */
Array cam_to_ds_pixel_coords(const Array& coords_wrt_cam, const Array& calib_mat);
/** Camera coordinates [B..., I..., 3 or 4] -> depth [B..., I..., 1]. */
Array cam_coords_to_depth(const Array& coords_wrt_cam, const Array& calib_mat);
/** Depth [B..., h, w, 1] -> camera coordinates [B..., h, w, 4]. */
Array depth_to_cam_coords(const Array& depth, const Array& inv_calib_mat,
                          const std::optional<Array>& uniform_pixel_coords = std::nullopt);
/** World coordinates [B..., I..., 4] -> camera coordinates [B..., I..., 4] by E [B..., 3, 4]. */
Array world_to_cam_coords(const Array& coords_wrt_world, const Array& ext_mat);
/** Camera coordinates [B..., I..., 4] -> world coordinates [B..., I..., 4] by E^-1 [B..., 3, 4]. */
Array cam_to_world_coords(const Array& coords_wrt_cam, const Array& inv_ext_mat);
/** World coordinates [B..., I..., 4] -> depth-scaled pixel coordinates by P [B..., 3, 4]. */
Array world_to_ds_pixel_coords(const Array& coords_wrt_world, const Array& full_mat);
/** World coordinates [B..., I..., 4] -> depth [B..., I..., 1] by P [B..., 3, 4]. */
Array world_coords_to_depth(const Array& coords_wrt_world, const Array& full_mat);
/** Depth-scaled pixel coordinates [B..., I..., 3] -> the distance from the camera [..., 1]. */
Array ds_pixel_coords_to_radial_depth(const Array& ds_pixel_coords, const Array& inv_calib_mat);

}  // namespace ivy::vision
