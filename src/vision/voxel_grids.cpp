// ivy::vision voxel grids, written over the unified functions (ivy::Array on any backend).
// Semantics follow ivy_vision's voxel_grids module; the differences are listed in docs/vision.md.
#include "ivy/vision/voxel_grids.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

/** Requires x to be [n] or BS + [n]; returns true when it has the batch shape. */
bool per_batch(std::string_view fn, std::string_view what, const Array& x, std::int64_t n,
               const Shape& bs) {
  need_tail(fn, what, x, {{n}});
  const Shape lead = drop_last(x, 1);
  if (!lead.empty() && lead != bs) {
    shape_error(fn, x,
                std::string(what) + ": expected shape [" + std::to_string(n) + "] or " +
                    shape_str([&] {
                      Shape s = bs;
                      s.push_back(n);
                      return s;
                    }()) +
                    ", got " + shape_str(x.shape()));
  }
  return !lead.empty();
}

}  // namespace

VoxelGrid coords_to_voxel_grid(const Array& coords, const Array& voxel_shape_spec,
                               std::string_view mode, const std::optional<Array>& coord_bounds,
                               const std::optional<Array>& features) {
  constexpr std::string_view fn = "coords_to_voxel_grid";
  const bool by_dims = mode == "DIMS";
  if (!by_dims && mode != "RES") {
    value_error(fn, backend_name_of(coords),
                "mode must be \"DIMS\" or \"RES\", got \"" + std::string(mode) + "\"");
  }
  need_tail(fn, "coords", coords, {{3}, {4}});
  need_rank(fn, "coords", coords, 2, "[...,N,3|4]");
  const Shape bs = drop_last(coords, 2);
  const std::int64_t b = numel(bs), n = coords.shape()[coords.shape().size() - 2];
  std::int64_t f = 0;
  if (features) {
    need_rank(fn, "features", *features, 2, "[...,N,F]");
    f = features->shape().back();
    Shape want = drop_last(coords, 1);
    want.push_back(f);
    if (features->shape() != want) {
      shape_error(
          fn, *features,
          "features: expected shape " + shape_str(want) + ", got " + shape_str(features->shape()));
    }
  }
  const bool spec_batched = per_batch(fn, "voxel_shape_spec", voxel_shape_spec, 3, bs);

  // B x N x 3, and which points take part.
  const Array xyz = ivy::reshape(last_range(coords, 0, 3), {b, n, 3});
  Array valid = ivy::all(ivy::isfinite(xyz), Axes{-1});  // B x N
  Array lower, upper;                                    // B x 1 x 3
  if (coord_bounds) {
    const bool bounds_batched = per_batch(fn, "coord_bounds", *coord_bounds, 6, bs);
    const Array bounds = ivy::broadcast_to(
        ivy::reshape(ivy::cast(*coord_bounds, coords.dtype()), {bounds_batched ? b : 1, 1, 6}),
        {b, 1, 6});
    lower = last_range(bounds, 0, 3);
    upper = last_range(bounds, 3, 6);
    const Array inside =
        ivy::all(ivy::logical_and(ivy::greater(xyz, lower), ivy::less(xyz, upper)), Axes{-1});
    valid = ivy::logical_and(valid, inside);
  } else {
    const Array v3 = ivy::expand_dims(valid, -1);
    const double inf = std::numeric_limits<double>::infinity();
    const Array any = ivy::any(v3, Axes{1}, true);  // an entry without points gets a zero box
    lower = ivy::where(any, ivy::min(ivy::where(v3, xyz, inf), Axes{1}, true), 0.0);
    upper = ivy::where(any, ivy::max(ivy::where(v3, xyz, -inf), Axes{1}, true), 0.0);
  }
  const Array extent = ivy::subtract(upper, lower);

  // The number of voxels of each entry, on the host (it sets the grid's shape).
  const std::vector<double> spec = voxel_shape_spec.to_vector<double>();
  const std::vector<double> ext = extent.to_vector<double>();
  std::vector<std::int64_t> dims(static_cast<std::size_t>(b * 3));
  std::array<std::int64_t, 3> max_dims = {0, 0, 0};
  for (std::int64_t i = 0; i < b * 3; ++i) {
    const double v = spec[static_cast<std::size_t>(spec_batched ? i : i % 3)];
    std::int64_t d = 0;
    if (by_dims) {
      if (!(v >= 1) || !std::isfinite(v)) {
        value_error(fn, backend_name_of(coords),
                    "voxel_shape_spec: DIMS must be at least 1, got " + std::to_string(v));
      }
      d = static_cast<std::int64_t>(v);
    } else {
      const double cells = std::ceil(ext[static_cast<std::size_t>(i)] / v);
      if (!(v > 0) || !std::isfinite(cells)) {
        value_error(fn, backend_name_of(coords),
                    "voxel_shape_spec: RES must be positive and give a finite grid, got " +
                        std::to_string(v) + " for an extent of " +
                        std::to_string(ext[static_cast<std::size_t>(i)]));
      }
      d = std::max<std::int64_t>(static_cast<std::int64_t>(cells), 1);
    }
    dims[static_cast<std::size_t>(i)] = d;
    max_dims[static_cast<std::size_t>(i % 3)] =
        std::max(max_dims[static_cast<std::size_t>(i % 3)], d);
  }
  const Options int_opts = Options(int64).on(coords.backend()).to(coords.device());
  const Array dims_array = ivy::array(dims, {b, 1, 3}, int_opts);
  const Array dims_float = ivy::cast(dims_array, coords.dtype());
  const Array res = ivy::divide(extent, dims_float);  // B x 1 x 3

  // B x N x 3 voxel indices, and the flat slot of each point (B X Y Z drops it).
  const Array offset = ivy::stop_gradient(ivy::subtract(xyz, lower));
  const Array res_c = ivy::stop_gradient(res);
  const Array positive = ivy::greater(res_c, 0.0);
  const Array cell = ivy::floor(ivy::divide(offset, ivy::where(positive, res_c, 1.0)));
  const Array v3 = ivy::expand_dims(valid, -1);
  const Array idx =
      ivy::cast(ivy::maximum(ivy::minimum(ivy::where(ivy::logical_and(v3, positive), cell, 0.0),
                                          ivy::subtract(dims_float, 1.0)),
                             0.0),
                int64);
  const std::int64_t xd = max_dims[0], yd = max_dims[1], zd = max_dims[2];
  const std::int64_t voxels = xd * yd * zd;
  const Array strides = ivy::array(std::vector<std::int64_t>{yd * zd, zd, 1}, {3}, int_opts);
  const Array batch_offset =
      ivy::reshape(ivy::arange(0, b * voxels, voxels == 0 ? 1 : voxels, int_opts), {b, 1});
  const Array slot = ivy::where(
      valid, ivy::add(batch_offset, ivy::sum(ivy::multiply(idx, strides), Axes{-1})), b * voxels);

  // Sums of the points, features and counts per voxel, then the means.
  std::vector<Array> parts = {xyz};
  if (features) parts.push_back(ivy::reshape(ivy::cast(*features, coords.dtype()), {b, n, f}));
  parts.push_back(ivy::ones({b, n, 1}, like(coords)));
  const Array values = ivy::reshape(ivy::concat(parts, -1), {b * n, 4 + f});
  const Array sums = scatter_rows_or_drop(ivy::reshape(slot, {b * n}), values, b * voxels);
  const Array count = last_range(sums, 3 + f, 4 + f);
  const Array means = ivy::divide(last_range(sums, 0, 3 + f), ivy::maximum(count, 1.0));
  Shape grid_shape = bs;
  grid_shape.insert(grid_shape.end(), {xd, yd, zd, 4 + f});
  Shape three = bs;
  three.push_back(3);
  return {ivy::reshape(ivy::concat({means, count}, -1), grid_shape),
          ivy::reshape(dims_array, three), ivy::reshape(res, three), ivy::reshape(lower, three)};
}

}  // namespace ivy::vision
