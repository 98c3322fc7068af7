#pragma once
/// ivy::vision optical flow: flow from depth and cameras and back, flow projected to epipolar
/// lines, cost volumes, and velocities and flow from per-object transformations. Batch and
/// image shapes as in single_view_geometry.hpp; flow is (dx, dy) in pixels. See docs/vision.md.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "ivy/core/array.hpp"

namespace ivy::vision {

/**
 * Optical flow from camera 1 to camera 2: depth-scaled pixels of camera 1 [BS, IS, 3] and the
 * camera-1-to-2 full matrix P2 P1^-1 [BS,3|4,4] -> the pixel displacement [BS, IS, 2] of each
 * point, (x2, y2) - (x1, y1) after dividing both by their depth.
 */
Array flow_from_depth_and_cam_mats(const Array& ds_pixel_coords1, const Array& cam1to2_full_mat);

/**
 * Depth of camera 1 [BS, H, W, 1] triangulated from the optical flow of camera 1 to 2
 * [BS, H, W, 2] and the full matrices [BS, 2, 3|4, 4] of both cameras (triangulate_depth of
 * each pixel and the pixel it flows to; inv_full_mats, camera_centers and method as there).
 * uniform_pixel_coords [BS, H, W, 3] defaults to create_uniform_pixel_coords_image.
 */
Array depth_from_flow_and_cam_mats(const Array& flow, const Array& full_mats,
                                   const std::optional<Array>& inv_full_mats = std::nullopt,
                                   const std::optional<Array>& camera_centers = std::nullopt,
                                   const std::optional<Array>& uniform_pixel_coords = std::nullopt,
                                   std::string_view triangulation_method = "cmp");

/**
 * Optical flow [BS, H, W, 2] moved so that each pixel x lands on its epipolar line F x in image
 * 2 (the closest point of the line to x + flow), for the fundamental matrix F [BS,3,3]. At a
 * pixel with no line (F x has zero first two components, the epipole) the flow is unchanged.
 * uniform_pixel_coords [BS, H, W, 3] defaults to create_uniform_pixel_coords_image.
 */
Array project_flow_to_epipolar_line(
    const Array& flow, const Array& fund_mat,
    const std::optional<Array>& uniform_pixel_coords = std::nullopt);

/**
 * FlowNet's correlation: image1, image2 [BS, H, W, D] and search_range r >= 0 (ValueError
 * otherwise) -> [BS, H, W, (2r+1)^2], channel (dy + r) (2r + 1) + (dx + r) the mean over D of
 * image1[y, x] * image2[y + dy, x + dx], with image2 zero outside the image.
 */
Array pixel_cost_volume(const Array& image1, const Array& image2, std::int64_t search_range);

/**
 * Velocity of camera-t points relative to the camera [BS, H, W, 3] and its validity mask
 * [BS, H, W, 1] (bool): each pixel's point in frame t-1 is read at x + flow_t_to_tm1 (bilinear)
 * from cam_coords_tm1 [BS, H, W, 3|4], moved into frame t by cam_tm1_to_t_ext_mat [BS,3|4,4],
 * and velocity = (cam_coords_t [BS, H, W, 3|4] - that point) / delta_t [BS, 1]. Valid where
 * x + flow lies within the image ([0, W-1] x [0, H-1]); the velocity is zero elsewhere.
 * uniform_pixel_coords [BS, H, W, 3] defaults to create_uniform_pixel_coords_image.
 */
std::pair<Array, Array> velocity_from_flow_cam_coords_and_cam_mats(
    const Array& flow_t_to_tm1, const Array& cam_coords_t, const Array& cam_coords_tm1,
    const Array& cam_tm1_to_t_ext_mat, const Array& delta_t,
    const std::optional<Array>& uniform_pixel_coords = std::nullopt);

/**
 * Camera-1 points [BS, IS, 3|4] moved into camera 2: pixels whose id (id_image [BS, IS, 1])
 * equals an object id (obj_ids [BS, N, 1]) by that object's transformation (obj_trans
 * [BS, N, 3|4, 4]; the first matching object when ids repeat), the others by the
 * camera-1-to-2 extrinsic matrix [BS,3|4,4]. Returns the homogeneous camera-2 points
 * [BS, IS, 4] and the motion mask [BS, IS, 1] (bool, true on the objects' pixels).
 */
std::pair<Array, Array> project_cam_coords_with_object_transformations(
    const Array& cam_coords_1, const Array& id_image, const Array& obj_ids, const Array& obj_trans,
    const Array& cam_1_to_2_ext_mat);

/**
 * Velocity [BS, IS, 3] of the points on moving objects: (p - T p) / delta_t for camera points
 * p (cam_coords_t [BS, IS, 3|4]) on an object with transformation T (ids and transformations as
 * in project_cam_coords_with_object_transformations; delta_t [BS, 1]); zero off the objects.
 */
Array velocity_from_cam_coords_id_image_and_object_trans(const Array& cam_coords_t,
                                                         const Array& id_image,
                                                         const Array& obj_ids,
                                                         const Array& obj_trans,
                                                         const Array& delta_t);

/**
 * Optical flow [BS, IS, 2] of camera-1 points [BS, IS, 3|4] moved by their objects'
 * transformations (the others by the camera-1-to-2 extrinsic matrix [BS,3|4,4]; as in
 * project_cam_coords_with_object_transformations), both projected with calib_mat [BS,3,3].
 */
Array flow_from_cam_coords_id_image_and_object_trans(const Array& cam_coords_f1,
                                                     const Array& id_image, const Array& obj_ids,
                                                     const Array& obj_trans, const Array& calib_mat,
                                                     const Array& cam_1_to_2_ext_mat);

}  // namespace ivy::vision
