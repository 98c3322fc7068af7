// ivy::vision two-view geometry, written over the unified functions (ivy::Array on any
// backend). Semantics follow ivy_vision's two_view_geometry and projective_geometry's
// solve_homogeneous_dlt; the differences are listed in docs/vision.md.
#include "ivy/vision/two_view_geometry.hpp"

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "vision/detail.hpp"
#include "vision/two_view_detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

Array sphere_to_sphere(std::string_view fn, const Array& sphere_coords1, const Array& ext_mat) {
  need_tail(fn, "sphere_coords1", sphere_coords1, {{3}});
  const Array m = top3(fn, "cam1to2_ext_mat", ext_mat);
  const Array cam2 = transform(fn, sphere_to_cam_coords(sphere_coords1, true), m);
  return cam_to_sphere_coords(cam2, true);
}

void check_pixels_per_degree(std::string_view fn, const Array& x, double pixels_per_degree) {
  if (!(pixels_per_degree > 0))
    value_error(fn, backend_name_of(x),
                "pixels_per_degree must be positive, got " + std::to_string(pixels_per_degree));
}

/** Entry k of axis `axis` (x[..., k, ...] with `axis` leading axes before it). */
Array entry(const Array& x, std::size_t axis, std::int64_t k) {
  return ivy::unstack(x, static_cast<int>(axis))[static_cast<std::size_t>(k)];
}

}  // namespace

Array sphere_to_sphere_coords(const Array& sphere_coords1, const Array& cam1to2_ext_mat) {
  return sphere_to_sphere("sphere_to_sphere_coords", sphere_coords1, cam1to2_ext_mat);
}

Array angular_pixel_to_angular_pixel_coords(const Array& angular_pixel_coords1,
                                            const Array& cam1to2_ext_mat,
                                            double pixels_per_degree) {
  constexpr std::string_view fn = "angular_pixel_to_angular_pixel_coords";
  need_tail(fn, "angular_pixel_coords1", angular_pixel_coords1, {{3}});
  check_pixels_per_degree(fn, angular_pixel_coords1, pixels_per_degree);
  const Array s1 = angular_pixel_to_sphere_coords(angular_pixel_coords1, pixels_per_degree);
  return sphere_to_angular_pixel_coords(sphere_to_sphere(fn, s1, cam1to2_ext_mat),
                                        pixels_per_degree);
}

Array get_fundamental_matrix(const Array& full_mat1, const Array& full_mat2,
                             const std::optional<Array>& camera_center1,
                             const std::optional<Array>& pinv_full_mat1) {
  constexpr std::string_view fn = "get_fundamental_matrix";
  const Array p1 = top3(fn, "full_mat1", full_mat1);
  const Array p2 = top3(fn, "full_mat2", full_mat2);
  const Shape bs = batch_of_matrix(p1);
  same_batch(fn, full_mat1, bs, full_mat2, batch_of_matrix(p2));
  Array c1;
  if (camera_center1) {
    need_shape(fn, "camera_center1", *camera_center1, cat(bs, {3, 1}));
    c1 = *camera_center1;
  } else {
    // P1 (C1, 1) = M C1 + p4 = 0.
    c1 = ivy::negative(ivy::matmul(ivy::inv(last_range(p1, 0, 3)), last_range(p1, 3, 4)));
  }
  Array pinv1;
  if (pinv_full_mat1) {
    need_shape(fn, "pinv_full_mat1", *pinv_full_mat1, cat(bs, {4, 3}));
    pinv1 = *pinv_full_mat1;
  } else {
    pinv1 = projection_matrix_pseudo_inverse(p1);
  }
  // BS x 3: the epipole in image 2, P2 (C1, 1).
  const Array e2 = ivy::reshape(
      ivy::add(ivy::matmul(last_range(p2, 0, 3), c1), last_range(p2, 3, 4)), cat(bs, {3}));
  return ivy::matmul(ivy::vector_to_skew_symmetric_matrix(e2), ivy::matmul(p2, pinv1));
}

Array closest_mutual_points_along_two_skew_rays(const Array& camera_centers,
                                                const Array& world_ray_vectors) {
  return detail::closest_mutual_points("closest_mutual_points_along_two_skew_rays", camera_centers,
                                       world_ray_vectors);
}

Array triangulate_depth(const Array& ds_pixel_coords, const Array& full_mats,
                        const std::optional<Array>& inv_full_mats,
                        const std::optional<Array>& camera_centers, std::string_view method) {
  return detail::triangulate("triangulate_depth", ds_pixel_coords, full_mats, inv_full_mats,
                             camera_centers, method);
}

Array solve_homogeneous_dlt(const Array& A) {
  return detail::homogeneous_dlt("solve_homogeneous_dlt", A);
}

// ---- Shared with optical_flow.cpp (vision/two_view_detail.hpp) ----

namespace detail {

Array closest_mutual_points(std::string_view fn, const Array& camera_centers,
                            const Array& world_ray_vectors) {
  need_tail(fn, "camera_centers", camera_centers, {{2, 3, 1}});
  need_tail(fn, "world_ray_vectors", world_ray_vectors, {{3}});
  const Shape bs = drop_last(camera_centers, 3);
  const std::size_t nb = bs.size();
  const Shape is = image_shape_after(fn, "world_ray_vectors", world_ray_vectors, cat(bs, {2}));
  // BS x 2 x [1]*NID x 3, so that the centres broadcast over the image.
  Shape c_shape = cat(bs, {2});
  c_shape.insert(c_shape.end(), is.size(), 1);
  c_shape.push_back(3);
  const std::vector<Array> c = ivy::unstack(ivy::reshape(camera_centers, c_shape), int(nb));
  const std::vector<Array> d = ivy::unstack(world_ray_vectors, int(nb));
  // n is normal to both rays; n_k spans ray k and n, so the closest point on the other ray lies
  // in the plane through C_k with normal d_other x n.
  const Array n = ivy::cross(d[0], d[1]);
  const Array n0 = ivy::cross(d[0], n), n1 = ivy::cross(d[1], n);
  const auto dot = [](const Array& a, const Array& b) {
    return ivy::sum(ivy::multiply(a, b), Axes{-1}, true);
  };
  const Array t0 = ivy::divide(dot(ivy::subtract(c[1], c[0]), n1), dot(d[0], n1));
  const Array t1 = ivy::divide(dot(ivy::subtract(c[0], c[1]), n0), dot(d[1], n0));
  const Array p0 = ivy::add(c[0], ivy::multiply(t0, d[0]));
  const Array p1 = ivy::add(c[1], ivy::multiply(t1, d[1]));
  return homogeneous(ivy::stack({p0, p1}, int(nb)));
}

Array homogeneous_dlt(std::string_view fn, const Array& a) {
  const Shape s = a.shape();
  if (s.size() < 2 || s.back() < 1 || s[s.size() - 2] < s.back()) {
    shape_error(fn, a, "A: expected shape [...,m,d] with m >= d >= 1, got " + shape_str(s));
  }
  const std::int64_t d = s.back();
  // The reduced SVD has d rows in Vh; the last belongs to the smallest singular value.
  const Array vh = ivy::svd(a, false).vh;
  return ivy::reshape(row_range(vh, d - 1, d), cat(drop_last(a, 2), {d}));
}

Array triangulate(std::string_view fn, const Array& ds_pixel_coords, const Array& full_mats,
                  const std::optional<Array>& inv_full_mats,
                  const std::optional<Array>& camera_centers, std::string_view method) {
  if (method != "cmp" && method != "dlt") {
    value_error(fn, backend_name_of(ds_pixel_coords),
                "method must be one of [cmp|dlt], got '" + std::string(method) + "'");
  }
  need_tail(fn, "full_mats", full_mats, {{2, 3, 4}, {2, 4, 4}});
  need_tail(fn, "ds_pixel_coords", ds_pixel_coords, {{3}});
  const Array p = row_range(full_mats, 0, 3);  // BS x 2 x 3 x 4
  const Shape bs = drop_last(full_mats, 3);
  const std::size_t nb = bs.size();
  const Shape is = image_shape_after(fn, "ds_pixel_coords", ds_pixel_coords, cat(bs, {2}));
  const Array p0 = entry(p, nb, 0);  // BS x 3 x 4

  if (method == "cmp") {
    Array inv;
    if (inv_full_mats) {
      need_tail(fn, "inv_full_mats", *inv_full_mats, {{2, 3, 4}, {2, 4, 4}});
      same_batch(fn, *inv_full_mats, drop_last(*inv_full_mats, 3), full_mats, bs);
      inv = row_range(*inv_full_mats, 0, 3);
    } else {
      inv = row_range(ivy::inv(homo_mat(p)), 0, 3);
    }
    Array centres = last_range(inv, 3, 4);
    if (camera_centers) {
      need_shape(fn, "camera_centers", *camera_centers, cat(bs, {2, 3, 1}));
      centres = *camera_centers;
    }
    const Array rays = pixel_coords_to_world_ray_vectors(inv, ds_pixel_coords, centres);
    const Array points = closest_mutual_points(fn, centres, rays);  // BS x 2 x IS x 4
    return world_to_ds_pixel_coords(entry(points, nb, 0), p0);
  }

  // dlt: each view gives x (p3 . X) - p1 . X = 0 and y (p3 . X) - p2 . X = 0.
  const Array pix = ivy::divide(ds_pixel_coords, last_range(ds_pixel_coords, 2, 3));
  Shape row_shape = bs;
  row_shape.insert(row_shape.end(), is.size(), 1);
  row_shape.push_back(4);
  std::vector<Array> rows;
  for (std::int64_t k = 0; k < 2; ++k) {
    const Array view = entry(pix, nb, k);                             // BS x IS x 3
    const std::vector<Array> pr = ivy::unstack(entry(p, nb, k), -2);  // BS x 4 each
    const Array r1 = ivy::reshape(pr[0], row_shape), r2 = ivy::reshape(pr[1], row_shape);
    const Array r3 = ivy::reshape(pr[2], row_shape);
    rows.push_back(ivy::subtract(ivy::multiply(last_range(view, 0, 1), r3), r1));
    rows.push_back(ivy::subtract(ivy::multiply(last_range(view, 1, 2), r3), r2));
  }
  const Array x = homogeneous_dlt(fn, ivy::stack(rows, -2));  // BS x IS x 4
  return world_to_ds_pixel_coords(ivy::divide(x, last_range(x, 3, 4)), p0);
}

}  // namespace detail

}  // namespace ivy::vision
