// ivy::vision signed distances of spheres and cuboids, and the PrimitiveScene container, written
// over the unified functions (ivy::Array on any backend). Semantics follow ivy_vision's sdf and
// containers.PrimitiveScene; the differences are listed in docs/vision.md.
#include "ivy/vision/sdf.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "ivy/ivy.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

/**
 * x [BS..., N, tail...] -> BS + [N]: ShapeError naming `what` unless x ends in one of `tails`
 * (all of one length) after at least one item axis, and unless N >= 1.
 */
Shape items_of(std::string_view fn, std::string_view what, const Array& x,
               const std::vector<std::vector<std::int64_t>>& tails) {
  need_tail(fn, what, x, tails);
  const std::size_t k = tails.front().size();
  const Shape s = x.shape();
  if (s.size() < k + 1) {
    std::string want = "[...,N";
    for (std::int64_t d : tails.front()) {
      want += ',';
      want += std::to_string(d);
    }
    shape_error(fn, x, std::string(what) + ": expected shape " + want + "], got " + shape_str(s));
  }
  Shape items(s.begin(), s.end() - static_cast<std::ptrdiff_t>(k));
  if (items.back() < 1)
    shape_error(fn, x, std::string(what) + ": needs at least one primitive, got " + shape_str(s));
  return items;
}

/** The batch shape BS of query points [BS..., NP, 3], which must equal `batch`. */
void check_queries(std::string_view fn, const Array& query_positions, const Array& primitive,
                   const Shape& batch) {
  need_tail(fn, "query_positions", query_positions, {{3}});
  const Shape s = query_positions.shape();
  if (s.size() < 2)
    shape_error(fn, query_positions,
                "query_positions: expected shape [...,NP,3], got " + shape_str(s));
  same_batch(fn, query_positions, Shape(s.begin(), s.end() - 2), primitive, batch);
}

/**
 * |v| over the last axis (keepdims) with the gradient 0 where v = 0 (the plain sqrt's gradient
 * is 0/0 there): the norm of where(|v|^2 > 0, |v|^2, 1), masked.
 */
Array norm_with_zero_gradient_at_zero(const Array& v) {
  const Array sq = ivy::sum(ivy::multiply(v, v), Axes{-1}, true);
  const Array positive = ivy::greater(sq, 0.0);
  return ivy::where(positive, ivy::sqrt(ivy::where(positive, sq, 1.0)), 0.0);
}

}  // namespace

Array sphere_signed_distances(const Array& sphere_positions, const Array& sphere_radii,
                              const Array& query_positions) {
  constexpr std::string_view fn = "sphere_signed_distances";
  const Shape items = items_of(fn, "sphere_positions", sphere_positions, {{3}});
  const Shape batch(items.begin(), items.end() - 1);
  need_tail(fn, "sphere_radii", sphere_radii, {{1}});
  same_batch(fn, sphere_radii, drop_last(sphere_radii, 1), sphere_positions, items);
  check_queries(fn, query_positions, sphere_positions, batch);
  // BS x NS x NP x 3
  const Array diff =
      ivy::subtract(ivy::expand_dims(query_positions, -3), ivy::expand_dims(sphere_positions, -2));
  // BS x NS x NP x 1
  const Array sdfs =
      ivy::subtract(norm_with_zero_gradient_at_zero(diff), ivy::expand_dims(sphere_radii, -2));
  return ivy::min(sdfs, Axes{-3});
}

Array cuboid_signed_distances(const Array& cuboid_ext_mats, const Array& cuboid_dims,
                              const Array& query_positions) {
  constexpr std::string_view fn = "cuboid_signed_distances";
  const Array ext = top3(fn, "cuboid_ext_mats", cuboid_ext_mats);  // BS x NC x 3 x 4
  const Shape items = items_of(fn, "cuboid_ext_mats", cuboid_ext_mats, {{3, 4}, {4, 4}});
  const Shape batch(items.begin(), items.end() - 1);
  need_tail(fn, "cuboid_dims", cuboid_dims, {{3}});
  same_batch(fn, cuboid_dims, drop_last(cuboid_dims, 1), cuboid_ext_mats, items);
  check_queries(fn, query_positions, cuboid_ext_mats, batch);
  // BS x NP x NC x 3: the query points in each cuboid's frame, from one product with the
  // cuboids' rows stacked, [BS, NP, 4] x [BS, 4, NC*3] (as the original did: batching the
  // product over the cuboids instead costs LibTorch a small matrix product per cuboid).
  const std::int64_t nc = items.back();
  const std::int64_t np = query_positions.shape()[query_positions.ndim() - 2];
  Shape rows = batch, rel_shape = batch;
  rows.insert(rows.end(), {nc * 3, 4});
  rel_shape.insert(rel_shape.end(), {np, nc, 3});
  const Array rel = ivy::reshape(
      ivy::matmul(homogeneous(query_positions), ivy::swapaxes(ivy::reshape(ext, rows), -1, -2)),
      rel_shape);
  // BS x NP x NC x 3: per-axis distances beyond the faces (negative inside).
  const Array q =
      ivy::subtract(ivy::abs(rel), ivy::expand_dims(ivy::multiply(cuboid_dims, 0.5), -3));
  const Array outside = norm_with_zero_gradient_at_zero(ivy::maximum(q, 0.0));
  const Array inside = ivy::minimum(ivy::max(q, Axes{-1}, true), 0.0);
  return ivy::min(ivy::add(outside, inside), Axes{-2});
}

// ---- PrimitiveScene (containers.hpp) ----

PrimitiveScene PrimitiveScene::as_identity(const Shape& batch_shape, const Options& opts) {
  Shape one = batch_shape;
  one.push_back(1);
  Shape pos = one, radii = one, dims = one;
  pos.push_back(3);
  radii.push_back(1);
  dims.push_back(3);
  const Array ext = row_range(ivy::identity(4, one, opts), 0, 3);
  return {ivy::zeros(pos, opts), ivy::ones(radii, opts), ext, ivy::ones(dims, opts)};
}

Array PrimitiveScene::sdf(const Array& query_positions) const {
  constexpr std::string_view fn = "PrimitiveScene.sdf";
  const std::string_view backend = backend_name_of(query_positions);
  if (sphere_positions.has_value() != sphere_radii.has_value())
    value_error(fn, backend, "sphere_positions and sphere_radii must be given together");
  if (cuboid_ext_mats.has_value() != cuboid_dims.has_value())
    value_error(fn, backend, "cuboid_ext_mats and cuboid_dims must be given together");
  std::vector<Array> sdfs;
  if (sphere_positions)
    sdfs.push_back(sphere_signed_distances(*sphere_positions, *sphere_radii, query_positions));
  if (cuboid_ext_mats)
    sdfs.push_back(cuboid_signed_distances(*cuboid_ext_mats, *cuboid_dims, query_positions));
  if (sdfs.empty()) value_error(fn, backend, "the scene holds no spheres and no cuboids");
  if (sdfs.size() == 1) return sdfs.front();
  return ivy::min(ivy::concat(sdfs, -1), Axes{-1}, true);
}

}  // namespace ivy::vision
