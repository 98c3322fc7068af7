#pragma once
/// ivy::vision single-view geometry: pixel, depth-scaled pixel, camera, world, ego-sphere and
/// angular-pixel coordinates of one pinhole camera, and the matrices between them. Matrices
/// are [...,3,3] / [...,3,4] / [...,4,4] with any leading batch shape BS; coordinate images are
/// BS + image shape IS + [components] (IS any number of dimensions, [H, W] for images). Pixel
/// coordinates are (x, y) = (column, row), the origin at the top-left pixel. See docs/vision.md.
#include <array>
#include <cstdint>
#include <optional>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/vision/containers.hpp"

namespace ivy::vision {

// ---- Pixel grids and image sizes ----

/**
 * [BS..., H, W, 3] homogeneous pixel coordinates (x, y, 1), x the column and y the row; with
 * normalized, x / W and y / H; without homogeneous, [BS..., H, W, 2]. image_dims = {H, W}, both
 * positive (ValueError otherwise). float32 unless opts says otherwise.
 */
Array create_uniform_pixel_coords_image(const std::array<std::int64_t, 2>& image_dims,
                                        const Shape& batch_shape = {}, bool normalized = false,
                                        bool homogeneous = true, const Options& opts = {});

/**
 * [BS..., DH, DW, 2] pixel coordinates sampling an {H, W} image on a {DH, DW} grid
 * (samples_per_dim): each sample sits at the centre of its window of (W / DW) x (H / DH) pixels,
 * moved by a uniform offset within the window when randomize, then rounded to a whole pixel and
 * clamped to the image. normalized divides by (W, H); homogeneous appends a 1. Sizes must be
 * positive (ValueError). float32 unless opts says otherwise.
 */
Array create_sampled_pixel_coords_image(const std::array<std::int64_t, 2>& image_dims,
                                        const std::array<std::int64_t, 2>& samples_per_dim,
                                        const Shape& batch_shape = {}, bool normalized = false,
                                        bool randomize = true, bool homogeneous = false,
                                        const Options& opts = {});

/**
 * The {H', W'} closest to num_pixels pixels that keep the aspect ratio W / H: H' = sqrt(n H / W)
 * and W' = H' W / H, each rounded (half away from zero), or floored when maximum (then
 * H' W' <= num_pixels). Returns {H', W', H' * W'}.
 */
std::array<std::int64_t, 3> downsampled_image_dims_from_desired_num_pixels(
    const std::array<std::int64_t, 2>& image_dims, std::int64_t num_pixels, bool maximum = false);

// ---- Intrinsic parameters ----

/** [...,2] fields of view (horizontal, vertical) -> focal lengths -(W, H) / (2 tan(angle / 2)). */
Array persp_angles_to_focal_lengths(const Array& persp_angles,
                                    const std::array<std::int64_t, 2>& image_dims);
/** [...,2] focal lengths -> fields of view -2 atan((W, H) / (2 f)); inverse of the above. */
Array focal_lengths_to_persp_angles(const Array& focal_lengths,
                                    const std::array<std::int64_t, 2>& image_dims);
/** f [...,2], p [...,2] (same batch shape) -> K = [[fx, 0, px], [0, fy, py], [0, 0, 1]]. */
Array focal_lengths_and_pp_offsets_to_calib_mat(const Array& focal_lengths,
                                                const Array& pp_offsets);

// ---- Extrinsic and full matrices ----

/** R [...,3,3], c [...,3,1] -> E = R [I | -c] [...,3,4]. */
Array rot_mat_and_cam_center_to_ext_mat(const Array& rotation_mat, const Array& camera_center);
/** The last column of the inverse extrinsic (or inverse full) matrix [...,3|4,4] -> [...,3,1]. */
Array inv_ext_mat_to_camera_center(const Array& inv_ext_mat);
/** K [...,3,3], E [...,3,4] -> P = K E [...,3,4]. */
Array calib_and_ext_to_full_mat(const Array& calib_mat, const Array& ext_mat);
/** [M | t] [...,3,4] with M invertible -> [M^-1 | -M^-1 t] [...,3,4]. */
Array projection_matrix_inverse(const Array& proj_mat);
/** P [...,3,4] of full row rank -> the right pseudo-inverse P^T (P P^T)^-1 [...,4,3]. */
Array projection_matrix_pseudo_inverse(const Array& proj_mat);

// ---- Depth and depth-scaled pixel coordinates ----

/** depth [BS..., H, W, 1] -> depth-scaled pixel coordinates (x d, y d, d) [BS..., H, W, 3]. */
Array depth_to_ds_pixel_coords(const Array& depth,
                               const std::optional<Array>& uniform_pixel_coords = std::nullopt);
/** ds [BS, IS, 3], K^-1 [BS,3,3] -> |K^-1 ds|, the distance from the camera centre [BS, IS, 1]. */
Array ds_pixel_coords_to_radial_depth(const Array& ds_pixel_coords, const Array& inv_calib_mat);
/** depth [BS, H, W, 1], K^-1 [BS,3,3] -> radial depth [BS, H, W, 1]. */
Array depth_to_radial_depth(const Array& depth, const Array& inv_calib_mat,
                            const std::optional<Array>& uniform_pixel_coords = std::nullopt);

// ---- Camera coordinates ----

/** cam [BS, IS, 3|4], K [BS,3,3] -> K cam[..., :3], the depth-scaled pixels [BS, IS, 3]. */
Array cam_to_ds_pixel_coords(const Array& coords_wrt_cam, const Array& calib_mat);
/** cam [BS, IS, 3|4], K [BS,3,3] -> the depth (z) [BS, IS, 1]. */
Array cam_coords_to_depth(const Array& coords_wrt_cam, const Array& calib_mat);
/** ds [BS, IS, 3], K^-1 [BS,3,3] -> homogeneous camera coordinates [BS, IS, 4]. */
Array ds_pixel_to_cam_coords(const Array& ds_pixel_coords, const Array& inv_calib_mat);
/** depth [BS, H, W, 1], K^-1 [BS,3,3] -> homogeneous camera coordinates [BS, H, W, 4]. */
Array depth_to_cam_coords(const Array& depth, const Array& inv_calib_mat,
                          const std::optional<Array>& uniform_pixel_coords = std::nullopt);

// ---- World coordinates ----

/** world [BS, IS, 3|4], E [BS,3|4,4] -> homogeneous camera coordinates [BS, IS, 4]. */
Array world_to_cam_coords(const Array& coords_wrt_world, const Array& ext_mat);
/** cam [BS, IS, 3|4], E^-1 [BS,3|4,4] -> homogeneous world coordinates [BS, IS, 4]. */
Array cam_to_world_coords(const Array& coords_wrt_cam, const Array& inv_ext_mat);
/** world [BS, IS, 3|4], P [BS,3|4,4] -> depth-scaled pixels [BS, IS, 3]. */
Array world_to_ds_pixel_coords(const Array& coords_wrt_world, const Array& full_mat);
/** world [BS, IS, 3|4], P [BS,3|4,4] -> depth [BS, IS, 1]. */
Array world_coords_to_depth(const Array& coords_wrt_world, const Array& full_mat);
/** ds [BS, IS, 3], P^-1 [BS,3|4,4] (inverse of the homogeneous P) -> world [BS, IS, 4]. */
Array ds_pixel_to_world_coords(const Array& ds_pixel_coords, const Array& inv_full_mat);
/** depth [BS, H, W, 1], P^-1 [BS,3|4,4] -> homogeneous world coordinates [BS, H, W, 4]. */
Array depth_to_world_coords(const Array& depth, const Array& inv_full_mat,
                            const std::optional<Array>& uniform_pixel_coords = std::nullopt);
/**
 * Unit vectors from the camera centre through pixels: pixel_coords [BS, IS, 3] (homogeneous or
 * depth-scaled), P^-1 [BS,3|4,4], camera_center [BS,3,1] (default: the last column of P^-1,
 * which is the centre for a homogeneous P^-1) -> [BS, IS, 3].
 */
Array pixel_coords_to_world_ray_vectors(const Array& inv_full_mat, const Array& pixel_coords,
                                        const std::optional<Array>& camera_center = std::nullopt);
/** sphere [BS, IS, 3], R^-1 [BS,3,3] -> unit world ray vectors [BS, IS, 3]. */
Array sphere_coords_to_world_ray_vectors(const Array& sphere_coords, const Array& inv_rotation_mat);

// ---- Images ----

/**
 * image [BS..., H, W, D] sampled bilinearly at the pixel positions sampling_pixel_coords
 * [BS..., H', W', 2] (x, y; the batch shapes equal); positions outside the image are clamped to
 * the border -> [BS..., H', W', D].
 */
Array bilinearly_interpolate_image(const Array& image, const Array& sampling_pixel_coords);

// ---- Ego-sphere and angular pixel coordinates ----

/**
 * cam [...,3|4] -> ego-sphere polar coordinates [phi, theta, r] [...,3]. With forward_facing_z,
 * phi = atan2(x, z) (azimuth about +y from the optical axis) and theta = atan2(hypot(z, x), y)
 * (inclination from +y); otherwise mech::cartesian_to_polar_coords of (x, y, z).
 */
Array cam_to_sphere_coords(const Array& cam_coords, bool forward_facing_z = true);
/** ds [BS, IS, 3], K^-1 [BS,3,3] -> ego-sphere coordinates [BS, IS, 3]. */
Array ds_pixel_to_sphere_coords(const Array& ds_pixel_coords, const Array& inv_calib_mat);
/** [phi, theta, r] [...,3] -> homogeneous camera coordinates [...,4]; inverse of the above. */
Array sphere_to_cam_coords(const Array& sphere_coords, bool forward_facing_z = true);
/** sphere [BS, IS, 3], K [BS,3,3] -> depth-scaled pixels [BS, IS, 3]. */
Array sphere_to_ds_pixel_coords(const Array& sphere_coords, const Array& calib_mat);
/**
 * [phi, theta, r] [...,3] -> angular pixels [((180 - phi_deg) mod 360) ppd, (theta_deg mod 180)
 * ppd, r]; pixels_per_degree > 0 (ValueError otherwise).
 */
Array sphere_to_angular_pixel_coords(const Array& sphere_coords, double pixels_per_degree);
/** Angular pixels [...,3] -> [phi, theta, r], the inverse of the above within its ranges. */
Array angular_pixel_to_sphere_coords(const Array& angular_pixel_coords, double pixels_per_degree);

// ---- Container constructors ----

/** Intrinsics from focal lengths [...,2] and principal points [...,2]. */
Intrinsics focal_lengths_and_pp_offsets_to_intrinsics_object(
    const Array& focal_lengths, const Array& pp_offsets,
    const std::array<std::int64_t, 2>& image_dims);
/** Intrinsics from fields of view [...,2] and principal points [...,2]. */
Intrinsics persp_angles_and_pp_offsets_to_intrinsics_object(
    const Array& persp_angles, const Array& pp_offsets,
    const std::array<std::int64_t, 2>& image_dims);
/** Intrinsics from a calibration matrix [...,3,3]. */
Intrinsics calib_mat_to_intrinsics_object(const Array& calib_mat,
                                          const std::array<std::int64_t, 2>& image_dims);
/** Camera geometry from E [...,3,4] and intrinsics of the same batch shape. */
CameraGeometry ext_mat_and_intrinsics_to_cam_geometry_object(const Array& ext_mat,
                                                             const Intrinsics& intrinsics);
/** Camera geometry from E^-1 [...,3,4] and intrinsics of the same batch shape. */
CameraGeometry inv_ext_mat_and_intrinsics_to_cam_geometry_object(const Array& inv_ext_mat,
                                                                 const Intrinsics& intrinsics);

}  // namespace ivy::vision
