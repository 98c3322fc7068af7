// ivy::vision meshes, written over the unified functions (ivy::Array on any backend). Semantics
// follow ivy_vision's mesh module; the differences are listed in docs/vision.md.
#include "ivy/vision/mesh.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

Array create_trimesh_indices_for_image(const Shape& batch_shape,
                                       const std::array<std::int64_t, 2>& image_dims,
                                       const Options& opts) {
  constexpr std::string_view fn = "create_trimesh_indices_for_image";
  Options o = opts;
  if (!o.dtype) o.dtype = int64;
  const Array probe = ivy::zeros({0}, o);  // names the backend in errors
  check_image_dims(fn, image_dims, backend_name_of(probe));
  for (std::int64_t d : batch_shape) {
    if (d < 0)
      value_error(fn, backend_name_of(probe),
                  "batch_shape must be non-negative, got " + shape_str(batch_shape));
  }
  const std::int64_t h = image_dims[0], w = image_dims[1];
  const std::int64_t cells = (h - 1) * (w - 1);
  std::vector<std::int64_t> first, second;
  for (std::int64_t r = 0; r + 1 < h; ++r)
    for (std::int64_t c = 0; c + 1 < w; ++c) {
      const std::int64_t t = r * w + c;
      first.insert(first.end(), {t, t + 1, t + w});
      second.insert(second.end(), {t + w + 1, t + 1, t + w});
    }
  first.insert(first.end(), second.begin(), second.end());
  Options host = o;
  host.dtype = int64;
  const Array tris = ivy::cast(ivy::array(first, {2 * cells, 3}, host), *o.dtype);
  Shape full = batch_shape;
  full.insert(full.end(), {2 * cells, 3});
  return ivy::broadcast_to(tris, full);
}

TriMesh coord_image_to_trimesh(const Array& coord_img, const std::optional<Array>& validity_mask) {
  constexpr std::string_view fn = "coord_image_to_trimesh";
  need_rank(fn, "coord_img", coord_img, 3, "[...,H,W,C]");
  const Shape s = coord_img.shape();
  const Shape bs = drop_last(coord_img, 3);
  const std::int64_t h = s[s.size() - 3], w = s[s.size() - 2];
  Shape vs = bs;
  vs.insert(vs.end(), {h * w, s.back()});
  const Array vertices = ivy::reshape(coord_img, vs);
  const Array all = create_trimesh_indices_for_image(
      bs, {h, w}, Options(int64).on(coord_img.backend()).to(coord_img.device()));
  if (!validity_mask) return {vertices, all};
  Shape ms = drop_last(coord_img, 1);
  ms.push_back(1);
  if (validity_mask->shape() != ms) {
    shape_error(fn, *validity_mask,
                "validity_mask: expected shape " + shape_str(ms) + ", got " +
                    shape_str(validity_mask->shape()));
  }
  const Array valid = ivy::cast(*validity_mask, bool_);
  const auto cell = [&](std::int64_t r0, std::int64_t c0) {  // BS x H-1 x W-1 x 1
    return axis_range(axis_range(valid, -3, r0, r0 + h - 1), -2, c0, c0 + w - 1);
  };
  const Array top_right = cell(0, 1), bottom_left = cell(1, 0);
  const Array first = ivy::logical_and(cell(0, 0), ivy::logical_and(top_right, bottom_left));
  const Array second = ivy::logical_and(cell(1, 1), ivy::logical_and(top_right, bottom_left));
  Shape flat = bs;
  flat.push_back((h - 1) * (w - 1));
  // BS x 2(H-1)(W-1): which triangles keep all three vertices.
  const Array keep = ivy::concat({ivy::reshape(first, flat), ivy::reshape(second, flat)}, -1);
  return {vertices, ivy::gather_nd(all, ivy::indices_where(keep))};
}

Array rasterize_triangles(const Array& pixel_coords_triangles,
                          const std::array<std::int64_t, 2>& image_dims, const Shape& batch_shape) {
  constexpr std::string_view fn = "rasterize_triangles";
  const Array& tri = pixel_coords_triangles;
  need_tail(fn, "pixel_coords_triangles", tri, {{3, 2}, {3, 3}});
  check_image_dims(fn, image_dims, backend_name_of(tri));
  const Shape s = tri.shape();
  bool leads = s.size() >= batch_shape.size() + 2;
  for (std::size_t i = 0; leads && i < batch_shape.size(); ++i) leads = s[i] == batch_shape[i];
  if (!leads) {
    shape_error(fn, tri,
                "batch_shape " + shape_str(batch_shape) +
                    " must lead the shape of pixel_coords_triangles " + shape_str(s));
  }
  const std::int64_t h = image_dims[0], w = image_dims[1];
  const std::int64_t b = numel(batch_shape);
  const std::int64_t t =
      numel(Shape(s.begin() + static_cast<std::ptrdiff_t>(batch_shape.size()), s.end() - 2));
  Shape out_shape = batch_shape;
  out_shape.insert(out_shape.end(), {h, w, 1});
  const Array empty = ivy::zeros(out_shape, Options(bool_).on(tri.backend()).to(tri.device()));
  if (b == 0 || t == 0) return empty;

  // B x T x 3 x 2; the rasterization is not differentiable.
  const Array xy = ivy::stop_gradient(ivy::reshape(last_range(tri, 0, 2), {b, t, 3, 2}));
  // B x T x 2: each triangle's box of pixel centres, cut to the image.
  const Array last_pixel = ivy::array(
      std::vector<double>{static_cast<double>(w - 1), static_cast<double>(h - 1)}, {2}, like(xy));
  const Array lo = ivy::maximum(ivy::ceil(ivy::min(xy, Axes{2})), 0.0);
  const Array hi = ivy::minimum(ivy::floor(ivy::max(xy, Axes{2})), last_pixel);
  // The largest box (over finite triangles) sets the size of the grid tried for every triangle.
  std::int64_t box_w = 0, box_h = 0;
  const std::vector<double> extent = ivy::add(ivy::subtract(hi, lo), 1.0).to_vector<double>();
  for (std::size_t i = 0; i < extent.size(); i += 2) {
    if (!std::isfinite(extent[i]) || !std::isfinite(extent[i + 1])) continue;
    box_w = std::max(box_w, static_cast<std::int64_t>(extent[i]));
    box_h = std::max(box_h, static_cast<std::int64_t>(extent[i + 1]));
  }
  if (box_w <= 0 || box_h <= 0) return empty;

  // B x T x BH x BW x 2: candidate pixel centres from each box's corner.
  const Array corner = ivy::reshape(ivy::where(ivy::isfinite(lo), lo, 0.0), {b, t, 1, 1, 2});
  const Array p = ivy::add(
      corner, create_uniform_pixel_coords_image({box_h, box_w}, {}, false, false, like(xy)));
  const std::vector<Array> pc = ivy::unstack(p, -1);
  const std::vector<Array> hic = ivy::unstack(ivy::reshape(hi, {b, t, 1, 1, 2}), -1);
  std::vector<std::array<Array, 2>> v;  // the vertices' x and y, B x T x 1 x 1 each
  for (const Array& vertex : ivy::unstack(ivy::reshape(xy, {b, t, 3, 1, 1, 2}), 2)) {
    const std::vector<Array> c = ivy::unstack(vertex, -1);
    v.push_back({c[0], c[1]});
  }
  // Edge functions: the sign of the cross product of edge a->b with a->p.
  const auto edge = [&](const std::array<Array, 2>& a, const std::array<Array, 2>& e) {
    return ivy::subtract(ivy::multiply(ivy::subtract(pc[0], a[0]), ivy::subtract(e[1], a[1])),
                         ivy::multiply(ivy::subtract(pc[1], a[1]), ivy::subtract(e[0], a[0])));
  };
  const Array e0 = edge(v[0], v[1]), e1 = edge(v[1], v[2]), e2 = edge(v[2], v[0]);
  const auto all3 = [](const Array& a, const Array& b2, const Array& c) {
    return ivy::logical_and(a, ivy::logical_and(b2, c));
  };
  const Array inside = ivy::logical_or(
      all3(ivy::greater_equal(e0, 0.0), ivy::greater_equal(e1, 0.0), ivy::greater_equal(e2, 0.0)),
      all3(ivy::less_equal(e0, 0.0), ivy::less_equal(e1, 0.0), ivy::less_equal(e2, 0.0)));
  const Array in_box =
      ivy::logical_and(ivy::less_equal(pc[0], hic[0]), ivy::less_equal(pc[1], hic[1]));
  const Array hit = ivy::logical_and(inside, in_box);  // B x T x BH x BW

  // Flat pixel slots b H W + y W + x; misses go to the dropped slot B H W.
  const auto as_index = [&](const Array& c) { return ivy::cast(ivy::where(hit, c, 0.0), int64); };
  const Array batch_offset = ivy::reshape(
      ivy::arange(0, b * h * w, h * w, Options(int64).on(tri.backend()).to(tri.device())),
      {b, 1, 1, 1});
  const Array slot = ivy::where(
      hit, ivy::add(batch_offset, ivy::add(ivy::multiply(as_index(pc[1]), w), as_index(pc[0]))),
      b * h * w);
  const std::int64_t m = numel(slot.shape());
  const Array counts =
      scatter_rows_or_drop(ivy::reshape(slot, {m}), ivy::ones({m, 1}, like(xy)), b * h * w);
  return ivy::reshape(ivy::greater(counts, 0.0), out_shape);
}

}  // namespace ivy::vision
