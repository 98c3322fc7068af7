// ivy::vision single-view geometry and the camera containers, written over the unified
// functions (ivy::Array on any backend). Semantics follow ivy_vision's single_view_geometry;
// the differences are listed in docs/vision.md.
#include "ivy/vision/single_view_geometry.hpp"
#include "ivy/vision/two_view_geometry.hpp"

#include <cmath>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/mech.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

// ---- Pixel grids and image sizes ----

Array create_uniform_pixel_coords_image(const std::array<std::int64_t, 2>& image_dims,
                                        const Shape& batch_shape, bool normalized,
                                        bool homogeneous_coords, const Options& opts) {
  Options o = opts;
  if (!o.dtype) o.dtype = float32;
  const Array probe = ivy::zeros({0}, o);  // names the backend in errors
  const std::string_view backend = backend_name_of(probe);
  check_image_dims("create_uniform_pixel_coords_image", image_dims, backend);
  for (std::int64_t d : batch_shape) {
    if (d < 0)
      value_error("create_uniform_pixel_coords_image", backend,
                  "batch_shape must be non-negative, got " + shape_str(batch_shape));
  }
  const std::int64_t h = image_dims[0], w = image_dims[1];
  Array xs = ivy::arange(0, w, 1, o);  // [W]
  Array ys = ivy::arange(0, h, 1, o);  // [H]
  if (normalized) {
    xs = ivy::divide(xs, static_cast<double>(w));
    ys = ivy::divide(ys, static_cast<double>(h));
  }
  const std::vector<Array> grid = ivy::meshgrid({ys, xs}, "ij");  // [H, W] each
  std::vector<Array> parts = {grid[1], grid[0]};
  if (homogeneous_coords) parts.push_back(ivy::ones_like(grid[0]));
  Array image = ivy::stack(parts, -1);  // [H, W, 2|3]
  Shape full = batch_shape;
  full.insert(full.end(), {h, w, static_cast<std::int64_t>(parts.size())});
  return ivy::broadcast_to(image, full);
}

Array create_sampled_pixel_coords_image(const std::array<std::int64_t, 2>& image_dims,
                                        const std::array<std::int64_t, 2>& samples_per_dim,
                                        const Shape& batch_shape, bool normalized, bool randomize,
                                        bool homogeneous_coords, const Options& opts) {
  constexpr std::string_view fn = "create_sampled_pixel_coords_image";
  Options o = opts;
  if (!o.dtype) o.dtype = float32;
  const Array probe = ivy::zeros({0}, o);
  check_image_dims(fn, image_dims, backend_name_of(probe));
  if (samples_per_dim[0] <= 0 || samples_per_dim[1] <= 0) {
    value_error(fn, backend_name_of(probe),
                "samples_per_dim must be positive, got [" + std::to_string(samples_per_dim[0]) +
                    ", " + std::to_string(samples_per_dim[1]) + "]");
  }
  const double wx = static_cast<double>(image_dims[1]) / static_cast<double>(samples_per_dim[1]);
  const double wy = static_cast<double>(image_dims[0]) / static_cast<double>(samples_per_dim[0]);
  const Array window = ivy::array(std::vector<double>{wx, wy}, {2}, o);
  // BS x DH x DW x 2: window centres.
  Array pix = ivy::add(
      ivy::multiply(
          create_uniform_pixel_coords_image(samples_per_dim, batch_shape, false, false, o), window),
      ivy::subtract(ivy::divide(window, 2.0), 0.5));
  if (randomize) {
    const Array u = ivy::random_uniform(-0.5, 0.5, ivy::shape(pix), o);
    pix = ivy::add(pix, ivy::multiply(u, window));
  }
  const Array hi = ivy::array(std::vector<double>{static_cast<double>(image_dims[1] - 1),
                                                  static_cast<double>(image_dims[0] - 1)},
                              {2}, o);
  pix = ivy::minimum(ivy::maximum(ivy::round(pix), 0.0), hi);
  if (normalized) pix = ivy::divide(pix, width_height(pix, image_dims));
  return homogeneous_coords ? homogeneous(pix) : pix;
}

std::array<std::int64_t, 3> downsampled_image_dims_from_desired_num_pixels(
    const std::array<std::int64_t, 2>& image_dims, std::int64_t num_pixels, bool maximum) {
  constexpr std::string_view fn = "downsampled_image_dims_from_desired_num_pixels";
  check_image_dims(fn, image_dims, "none");
  if (num_pixels <= 0)
    value_error(fn, "none", "num_pixels must be positive, got " + std::to_string(num_pixels));
  const double ratio = static_cast<double>(image_dims[1]) / static_cast<double>(image_dims[0]);
  const double h = std::sqrt(static_cast<double>(num_pixels) / ratio);
  const auto to_int = [maximum](double v) {
    return static_cast<std::int64_t>(maximum ? std::floor(v) : std::round(v));
  };
  const std::int64_t new_w = to_int(h * ratio), new_h = to_int(h);
  return {new_h, new_w, new_h * new_w};
}

// ---- Intrinsic parameters ----

Array persp_angles_to_focal_lengths(const Array& persp_angles,
                                    const std::array<std::int64_t, 2>& image_dims) {
  constexpr std::string_view fn = "persp_angles_to_focal_lengths";
  need_tail(fn, "persp_angles", persp_angles, {{2}});
  check_image_dims(fn, image_dims, backend_name_of(persp_angles));
  const Array wh = width_height(persp_angles, image_dims);
  return ivy::negative(
      ivy::divide(wh, ivy::multiply(2.0, ivy::tan(ivy::divide(persp_angles, 2.0)))));
}

Array focal_lengths_to_persp_angles(const Array& focal_lengths,
                                    const std::array<std::int64_t, 2>& image_dims) {
  constexpr std::string_view fn = "focal_lengths_to_persp_angles";
  need_tail(fn, "focal_lengths", focal_lengths, {{2}});
  check_image_dims(fn, image_dims, backend_name_of(focal_lengths));
  const Array wh = width_height(focal_lengths, image_dims);
  return ivy::multiply(-2.0, ivy::atan(ivy::divide(wh, ivy::multiply(2.0, focal_lengths))));
}

Array focal_lengths_and_pp_offsets_to_calib_mat(const Array& focal_lengths,
                                                const Array& pp_offsets) {
  constexpr std::string_view fn = "focal_lengths_and_pp_offsets_to_calib_mat";
  need_tail(fn, "focal_lengths", focal_lengths, {{2}});
  need_tail(fn, "pp_offsets", pp_offsets, {{2}});
  same_batch(fn, focal_lengths, drop_last(focal_lengths, 1), pp_offsets, drop_last(pp_offsets, 1));
  const std::vector<Array> f = ivy::unstack(focal_lengths, -1);
  const std::vector<Array> p = ivy::unstack(pp_offsets, -1);
  const Array zero = ivy::zeros_like(f[0]);
  const Array one = ivy::ones_like(f[0]);
  const Array r0 = ivy::stack({f[0], zero, p[0]}, -1);
  const Array r1 = ivy::stack({zero, f[1], p[1]}, -1);
  const Array r2 = ivy::stack({zero, zero, one}, -1);
  return ivy::stack({r0, r1, r2}, -2);
}

// ---- Extrinsic and full matrices ----

Array rot_mat_and_cam_center_to_ext_mat(const Array& rotation_mat, const Array& camera_center) {
  constexpr std::string_view fn = "rot_mat_and_cam_center_to_ext_mat";
  need_tail(fn, "rotation_mat", rotation_mat, {{3, 3}});
  need_tail(fn, "camera_center", camera_center, {{3, 1}});
  same_batch(fn, rotation_mat, drop_last(rotation_mat, 2), camera_center,
             drop_last(camera_center, 2));
  const Array t = ivy::negative(ivy::matmul(rotation_mat, camera_center));
  return ivy::concat({rotation_mat, t}, -1);
}

Array inv_ext_mat_to_camera_center(const Array& inv_ext_mat) {
  return last_range(top3("inv_ext_mat_to_camera_center", "inv_ext_mat", inv_ext_mat), 3, 4);
}

Array calib_and_ext_to_full_mat(const Array& calib_mat, const Array& ext_mat) {
  constexpr std::string_view fn = "calib_and_ext_to_full_mat";
  need_tail(fn, "calib_mat", calib_mat, {{3, 3}});
  need_tail(fn, "ext_mat", ext_mat, {{3, 4}});
  same_batch(fn, calib_mat, drop_last(calib_mat, 2), ext_mat, drop_last(ext_mat, 2));
  return ivy::matmul(calib_mat, ext_mat);
}

Array projection_matrix_inverse(const Array& proj_mat) {
  need_tail("projection_matrix_inverse", "proj_mat", proj_mat, {{3, 4}});
  const Array m_inv = ivy::inv(last_range(proj_mat, 0, 3));
  const Array t_inv = ivy::negative(ivy::matmul(m_inv, last_range(proj_mat, 3, 4)));
  return ivy::concat({m_inv, t_inv}, -1);
}

Array projection_matrix_pseudo_inverse(const Array& proj_mat) {
  need_tail("projection_matrix_pseudo_inverse", "proj_mat", proj_mat, {{3, 4}});
  const Array pt = ivy::swapaxes(proj_mat, -1, -2);
  return ivy::matmul(pt, ivy::inv(ivy::matmul(proj_mat, pt)));
}

// ---- Depth and depth-scaled pixel coordinates ----

namespace {
Array ds_from_depth(std::string_view fn, const Array& depth,
                    const std::optional<Array>& uniform_pixel_coords) {
  need_tail(fn, "depth", depth, {{1}});
  const Shape s = depth.shape();
  if (s.size() < 3) {
    shape_error(fn, depth, "depth: expected shape [...,H,W,1], got " + shape_str(s));
  }
  if (uniform_pixel_coords) {
    need_tail(fn, "uniform_pixel_coords", *uniform_pixel_coords,
              {{s[s.size() - 3], s[s.size() - 2], 3}});
    return ivy::multiply(*uniform_pixel_coords, depth);
  }
  // [H, W, 3], broadcast over the batch by the product rather than materialised per image.
  const Array pix = create_uniform_pixel_coords_image({s[s.size() - 3], s[s.size() - 2]}, {}, false,
                                                      true, like(depth));
  return ivy::multiply(pix, depth);
}
}  // namespace

Array depth_to_ds_pixel_coords(const Array& depth,
                               const std::optional<Array>& uniform_pixel_coords) {
  return ds_from_depth("depth_to_ds_pixel_coords", depth, uniform_pixel_coords);
}

Array ds_pixel_coords_to_radial_depth(const Array& ds_pixel_coords, const Array& inv_calib_mat) {
  constexpr std::string_view fn = "ds_pixel_coords_to_radial_depth";
  need_tail(fn, "ds_pixel_coords", ds_pixel_coords, {{3}});
  need_tail(fn, "inv_calib_mat", inv_calib_mat, {{3, 3}});
  const Array cam = transform(fn, ds_pixel_coords, inv_calib_mat);
  return ivy::sqrt(ivy::sum(ivy::multiply(cam, cam), Axes{-1}, true));
}

Array depth_to_radial_depth(const Array& depth, const Array& inv_calib_mat,
                            const std::optional<Array>& uniform_pixel_coords) {
  constexpr std::string_view fn = "depth_to_radial_depth";
  need_tail(fn, "inv_calib_mat", inv_calib_mat, {{3, 3}});
  const Array ds = ds_from_depth(fn, depth, uniform_pixel_coords);
  const Array cam = transform(fn, ds, inv_calib_mat);
  return ivy::sqrt(ivy::sum(ivy::multiply(cam, cam), Axes{-1}, true));
}

// ---- Camera coordinates ----

Array cam_to_ds_pixel_coords(const Array& coords_wrt_cam, const Array& calib_mat) {
  constexpr std::string_view fn = "cam_to_ds_pixel_coords";
  need_tail(fn, "coords_wrt_cam", coords_wrt_cam, {{3}, {4}});
  need_tail(fn, "calib_mat", calib_mat, {{3, 3}});
  return transform(fn, last_range(coords_wrt_cam, 0, 3), calib_mat);
}

Array cam_coords_to_depth(const Array& coords_wrt_cam, const Array& calib_mat) {
  constexpr std::string_view fn = "cam_coords_to_depth";
  need_tail(fn, "coords_wrt_cam", coords_wrt_cam, {{3}, {4}});
  need_tail(fn, "calib_mat", calib_mat, {{3, 3}});
  return last_range(transform(fn, last_range(coords_wrt_cam, 0, 3), calib_mat), 2, 3);
}

Array ds_pixel_to_cam_coords(const Array& ds_pixel_coords, const Array& inv_calib_mat) {
  constexpr std::string_view fn = "ds_pixel_to_cam_coords";
  need_tail(fn, "ds_pixel_coords", ds_pixel_coords, {{3}});
  need_tail(fn, "inv_calib_mat", inv_calib_mat, {{3, 3}});
  return homogeneous(transform(fn, ds_pixel_coords, inv_calib_mat));
}

Array depth_to_cam_coords(const Array& depth, const Array& inv_calib_mat,
                          const std::optional<Array>& uniform_pixel_coords) {
  constexpr std::string_view fn = "depth_to_cam_coords";
  need_tail(fn, "inv_calib_mat", inv_calib_mat, {{3, 3}});
  return homogeneous(transform(fn, ds_from_depth(fn, depth, uniform_pixel_coords), inv_calib_mat));
}

// ---- World coordinates ----

Array world_to_cam_coords(const Array& coords_wrt_world, const Array& ext_mat) {
  constexpr std::string_view fn = "world_to_cam_coords";
  const Array x = as_homogeneous_point(fn, "coords_wrt_world", coords_wrt_world);
  return homogeneous(transform(fn, x, top3(fn, "ext_mat", ext_mat)));
}

Array cam_to_world_coords(const Array& coords_wrt_cam, const Array& inv_ext_mat) {
  constexpr std::string_view fn = "cam_to_world_coords";
  const Array x = as_homogeneous_point(fn, "coords_wrt_cam", coords_wrt_cam);
  return homogeneous(transform(fn, x, top3(fn, "inv_ext_mat", inv_ext_mat)));
}

Array world_to_ds_pixel_coords(const Array& coords_wrt_world, const Array& full_mat) {
  constexpr std::string_view fn = "world_to_ds_pixel_coords";
  const Array x = as_homogeneous_point(fn, "coords_wrt_world", coords_wrt_world);
  return transform(fn, x, top3(fn, "full_mat", full_mat));
}

Array world_coords_to_depth(const Array& coords_wrt_world, const Array& full_mat) {
  constexpr std::string_view fn = "world_coords_to_depth";
  const Array x = as_homogeneous_point(fn, "coords_wrt_world", coords_wrt_world);
  return last_range(transform(fn, x, top3(fn, "full_mat", full_mat)), 2, 3);
}

Array ds_pixel_to_world_coords(const Array& ds_pixel_coords, const Array& inv_full_mat) {
  constexpr std::string_view fn = "ds_pixel_to_world_coords";
  need_tail(fn, "ds_pixel_coords", ds_pixel_coords, {{3}});
  return homogeneous(
      transform(fn, homogeneous(ds_pixel_coords), top3(fn, "inv_full_mat", inv_full_mat)));
}

Array depth_to_world_coords(const Array& depth, const Array& inv_full_mat,
                            const std::optional<Array>& uniform_pixel_coords) {
  constexpr std::string_view fn = "depth_to_world_coords";
  const Array m = top3(fn, "inv_full_mat", inv_full_mat);
  const Array ds = ds_from_depth(fn, depth, uniform_pixel_coords);
  return homogeneous(transform(fn, homogeneous(ds), m));
}

Array pixel_coords_to_world_ray_vectors(const Array& inv_full_mat, const Array& pixel_coords,
                                        const std::optional<Array>& camera_center) {
  constexpr std::string_view fn = "pixel_coords_to_world_ray_vectors";
  const Array m = top3(fn, "inv_full_mat", inv_full_mat);
  need_tail(fn, "pixel_coords", pixel_coords, {{3}});
  Array center = last_range(m, 3, 4);
  if (camera_center) {
    need_tail(fn, "camera_center", *camera_center, {{3, 1}});
    same_batch(fn, *camera_center, drop_last(*camera_center, 2), m, drop_last(m, 2));
    center = *camera_center;
  }
  const Shape bs = batch_of_matrix(m);
  const Shape is = image_shape_of(fn, pixel_coords, m);
  Shape c_shape = bs;
  c_shape.insert(c_shape.end(), is.size(), 1);
  c_shape.push_back(3);
  const Array points = transform(fn, homogeneous(pixel_coords), m);
  return unit(ivy::subtract(points, ivy::reshape(center, c_shape)));
}

Array sphere_coords_to_world_ray_vectors(const Array& sphere_coords,
                                         const Array& inv_rotation_mat) {
  constexpr std::string_view fn = "sphere_coords_to_world_ray_vectors";
  need_tail(fn, "sphere_coords", sphere_coords, {{3}});
  need_tail(fn, "inv_rotation_mat", inv_rotation_mat, {{3, 3}});
  const Array cam = last_range(sphere_to_cam_coords(sphere_coords, true), 0, 3);
  return unit(transform(fn, cam, inv_rotation_mat));
}

// ---- Between two cameras (two_view_geometry.hpp) ----

Array ds_pixel_to_ds_pixel_coords(const Array& ds_pixel_coords1, const Array& cam1to2_full_mat) {
  constexpr std::string_view fn = "ds_pixel_to_ds_pixel_coords";
  need_tail(fn, "ds_pixel_coords1", ds_pixel_coords1, {{3}});
  return transform(fn, homogeneous(ds_pixel_coords1),
                   top3(fn, "cam1to2_full_mat", cam1to2_full_mat));
}

Array cam_to_cam_coords(const Array& cam_coords1, const Array& cam1to2_ext_mat) {
  constexpr std::string_view fn = "cam_to_cam_coords";
  const Array x = as_homogeneous_point(fn, "cam_coords1", cam_coords1);
  return homogeneous(transform(fn, x, top3(fn, "cam1to2_ext_mat", cam1to2_ext_mat)));
}

// ---- Images ----

Array bilinearly_interpolate_image(const Array& image, const Array& sampling_pixel_coords) {
  constexpr std::string_view fn = "bilinearly_interpolate_image";
  need_tail(fn, "sampling_pixel_coords", sampling_pixel_coords, {{2}});
  const Shape is = image.shape(), ss = sampling_pixel_coords.shape();
  if (is.size() < 3) shape_error(fn, image, "image: expected [...,H,W,D], got " + shape_str(is));
  if (ss.size() < 3)
    shape_error(fn, sampling_pixel_coords,
                "sampling_pixel_coords: expected [...,H',W',2], got " + shape_str(ss));
  const Shape bi(is.begin(), is.end() - 3), bsamp(ss.begin(), ss.end() - 3);
  same_batch(fn, image, bi, sampling_pixel_coords, bsamp);
  Shape flat = bsamp;
  flat.push_back(ss[ss.size() - 3] * ss[ss.size() - 2]);
  flat.push_back(2);
  const Array out = ivy::bilinear_resample(image, ivy::reshape(sampling_pixel_coords, flat));
  Shape result(ss.begin(), ss.end() - 1);
  result.push_back(is.back());
  return ivy::reshape(out, result);
}

// ---- Ego-sphere and angular pixel coordinates ----

Array cam_to_sphere_coords(const Array& cam_coords, bool forward_facing_z) {
  need_tail("cam_to_sphere_coords", "cam_coords", cam_coords, {{3}, {4}});
  const std::vector<Array> c = ivy::unstack(last_range(cam_coords, 0, 3), -1);
  const Array xyz = forward_facing_z ? ivy::stack({c[2], c[0], c[1]}, -1) : ivy::stack(c, -1);
  return ivy::mech::cartesian_to_polar_coords(xyz);
}

Array ds_pixel_to_sphere_coords(const Array& ds_pixel_coords, const Array& inv_calib_mat) {
  constexpr std::string_view fn = "ds_pixel_to_sphere_coords";
  need_tail(fn, "ds_pixel_coords", ds_pixel_coords, {{3}});
  need_tail(fn, "inv_calib_mat", inv_calib_mat, {{3, 3}});
  return cam_to_sphere_coords(transform(fn, ds_pixel_coords, inv_calib_mat), true);
}

Array sphere_to_cam_coords(const Array& sphere_coords, bool forward_facing_z) {
  need_tail("sphere_to_cam_coords", "sphere_coords", sphere_coords, {{3}});
  const Array c = ivy::mech::polar_to_cartesian_coords(sphere_coords);
  if (!forward_facing_z) return homogeneous(c);
  const std::vector<Array> p = ivy::unstack(c, -1);
  return homogeneous(ivy::stack({p[1], p[2], p[0]}, -1));
}

Array sphere_to_ds_pixel_coords(const Array& sphere_coords, const Array& calib_mat) {
  constexpr std::string_view fn = "sphere_to_ds_pixel_coords";
  need_tail(fn, "sphere_coords", sphere_coords, {{3}});
  need_tail(fn, "calib_mat", calib_mat, {{3, 3}});
  const Array cam = last_range(sphere_to_cam_coords(sphere_coords, true), 0, 3);
  return transform(fn, cam, calib_mat);
}

Array sphere_to_angular_pixel_coords(const Array& sphere_coords, double pixels_per_degree) {
  constexpr std::string_view fn = "sphere_to_angular_pixel_coords";
  need_tail(fn, "sphere_coords", sphere_coords, {{3}});
  if (!(pixels_per_degree > 0))
    value_error(fn, backend_name_of(sphere_coords),
                "pixels_per_degree must be positive, got " + std::to_string(pixels_per_degree));
  const std::vector<Array> s = ivy::unstack(sphere_coords, -1);
  const double deg = 180.0 / std::numbers::pi;
  const Array x = ivy::multiply(
      ivy::remainder(ivy::subtract(180.0, ivy::multiply(s[0], deg)), 360.0), pixels_per_degree);
  const Array y = ivy::multiply(ivy::remainder(ivy::multiply(s[1], deg), 180.0), pixels_per_degree);
  return ivy::stack({x, y, s[2]}, -1);
}

Array angular_pixel_to_sphere_coords(const Array& angular_pixel_coords, double pixels_per_degree) {
  constexpr std::string_view fn = "angular_pixel_to_sphere_coords";
  need_tail(fn, "angular_pixel_coords", angular_pixel_coords, {{3}});
  if (!(pixels_per_degree > 0))
    value_error(fn, backend_name_of(angular_pixel_coords),
                "pixels_per_degree must be positive, got " + std::to_string(pixels_per_degree));
  const std::vector<Array> a = ivy::unstack(angular_pixel_coords, -1);
  const double rad = std::numbers::pi / 180.0;
  const Array phi_deg =
      ivy::subtract(180.0, ivy::remainder(ivy::divide(a[0], pixels_per_degree), 360.0));
  const Array theta_deg = ivy::remainder(ivy::divide(a[1], pixels_per_degree), 180.0);
  return ivy::stack({ivy::multiply(phi_deg, rad), ivy::multiply(theta_deg, rad), a[2]}, -1);
}

// ---- Containers ----

Intrinsics Intrinsics::as_identity(const Shape& batch_shape, const Options& opts) {
  Shape two = batch_shape;
  two.push_back(2);
  return {ivy::ones(two, opts), ivy::ones(two, opts), ivy::zeros(two, opts),
          ivy::identity(3, batch_shape, opts), ivy::identity(3, batch_shape, opts)};
}

Extrinsics Extrinsics::as_identity(const Shape& batch_shape, const Options& opts) {
  Shape c = batch_shape;
  c.insert(c.end(), {3, 1});
  return {ivy::zeros(c, opts), ivy::identity(3, batch_shape, opts),
          ivy::identity(3, batch_shape, opts), ivy::identity(4, batch_shape, opts),
          ivy::identity(4, batch_shape, opts)};
}

CameraGeometry CameraGeometry::as_identity(const Shape& batch_shape, const Options& opts) {
  return {Intrinsics::as_identity(batch_shape, opts), Extrinsics::as_identity(batch_shape, opts),
          ivy::identity(4, batch_shape, opts), ivy::identity(4, batch_shape, opts)};
}

Intrinsics focal_lengths_and_pp_offsets_to_intrinsics_object(
    const Array& focal_lengths, const Array& pp_offsets,
    const std::array<std::int64_t, 2>& image_dims) {
  const Array k = focal_lengths_and_pp_offsets_to_calib_mat(focal_lengths, pp_offsets);
  return {focal_lengths, focal_lengths_to_persp_angles(focal_lengths, image_dims), pp_offsets, k,
          ivy::inv(k)};
}

Intrinsics persp_angles_and_pp_offsets_to_intrinsics_object(
    const Array& persp_angles, const Array& pp_offsets,
    const std::array<std::int64_t, 2>& image_dims) {
  const Array f = persp_angles_to_focal_lengths(persp_angles, image_dims);
  const Array k = focal_lengths_and_pp_offsets_to_calib_mat(f, pp_offsets);
  return {f, persp_angles, pp_offsets, k, ivy::inv(k)};
}

Intrinsics calib_mat_to_intrinsics_object(const Array& calib_mat,
                                          const std::array<std::int64_t, 2>& image_dims) {
  need_tail("calib_mat_to_intrinsics_object", "calib_mat", calib_mat, {{3, 3}});
  const Array top = row_range(calib_mat, 0, 2);  // [...,2,3]
  const std::vector<Array> r = ivy::unstack(top, -2);
  const std::vector<Array> r0 = ivy::unstack(r[0], -1), r1 = ivy::unstack(r[1], -1);
  const Array f = ivy::stack({r0[0], r1[1]}, -1);
  const Array p = ivy::stack({r0[2], r1[2]}, -1);
  return {f, focal_lengths_to_persp_angles(f, image_dims), p, calib_mat, ivy::inv(calib_mat)};
}

namespace {
CameraGeometry geometry(std::string_view fn, const Array& ext_mat, const Array& ext_homo,
                        const Array& inv_ext_homo, const Intrinsics& intrinsics) {
  same_batch(fn, ext_mat, drop_last(ext_mat, 2), intrinsics.calib_mats,
             drop_last(intrinsics.calib_mats, 2));
  const Array inv_ext = row_range(inv_ext_homo, 0, 3);
  Extrinsics e{last_range(inv_ext, 3, 4), last_range(ext_mat, 0, 3), last_range(inv_ext, 0, 3),
               ext_homo, inv_ext_homo};
  const Array full_homo = homo_mat(ivy::matmul(intrinsics.calib_mats, ext_mat));
  return {intrinsics, e, full_homo, ivy::inv(full_homo)};
}
}  // namespace

CameraGeometry ext_mat_and_intrinsics_to_cam_geometry_object(const Array& ext_mat,
                                                             const Intrinsics& intrinsics) {
  constexpr std::string_view fn = "ext_mat_and_intrinsics_to_cam_geometry_object";
  need_tail(fn, "ext_mat", ext_mat, {{3, 4}});
  need_tail(fn, "intrinsics.calib_mats", intrinsics.calib_mats, {{3, 3}});
  const Array homo = homo_mat(ext_mat);
  return geometry(fn, ext_mat, homo, ivy::inv(homo), intrinsics);
}

CameraGeometry inv_ext_mat_and_intrinsics_to_cam_geometry_object(const Array& inv_ext_mat,
                                                                 const Intrinsics& intrinsics) {
  constexpr std::string_view fn = "inv_ext_mat_and_intrinsics_to_cam_geometry_object";
  need_tail(fn, "inv_ext_mat", inv_ext_mat, {{3, 4}});
  need_tail(fn, "intrinsics.calib_mats", intrinsics.calib_mats, {{3, 3}});
  const Array inv_homo = homo_mat(inv_ext_mat);
  const Array homo = ivy::inv(inv_homo);
  return geometry(fn, row_range(homo, 0, 3), homo, inv_homo, intrinsics);
}

}  // namespace ivy::vision
