#pragma once
/// ivy::vision two-view geometry: coordinate conversions between two cameras, the fundamental
/// matrix, closest points of two rays and triangulation. Batch and image shapes as in
/// single_view_geometry.hpp. See docs/vision.md.
#include <optional>
#include <string_view>

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
/**
 * Ego-sphere coordinates [phi, theta, r] of camera 1 [BS, IS, 3] and the camera-1-to-2
 * extrinsic matrix [BS,3|4,4] -> ego-sphere coordinates of camera 2 [BS, IS, 3].
 */
Array sphere_to_sphere_coords(const Array& sphere_coords1, const Array& cam1to2_ext_mat);
/**
 * Angular pixels of camera 1 [BS, IS, 3], the camera-1-to-2 extrinsic matrix [BS,3|4,4] and
 * pixels_per_degree > 0 (ValueError otherwise) -> angular pixels of camera 2 [BS, IS, 3].
 */
Array angular_pixel_to_angular_pixel_coords(const Array& angular_pixel_coords1,
                                            const Array& cam1to2_ext_mat, double pixels_per_degree);

/**
 * The fundamental matrix F = [e2]x P2 P1^+ [BS,3,3] of two full matrices P1, P2 [BS,3|4,4]
 * (equal batch shapes), with e2 = P2 (C1, 1) the epipole in image 2: corresponding homogeneous
 * pixels satisfy x2^T F x1 = 0. camera_center1 [BS,3,1] defaults to the centre of P1
 * (-M^-1 p4 for P1 = [M | p4]); pinv_full_mat1 [BS,4,3] defaults to the right pseudo-inverse
 * P1^T (P1 P1^T)^-1 of the top three rows of P1.
 */
Array get_fundamental_matrix(const Array& full_mat1, const Array& full_mat2,
                             const std::optional<Array>& camera_center1 = std::nullopt,
                             const std::optional<Array>& pinv_full_mat1 = std::nullopt);

/**
 * The closest points of the two rays C_k + t_k v_k, k = 0, 1, for every pixel: camera centres
 * [BS, 2, 3, 1] and ray vectors [BS, 2, IS, 3] (need not be unit) -> homogeneous world points
 * [BS, 2, IS, 4], entry k on ray k. Rays that intersect give their intersection twice; parallel
 * rays have no unique closest points and give NaN.
 */
Array closest_mutual_points_along_two_skew_rays(const Array& camera_centers,
                                                const Array& world_ray_vectors);

/**
 * Triangulates every pixel seen by two cameras: depth-scaled (or homogeneous) pixels of the
 * same world points in camera 1 and 2 [BS, 2, IS, 3] and the full matrices [BS, 2, 3|4, 4]
 * -> the depth-scaled pixels of the triangulated points in camera 1 [BS, IS, 3] (the last
 * component is the depth). method "cmp" intersects the two pixel rays (closest mutual points,
 * using inv_full_mats [BS, 2, 3|4, 4], the inverses of the homogeneous full matrices, and
 * camera_centers [BS, 2, 3, 1], both computed from full_mats when absent); "dlt" solves the
 * homogeneous linear system of the two projections (solve_homogeneous_dlt; inv_full_mats and
 * camera_centers are not used). Another method is a ValueError.
 */
Array triangulate_depth(const Array& ds_pixel_coords, const Array& full_mats,
                        const std::optional<Array>& inv_full_mats = std::nullopt,
                        const std::optional<Array>& camera_centers = std::nullopt,
                        std::string_view method = "cmp");

/**
 * The homogeneous DLT solution of A x = 0 for A [BS, m, d] with m >= d (usually d x d): the
 * right singular vector of the smallest singular value [BS, d], of unit length (its sign is not
 * unique), which minimises |A x| over unit x and spans the null space of a rank d - 1 matrix.
 */
Array solve_homogeneous_dlt(const Array& A);

}  // namespace ivy::vision
