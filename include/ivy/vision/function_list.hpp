#pragma once
/// The one list of ivy::vision's functions. The native-array overloads (vision/native.hpp), the
/// Python module's name check and the docs check follow it: a function added to the library
/// goes here, and the tests fail until Python and docs/vision.md have it too.

/** X(name) for every function that takes arrays. */
#define IVY_VISION_ARRAY_FUNCTIONS(X)                  \
  X(persp_angles_to_focal_lengths)                     \
  X(focal_lengths_to_persp_angles)                     \
  X(focal_lengths_and_pp_offsets_to_calib_mat)         \
  X(rot_mat_and_cam_center_to_ext_mat)                 \
  X(inv_ext_mat_to_camera_center)                      \
  X(calib_and_ext_to_full_mat)                         \
  X(projection_matrix_inverse)                         \
  X(projection_matrix_pseudo_inverse)                  \
  X(depth_to_ds_pixel_coords)                          \
  X(ds_pixel_coords_to_radial_depth)                   \
  X(depth_to_radial_depth)                             \
  X(cam_to_ds_pixel_coords)                            \
  X(cam_coords_to_depth)                               \
  X(ds_pixel_to_cam_coords)                            \
  X(depth_to_cam_coords)                               \
  X(world_to_cam_coords)                               \
  X(cam_to_world_coords)                               \
  X(world_to_ds_pixel_coords)                          \
  X(world_coords_to_depth)                             \
  X(ds_pixel_to_world_coords)                          \
  X(depth_to_world_coords)                             \
  X(pixel_coords_to_world_ray_vectors)                 \
  X(sphere_coords_to_world_ray_vectors)                \
  X(bilinearly_interpolate_image)                      \
  X(cam_to_sphere_coords)                              \
  X(ds_pixel_to_sphere_coords)                         \
  X(sphere_to_cam_coords)                              \
  X(sphere_to_ds_pixel_coords)                         \
  X(sphere_to_angular_pixel_coords)                    \
  X(angular_pixel_to_sphere_coords)                    \
  X(focal_lengths_and_pp_offsets_to_intrinsics_object) \
  X(persp_angles_and_pp_offsets_to_intrinsics_object)  \
  X(calib_mat_to_intrinsics_object)                    \
  X(ext_mat_and_intrinsics_to_cam_geometry_object)     \
  X(inv_ext_mat_and_intrinsics_to_cam_geometry_object) \
  X(ds_pixel_to_ds_pixel_coords)                       \
  X(cam_to_cam_coords)

/** X(name) for the functions that take sizes only (they create arrays or compute sizes). */
#define IVY_VISION_SIZE_FUNCTIONS(X)   \
  X(create_uniform_pixel_coords_image) \
  X(create_sampled_pixel_coords_image) \
  X(downsampled_image_dims_from_desired_num_pixels)

/** X(name) for every container type. */
#define IVY_VISION_CONTAINERS(X) \
  X(Intrinsics)                  \
  X(Extrinsics)                  \
  X(CameraGeometry)
