// ivy::vision optical flow, written over the unified functions (ivy::Array on any backend).
// Semantics follow ivy_vision's optical_flow; the differences are listed in docs/vision.md.
#include "ivy/vision/optical_flow.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "ivy/vision/two_view_geometry.hpp"
#include "vision/detail.hpp"
#include "vision/two_view_detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

/** (x, y) of homogeneous or depth-scaled pixels [..., 3], divided by the last component. */
Array dehomogenised(const Array& p) {
  return ivy::divide(last_range(p, 0, 2), last_range(p, 2, 3));
}

/** A flow-like image [BS, H, W, n]: returns BS; H and W in hw. */
Shape image_batch(std::string_view fn, std::string_view what, const Array& x, std::int64_t n,
                  std::array<std::int64_t, 2>& hw) {
  need_tail(fn, what, x, {{n}});
  const Shape s = x.shape();
  if (s.size() < 3) {
    shape_error(fn, x,
                std::string(what) + ": expected shape [...,H,W," + std::to_string(n) + "], got " +
                    shape_str(s));
  }
  hw = {s[s.size() - 3], s[s.size() - 2]};
  return Shape(s.begin(), s.end() - 3);
}

/** The given [..., H, W, 3] pixel image broadcast to BS, or a new uniform one like x. */
Array pixel_image(std::string_view fn, const std::optional<Array>& given, const Shape& bs,
                  const std::array<std::int64_t, 2>& hw, const Array& x) {
  if (!given) return create_uniform_pixel_coords_image(hw, bs, false, true, like(x));
  need_tail(fn, "uniform_pixel_coords", *given, {{hw[0], hw[1], 3}});
  const Shape gs = given->shape();
  const Shape gb(gs.begin(), gs.end() - 3);
  if (gb.size() > bs.size() || !std::equal(gb.begin(), gb.end(), bs.end() - gb.size())) {
    shape_error(fn, *given,
                "uniform_pixel_coords: its batch shape " + shape_str(gb) +
                    " does not broadcast to " + shape_str(bs));
  }
  return ivy::broadcast_to(*given, cat(bs, {hw[0], hw[1], 3}));
}

/** delta_t [BS, 1] reshaped to BS + [1] * (NID + 1) to divide [BS, IS, 3]. */
Array time_steps(std::string_view fn, const Array& delta_t, const Shape& bs, std::size_t nid) {
  need_shape(fn, "delta_t", delta_t, cat(bs, {1}));
  Shape s = bs;
  s.insert(s.end(), nid + 1, 1);
  return ivy::reshape(delta_t, s);
}

struct ObjectMotion {
  Array points;  // homogeneous camera-1 points, BS x IS x 4
  Array moved;   // each point moved by its (first matching) object, BS x IS x 3
  Array mask;    // on an object, BS x IS x 1 (bool)
  Shape is;
};

ObjectMotion object_motion(std::string_view fn, const Array& cam_coords, const Array& id_image,
                           const Array& obj_ids, const Array& obj_trans, const Shape& bs,
                           std::string_view coords_name) {
  ObjectMotion r;
  r.points = as_homogeneous_point(fn, coords_name, cam_coords);
  r.is = image_shape_after(fn, coords_name, r.points, bs);
  need_shape(fn, "id_image", id_image, cat(drop_last(r.points, 1), {1}));
  need_tail(fn, "obj_ids", obj_ids, {{1}});
  const Shape ids_shape = obj_ids.shape();
  if (ids_shape.size() != bs.size() + 2) {
    shape_error(fn, obj_ids,
                "obj_ids: expected shape " + shape_str(cat(bs, {-1, 1})) + " (any N), got " +
                    shape_str(ids_shape));
  }
  const std::int64_t n = ids_shape[ids_shape.size() - 2];
  need_shape(fn, "obj_ids", obj_ids, cat(bs, {n, 1}));
  need_tail(fn, "obj_trans", obj_trans, {{n, 3, 4}, {n, 4, 4}});
  if (drop_last(obj_trans, 3) != bs) {
    shape_error(fn, obj_trans,
                "obj_trans: expected shape " + shape_str(cat(bs, {n, 3, 4})) + " or " +
                    shape_str(cat(bs, {n, 4, 4})) + ", got " + shape_str(obj_trans.shape()));
  }
  const std::size_t nid = r.is.size();
  // BS x IS x N x 3: every point moved by every object.
  const Array all = ivy::reshape(
      transform(fn, r.points, ivy::reshape(row_range(obj_trans, 0, 3), cat(bs, {n * 3, 4}))),
      cat(cat(bs, r.is), {n, 3}));
  // BS x IS x N: which objects a pixel belongs to; only the first match counts.
  Shape ids_b = bs;
  ids_b.insert(ids_b.end(), nid, 1);
  ids_b.push_back(n);
  const Array match = ivy::equal(ivy::reshape(obj_ids, ids_b), id_image);
  const Array mf = ivy::cast(match, r.points.dtype());
  const int last = static_cast<int>(bs.size() + nid);
  const Array first =
      ivy::multiply(mf, ivy::cast(ivy::equal(ivy::cumsum(mf, last, true), 0.0), mf.dtype()));
  r.moved = ivy::sum(ivy::multiply(all, ivy::expand_dims(first, -1)), Axes{-2});
  r.mask = ivy::any(match, Axes{-1}, true);
  return r;
}

}  // namespace

Array flow_from_depth_and_cam_mats(const Array& ds_pixel_coords1, const Array& cam1to2_full_mat) {
  constexpr std::string_view fn = "flow_from_depth_and_cam_mats";
  need_tail(fn, "ds_pixel_coords1", ds_pixel_coords1, {{3}});
  const Array m = top3(fn, "cam1to2_full_mat", cam1to2_full_mat);
  const Array ds2 = transform(fn, homogeneous(ds_pixel_coords1), m);
  return ivy::subtract(dehomogenised(ds2), dehomogenised(ds_pixel_coords1));
}

Array depth_from_flow_and_cam_mats(const Array& flow, const Array& full_mats,
                                   const std::optional<Array>& inv_full_mats,
                                   const std::optional<Array>& camera_centers,
                                   const std::optional<Array>& uniform_pixel_coords,
                                   std::string_view triangulation_method) {
  constexpr std::string_view fn = "depth_from_flow_and_cam_mats";
  std::array<std::int64_t, 2> hw{};
  const Shape bs = image_batch(fn, "flow", flow, 2, hw);
  const Array pix = pixel_image(fn, uniform_pixel_coords, bs, hw, flow);
  // BS x H x W x 3: the pixel each pixel flows to, (x + dx, y + dy, 1).
  const Array moved =
      ivy::add(pix, ivy::concat({flow, ivy::zeros_like(last_range(flow, 0, 1))}, -1));
  const Array both = ivy::stack({pix, moved}, static_cast<int>(bs.size()));  // BS x 2 x H x W x 3
  return last_range(
      triangulate(fn, both, full_mats, inv_full_mats, camera_centers, triangulation_method), 2, 3);
}

Array project_flow_to_epipolar_line(const Array& flow, const Array& fund_mat,
                                    const std::optional<Array>& uniform_pixel_coords) {
  constexpr std::string_view fn = "project_flow_to_epipolar_line";
  std::array<std::int64_t, 2> hw{};
  const Shape bs = image_batch(fn, "flow", flow, 2, hw);
  need_tail(fn, "fund_mat", fund_mat, {{3, 3}});
  same_batch(fn, flow, bs, fund_mat, batch_of_matrix(fund_mat));
  const Array pix = pixel_image(fn, uniform_pixel_coords, bs, hw, flow);
  // BS x H x W x 3: the epipolar line a x + b y + c = 0 of each pixel in image 2.
  const std::vector<Array> l = ivy::unstack(transform(fn, pix, fund_mat), -1);
  const Array& a = l[0];
  const Array& b = l[1];
  const Array& c = l[2];
  const Array to = ivy::add(last_range(pix, 0, 2), flow);
  const std::vector<Array> xy = ivy::unstack(to, -1);
  // The foot of the perpendicular from (x0, y0) to the line; the epipole has no line.
  const Array norm2 = ivy::add(ivy::multiply(a, a), ivy::multiply(b, b));
  const Array has_line = ivy::greater(norm2, 0.0);
  const Array safe = ivy::where(has_line, norm2, 1.0);
  const Array cross = ivy::subtract(ivy::multiply(b, xy[0]), ivy::multiply(a, xy[1]));
  const Array x = ivy::divide(ivy::subtract(ivy::multiply(b, cross), ivy::multiply(a, c)), safe);
  const Array y =
      ivy::divide(ivy::subtract(ivy::negative(ivy::multiply(a, cross)), ivy::multiply(b, c)), safe);
  const Array projected = ivy::subtract(ivy::stack({x, y}, -1), last_range(pix, 0, 2));
  return ivy::where(ivy::expand_dims(has_line, -1), projected, flow);
}

Array pixel_cost_volume(const Array& image1, const Array& image2, std::int64_t search_range) {
  constexpr std::string_view fn = "pixel_cost_volume";
  const Shape s = image1.shape();
  if (s.size() < 3) shape_error(fn, image1, "image1: expected [...,H,W,D], got " + shape_str(s));
  need_shape(fn, "image2", image2, s);
  if (search_range < 0) {
    value_error(fn, backend_name_of(image1),
                "search_range must be non-negative, got " + std::to_string(search_range));
  }
  const std::int64_t h = s[s.size() - 3], w = s[s.size() - 2], r = search_range;
  std::vector<std::pair<std::int64_t, std::int64_t>> pad(s.size(), {0, 0});
  pad[s.size() - 3] = pad[s.size() - 2] = {r, r};
  const Array padded = ivy::zero_pad(image2, pad);  // BS x (H + 2r) x (W + 2r) x D
  std::vector<Slice> window(s.size());
  std::vector<Array> costs;
  for (std::int64_t dy = 0; dy <= 2 * r; ++dy) {
    for (std::int64_t dx = 0; dx <= 2 * r; ++dx) {
      window[s.size() - 3] = Slice{dy, dy + h};
      window[s.size() - 2] = Slice{dx, dx + w};
      costs.push_back(ivy::mean(ivy::multiply(image1, ivy::slice(padded, window)), Axes{-1}, true));
    }
  }
  return ivy::concat(costs, -1);
}

std::pair<Array, Array> velocity_from_flow_cam_coords_and_cam_mats(
    const Array& flow_t_to_tm1, const Array& cam_coords_t, const Array& cam_coords_tm1,
    const Array& cam_tm1_to_t_ext_mat, const Array& delta_t,
    const std::optional<Array>& uniform_pixel_coords) {
  constexpr std::string_view fn = "velocity_from_flow_cam_coords_and_cam_mats";
  std::array<std::int64_t, 2> hw{};
  const Shape bs = image_batch(fn, "flow_t_to_tm1", flow_t_to_tm1, 2, hw);
  const Shape img = cat(bs, {hw[0], hw[1]});
  for (const auto& [x, name] :
       {std::pair{&cam_coords_t, "cam_coords_t"}, std::pair{&cam_coords_tm1, "cam_coords_tm1"}}) {
    need_tail(fn, name, *x, {{3}, {4}});
    if (drop_last(*x, 1) != img) {
      shape_error(fn, *x,
                  std::string(name) + ": expected shape " + shape_str(cat(img, {3})) + " or " +
                      shape_str(cat(img, {4})) + ", got " + shape_str(x->shape()));
    }
  }
  const Array m = top3(fn, "cam_tm1_to_t_ext_mat", cam_tm1_to_t_ext_mat);
  same_batch(fn, cam_tm1_to_t_ext_mat, batch_of_matrix(m), flow_t_to_tm1, bs);
  const Array dt = time_steps(fn, delta_t, bs, 2);
  const Array pix = pixel_image(fn, uniform_pixel_coords, bs, hw, flow_t_to_tm1);
  // BS x H x W x 2: where each pixel's point was in frame t-1.
  const Array warp = ivy::add(last_range(pix, 0, 2), flow_t_to_tm1);
  const Array before = bilinearly_interpolate_image(cam_coords_tm1, warp);
  const Array now = transform(fn, as_homogeneous_point(fn, "cam_coords_tm1", before), m);
  const Array vel = ivy::divide(ivy::subtract(last_range(cam_coords_t, 0, 3), now), dt);
  const Array hi = ivy::array(
      std::vector<double>{static_cast<double>(hw[1] - 1), static_cast<double>(hw[0] - 1)}, {2},
      like(warp));
  const Array valid = ivy::all(
      ivy::logical_and(ivy::greater_equal(warp, 0.0), ivy::less_equal(warp, hi)), Axes{-1}, true);
  return {ivy::where(valid, vel, 0.0), valid};
}

std::pair<Array, Array> project_cam_coords_with_object_transformations(
    const Array& cam_coords_1, const Array& id_image, const Array& obj_ids, const Array& obj_trans,
    const Array& cam_1_to_2_ext_mat) {
  constexpr std::string_view fn = "project_cam_coords_with_object_transformations";
  const Array m = top3(fn, "cam_1_to_2_ext_mat", cam_1_to_2_ext_mat);
  const ObjectMotion o = object_motion(fn, cam_coords_1, id_image, obj_ids, obj_trans,
                                       batch_of_matrix(m), "cam_coords_1");
  const Array still = transform(fn, o.points, m);
  return {homogeneous(ivy::where(o.mask, o.moved, still)), o.mask};
}

Array velocity_from_cam_coords_id_image_and_object_trans(const Array& cam_coords_t,
                                                         const Array& id_image,
                                                         const Array& obj_ids,
                                                         const Array& obj_trans,
                                                         const Array& delta_t) {
  constexpr std::string_view fn = "velocity_from_cam_coords_id_image_and_object_trans";
  need_tail(fn, "delta_t", delta_t, {{1}});
  const Shape bs = drop_last(delta_t, 1);
  const ObjectMotion o =
      object_motion(fn, cam_coords_t, id_image, obj_ids, obj_trans, bs, "cam_coords_t");
  const Array dt = time_steps(fn, delta_t, bs, o.is.size());
  const Array vel = ivy::divide(ivy::subtract(last_range(o.points, 0, 3), o.moved), dt);
  return ivy::where(o.mask, vel, 0.0);
}

Array flow_from_cam_coords_id_image_and_object_trans(const Array& cam_coords_f1,
                                                     const Array& id_image, const Array& obj_ids,
                                                     const Array& obj_trans, const Array& calib_mat,
                                                     const Array& cam_1_to_2_ext_mat) {
  constexpr std::string_view fn = "flow_from_cam_coords_id_image_and_object_trans";
  const Array m = top3(fn, "cam_1_to_2_ext_mat", cam_1_to_2_ext_mat);
  need_tail(fn, "calib_mat", calib_mat, {{3, 3}});
  same_batch(fn, calib_mat, batch_of_matrix(calib_mat), cam_1_to_2_ext_mat, batch_of_matrix(m));
  const ObjectMotion o = object_motion(fn, cam_coords_f1, id_image, obj_ids, obj_trans,
                                       batch_of_matrix(m), "cam_coords_f1");
  const Array cam2 = ivy::where(o.mask, o.moved, transform(fn, o.points, m));
  const Array pix1 = transform(fn, last_range(o.points, 0, 3), calib_mat);
  const Array pix2 = transform(fn, cam2, calib_mat);
  return ivy::subtract(dehomogenised(pix2), dehomogenised(pix1));
}

}  // namespace ivy::vision
