#pragma once
/// The one list of ivy::vision's functions. The native-array overloads (vision/native.hpp), the
/// Python module's name check and the docs check follow it: a function added to the library
/// goes here, and the tests fail until Python and docs/vision.md have it too.

/** X(name) for every function that takes arrays. */
#define IVY_VISION_ARRAY_FUNCTIONS(X)                   \
  X(persp_angles_to_focal_lengths)                      \
  X(focal_lengths_to_persp_angles)                      \
  X(focal_lengths_and_pp_offsets_to_calib_mat)          \
  X(rot_mat_and_cam_center_to_ext_mat)                  \
  X(inv_ext_mat_to_camera_center)                       \
  X(calib_and_ext_to_full_mat)                          \
  X(projection_matrix_inverse)                          \
  X(projection_matrix_pseudo_inverse)                   \
  X(depth_to_ds_pixel_coords)                           \
  X(ds_pixel_coords_to_radial_depth)                    \
  X(depth_to_radial_depth)                              \
  X(cam_to_ds_pixel_coords)                             \
  X(cam_coords_to_depth)                                \
  X(ds_pixel_to_cam_coords)                             \
  X(depth_to_cam_coords)                                \
  X(world_to_cam_coords)                                \
  X(cam_to_world_coords)                                \
  X(world_to_ds_pixel_coords)                           \
  X(world_coords_to_depth)                              \
  X(ds_pixel_to_world_coords)                           \
  X(depth_to_world_coords)                              \
  X(pixel_coords_to_world_ray_vectors)                  \
  X(sphere_coords_to_world_ray_vectors)                 \
  X(bilinearly_interpolate_image)                       \
  X(cam_to_sphere_coords)                               \
  X(ds_pixel_to_sphere_coords)                          \
  X(sphere_to_cam_coords)                               \
  X(sphere_to_ds_pixel_coords)                          \
  X(sphere_to_angular_pixel_coords)                     \
  X(angular_pixel_to_sphere_coords)                     \
  X(focal_lengths_and_pp_offsets_to_intrinsics_object)  \
  X(persp_angles_and_pp_offsets_to_intrinsics_object)   \
  X(calib_mat_to_intrinsics_object)                     \
  X(ext_mat_and_intrinsics_to_cam_geometry_object)      \
  X(inv_ext_mat_and_intrinsics_to_cam_geometry_object)  \
  X(ds_pixel_to_ds_pixel_coords)                        \
  X(cam_to_cam_coords)                                  \
  X(sphere_to_sphere_coords)                            \
  X(angular_pixel_to_angular_pixel_coords)              \
  X(get_fundamental_matrix)                             \
  X(closest_mutual_points_along_two_skew_rays)          \
  X(triangulate_depth)                                  \
  X(solve_homogeneous_dlt)                              \
  X(flow_from_depth_and_cam_mats)                       \
  X(depth_from_flow_and_cam_mats)                       \
  X(project_flow_to_epipolar_line)                      \
  X(pixel_cost_volume)                                  \
  X(velocity_from_flow_cam_coords_and_cam_mats)         \
  X(project_cam_coords_with_object_transformations)     \
  X(velocity_from_cam_coords_id_image_and_object_trans) \
  X(flow_from_cam_coords_id_image_and_object_trans)     \
  X(quantize_to_image)                                  \
  X(weighted_image_smooth)                              \
  X(smooth_image_fom_var_image)                         \
  X(smooth_image_from_var_image)                        \
  X(pad_omni_image)                                     \
  X(coord_image_to_trimesh)                             \
  X(rasterize_triangles)                                \
  X(coords_to_voxel_grid)                               \
  X(sphere_signed_distances)                            \
  X(cuboid_signed_distances)                            \
  X(positional_encoding)                                \
  X(sample_images)                                      \
  X(sampled_volume_density_to_occupancy_probability)    \
  X(ray_termination_probabilities)                      \
  X(stratified_sample)                                  \
  X(render_rays_via_termination_probabilities)          \
  X(render_implicit_features_and_depth)

/** X(name) for the functions that take sizes only (they create arrays or compute sizes). */
#define IVY_VISION_SIZE_FUNCTIONS(X)                \
  X(create_uniform_pixel_coords_image)              \
  X(create_sampled_pixel_coords_image)              \
  X(downsampled_image_dims_from_desired_num_pixels) \
  X(create_trimesh_indices_for_image)

/** X(name) for every container type. */
#define IVY_VISION_CONTAINERS(X) \
  X(Intrinsics)                  \
  X(Extrinsics)                  \
  X(CameraGeometry)              \
  X(PrimitiveScene)
