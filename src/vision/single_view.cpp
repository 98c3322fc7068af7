// ivy::vision single-view geometry, part 1: written once from unified functions.
#include "ivy/vision/single_view.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"

namespace ivy::vision {
namespace {

std::string qualified(std::string_view fn) { return "vision::" + std::string(fn); }

// Options for new arrays like x: its dtype, backend and device.
Options like(const Array& x) {
  Options o(x.dtype());
  o.on(x.backend()).to(x.device());
  return o;
}

[[noreturn]] void shape_error(std::string_view fn, const Array& x, const std::string& what) {
  detail::raise<ShapeError>(qualified(fn), x.backend_name(), what);
}

// ShapeError naming fn unless x is [..., tail...] (-1: any size).
void require_tail(std::string_view fn, const Array& x, const char* name,
                  std::initializer_list<std::int64_t> tail) {
  const Shape& s = x.shape();
  bool ok = s.size() >= tail.size();
  for (std::size_t i = 0; ok && i < tail.size(); ++i) {
    const std::int64_t want = tail.begin()[i];
    ok = want < 0 || s[s.size() - tail.size() + i] == want;
  }
  if (!ok) {
    std::string t = "[...";
    for (std::int64_t d : tail) t += "," + (d < 0 ? std::string("n") : std::to_string(d));
    shape_error(fn, x, std::string(name) + " must be " + t + "], got " + shape_str(s));
  }
}

// The last-axis slice x[..., begin:end].
Array last_range(const Array& x, std::int64_t begin, std::int64_t end) {
  std::vector<Slice> s(static_cast<std::size_t>(x.ndim()));
  s.back() = Slice{begin, end};
  return slice(x, s);
}

// image_dims as (h, w), both >= 1.
std::pair<std::int64_t, std::int64_t> height_width(std::string_view fn, const Shape& image_dims,
                                                   std::string_view backend) {
  if (image_dims.size() != 2 || image_dims[0] < 1 || image_dims[1] < 1)
    detail::raise<ValueError>(qualified(fn), backend,
                              "image_dims must be {height, width}, both >= 1, got " +
                                  shape_str(image_dims));
  return {image_dims[0], image_dims[1]};
}

// (w, h) as an array of x's dtype and backend, for the focal-length conversions.
Array width_height(std::string_view fn, const Array& x, const Shape& image_dims) {
  const auto [h, w] = height_width(fn, image_dims, x.backend_name());
  return array<double>({static_cast<double>(w), static_cast<double>(h)}, {2},
                       like(x));
}

Array transform_named(std::string_view fn, const Array& coords, const Array& matrices) {
  if (matrices.ndim() < 2)
    shape_error(fn, matrices,
                "the matrices must be [..., m, n], got " + shape_str(matrices.shape()));
  const Shape& ms = matrices.shape();
  const std::size_t batch = ms.size() - 2;
  const std::int64_t n = ms[batch + 1], m = ms[batch];
  const Shape& cs = coords.shape();
  bool ok = cs.size() >= batch + 1 && cs.back() == n;
  for (std::size_t i = 0; ok && i < batch; ++i) ok = cs[i] == ms[i];
  if (!ok)
    shape_error(fn, coords,
                "coordinates " + shape_str(cs) + " do not match matrices " + shape_str(ms) +
                    " (expected the matrices' batch dimensions first and " + std::to_string(n) +
                    " last)");
  const Shape batch_shape(cs.begin(), cs.begin() + static_cast<std::ptrdiff_t>(batch));
  const Shape image(cs.begin() + static_cast<std::ptrdiff_t>(batch), cs.end() - 1);
  Shape flat = batch_shape, out = batch_shape;
  flat.insert(flat.end(), {numel(image), n});
  out.insert(out.end(), image.begin(), image.end());
  out.push_back(m);
  return reshape(matmul(reshape(coords, flat), swapaxes(matrices, -1, -2)), out);
}

// [..., 3] -> [..., 4] with a trailing 1.
Array homogeneous(const Array& x) {
  return concat(std::vector<Array>{x, ones_like(last_range(x, 0, 1))}, -1);
}

}  // namespace

Array transform(const Array& coords, const Array& matrices) {
  return transform_named("transform", coords, matrices);
}

Array create_uniform_pixel_coords_image(const Shape& image_dims, const Shape& batch_shape,
                                        bool normalized, bool homogeneous, const Options& opts) {
  Options o = opts;
  if (!o.dtype) o.dtype = float32;
  const Backend& b = o.backend ? *o.backend : current_backend();
  const auto [h, w] = height_width("create_uniform_pixel_coords_image", image_dims, backend_name(b));
  for (std::int64_t d : batch_shape)
    if (d < 0)
      detail::raise<ValueError>(qualified("create_uniform_pixel_coords_image"), backend_name(b),
                                "batch_shape must not be negative, got " + shape_str(batch_shape));
  Array x = broadcast_to(reshape(arange(0, w, 1, o), {1, w, 1}), {h, w, 1});
  Array y = broadcast_to(reshape(arange(0, h, 1, o), {h, 1, 1}), {h, w, 1});
  if (normalized) {
    x = divide(x, static_cast<double>(w) + MIN_DENOMINATOR);
    y = divide(y, static_cast<double>(h) + MIN_DENOMINATOR);
  }
  std::vector<Array> parts{x, y};
  if (homogeneous) parts.push_back(ones_like(x));
  const Array image = concat(parts, -1);
  const Shape image_shape = image.shape();
  Shape full = batch_shape;
  full.insert(full.end(), image_shape.begin(), image_shape.end());
  return broadcast_to(image, full);
}

Array persp_angles_to_focal_lengths(const Array& persp_angles, const Shape& image_dims) {
  constexpr std::string_view fn = "persp_angles_to_focal_lengths";
  require_tail(fn, persp_angles, "persp_angles", {2});
  const Array wh = width_height(fn, persp_angles, image_dims);
  return negative(
      divide(wh, add(multiply(tan(divide(persp_angles, 2.0)), 2.0), MIN_DENOMINATOR)));
}

Array focal_lengths_to_persp_angles(const Array& focal_lengths, const Shape& image_dims) {
  constexpr std::string_view fn = "focal_lengths_to_persp_angles";
  require_tail(fn, focal_lengths, "focal_lengths", {2});
  const Array wh = width_height(fn, focal_lengths, image_dims);
  return multiply(atan(divide(wh, add(multiply(focal_lengths, 2.0), MIN_DENOMINATOR))), -2.0);
}

Array focal_lengths_and_pp_offsets_to_calib_mat(const Array& focal_lengths,
                                                const Array& pp_offsets) {
  constexpr std::string_view fn = "focal_lengths_and_pp_offsets_to_calib_mat";
  require_tail(fn, focal_lengths, "focal_lengths", {2});
  require_tail(fn, pp_offsets, "pp_offsets", {2});
  if (focal_lengths.shape() != pp_offsets.shape())
    shape_error(fn, focal_lengths,
                "focal_lengths " + shape_str(focal_lengths.shape()) + " and pp_offsets " +
                    shape_str(pp_offsets.shape()) + " differ in shape");
  const Array fx = last_range(focal_lengths, 0, 1), fy = last_range(focal_lengths, 1, 2);
  const Array px = last_range(pp_offsets, 0, 1), py = last_range(pp_offsets, 1, 2);
  const Array zero = zeros_like(fx), one = ones_like(fx);
  const Array rows = concat(std::vector<Array>{fx, zero, px, zero, fy, py, zero, zero, one}, -1);
  Shape s = focal_lengths.shape();
  s.back() = 3;
  s.push_back(3);
  return reshape(rows, s);
}

Array rot_mat_and_cam_center_to_ext_mat(const Array& rotation_mat, const Array& camera_center) {
  constexpr std::string_view fn = "rot_mat_and_cam_center_to_ext_mat";
  require_tail(fn, rotation_mat, "rotation_mat", {3, 3});
  require_tail(fn, camera_center, "camera_center", {3, 1});
  const Array identity = broadcast_to(eye(3, -1, 0, like(rotation_mat)),
                                      rotation_mat.shape());
  const Shape rs = rotation_mat.shape(), cs = camera_center.shape();
  if (Shape(cs.begin(), cs.end() - 2) != Shape(rs.begin(), rs.end() - 2))
    shape_error(fn, rotation_mat,
                "rotation_mat " + shape_str(rotation_mat.shape()) + " and camera_center " +
                    shape_str(camera_center.shape()) + " differ in batch shape");
  return matmul(rotation_mat, concat(std::vector<Array>{identity, negative(camera_center)}, -1));
}

Array calib_and_ext_to_full_mat(const Array& calib_mat, const Array& ext_mat) {
  constexpr std::string_view fn = "calib_and_ext_to_full_mat";
  require_tail(fn, calib_mat, "calib_mat", {3, 3});
  require_tail(fn, ext_mat, "ext_mat", {3, 4});
  return matmul(calib_mat, ext_mat);
}

Array inv_ext_mat_to_camera_center(const Array& inv_ext_mat) {
  require_tail("inv_ext_mat_to_camera_center", inv_ext_mat, "inv_ext_mat", {3, 4});
  return last_range(inv_ext_mat, 3, 4);
}

Array depth_to_ds_pixel_coords(const Array& depth,
                               const std::optional<Array>& uniform_pixel_coords) {
  constexpr std::string_view fn = "depth_to_ds_pixel_coords";
  require_tail(fn, depth, "depth", {-1, -1, 1});
  if (uniform_pixel_coords) {
    require_tail(fn, *uniform_pixel_coords, "uniform_pixel_coords", {-1, -1, 3});
    return multiply(*uniform_pixel_coords, depth);
  }
  const Shape& s = depth.shape();
  const Shape batch(s.begin(), s.end() - 3);
  const Array pixels =
      create_uniform_pixel_coords_image({s[s.size() - 3], s[s.size() - 2]}, batch, false, true,
                                        like(depth));
  return multiply(pixels, depth);
}

Array ds_pixel_to_cam_coords(const Array& ds_pixel_coords, const Array& inv_calib_mat) {
  constexpr std::string_view fn = "ds_pixel_to_cam_coords";
  require_tail(fn, ds_pixel_coords, "ds_pixel_coords", {3});
  require_tail(fn, inv_calib_mat, "inv_calib_mat", {3, 3});
  return homogeneous(transform_named(fn, ds_pixel_coords, inv_calib_mat));
}

Array cam_to_ds_pixel_coords(const Array& coords_wrt_cam, const Array& calib_mat) {
  constexpr std::string_view fn = "cam_to_ds_pixel_coords";
  require_tail(fn, calib_mat, "calib_mat", {3, 3});
  const std::int64_t n = coords_wrt_cam.ndim() ? coords_wrt_cam.shape().back() : 0;
  if (n != 3 && n != 4)
    shape_error(fn, coords_wrt_cam,
                "coords_wrt_cam must be [..., 3] or [..., 4], got " +
                    shape_str(coords_wrt_cam.shape()));
  return transform_named(fn, last_range(coords_wrt_cam, 0, 3), calib_mat);
}

Array cam_coords_to_depth(const Array& coords_wrt_cam, const Array& calib_mat) {
  const Array ds = cam_to_ds_pixel_coords(coords_wrt_cam, calib_mat);
  return last_range(ds, 2, 3);
}

Array depth_to_cam_coords(const Array& depth, const Array& inv_calib_mat,
                          const std::optional<Array>& uniform_pixel_coords) {
  return ds_pixel_to_cam_coords(depth_to_ds_pixel_coords(depth, uniform_pixel_coords),
                                inv_calib_mat);
}

Array world_to_cam_coords(const Array& coords_wrt_world, const Array& ext_mat) {
  constexpr std::string_view fn = "world_to_cam_coords";
  require_tail(fn, coords_wrt_world, "coords_wrt_world", {4});
  require_tail(fn, ext_mat, "ext_mat", {3, 4});
  return homogeneous(transform_named(fn, coords_wrt_world, ext_mat));
}

Array cam_to_world_coords(const Array& coords_wrt_cam, const Array& inv_ext_mat) {
  constexpr std::string_view fn = "cam_to_world_coords";
  require_tail(fn, coords_wrt_cam, "coords_wrt_cam", {4});
  require_tail(fn, inv_ext_mat, "inv_ext_mat", {3, 4});
  return homogeneous(transform_named(fn, coords_wrt_cam, inv_ext_mat));
}

Array world_to_ds_pixel_coords(const Array& coords_wrt_world, const Array& full_mat) {
  constexpr std::string_view fn = "world_to_ds_pixel_coords";
  require_tail(fn, coords_wrt_world, "coords_wrt_world", {4});
  require_tail(fn, full_mat, "full_mat", {3, 4});
  return transform_named(fn, coords_wrt_world, full_mat);
}

Array world_coords_to_depth(const Array& coords_wrt_world, const Array& full_mat) {
  return last_range(world_to_ds_pixel_coords(coords_wrt_world, full_mat), 2, 3);
}

Array ds_pixel_coords_to_radial_depth(const Array& ds_pixel_coords, const Array& inv_calib_mat) {
  const Array cam = last_range(ds_pixel_to_cam_coords(ds_pixel_coords, inv_calib_mat), 0, 3);
  return sqrt(sum(square(cam), Axes{-1}, true));
}

}  // namespace ivy::vision
