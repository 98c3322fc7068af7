// ivy::vision quantization, written over the unified functions (ivy::Array on any backend).
// Semantics follow ivy_vision's quantization.quantize_to_image; the differences are listed in
// docs/vision.md.
#include "ivy/vision/quantization.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

Shape with(Shape s, std::initializer_list<std::int64_t> tail) {
  s.insert(s.end(), tail);
  return s;
}

}  // namespace

QuantizedImage quantize_to_image(const Array& pixel_coords,
                                 const std::array<std::int64_t, 2>& final_image_dims,
                                 const std::optional<Array>& feat, const QuantizeOptions& o) {
  constexpr std::string_view fn = "quantize_to_image";
  const Array& pc = pixel_coords;
  need_tail(fn, "pixel_coords", pc, {{2}});
  need_rank(fn, "pixel_coords", pc, 2, "[...,N,2]");
  check_image_dims(fn, final_image_dims, backend_name_of(pc));
  const Shape bs = drop_last(pc, 2);
  const std::int64_t b = numel(bs), n = pc.shape()[pc.shape().size() - 2];
  const std::int64_t h = final_image_dims[0], w = final_image_dims[1], hw = h * w;
  std::int64_t d = 0;
  if (feat) {
    need_rank(fn, "feat", *feat, 2, "[...,N,d]");
    d = feat->shape().back();
    if (feat->shape() != with(drop_last(pc, 1), {d})) {
      shape_error(fn, *feat,
                  "feat: expected shape " + shape_str(with(drop_last(pc, 1), {d})) + ", got " +
                      shape_str(feat->shape()));
    }
  }
  if (o.with_db && d == 0) {
    value_error(fn, backend_name_of(pc), "with_db needs feat, whose first channel is the depth");
  }
  const std::int64_t c = 2 + d;
  const Shape points = with(bs, {n}), image = with(bs, {h, w});

  // BS x N x (2+D) values and variances of the points; BS x H x W x (2+D) of the prior.
  std::vector<Array> values = {pc}, vars = {fill_to(fn, "pixel_coords_var", o.pixel_coords_var,
                                                    with(points, {2}), pc)};
  std::vector<Array> prior = {},
                     prior_var = {fill_to(fn, "pixel_coords_prior_var", o.pixel_coords_prior_var,
                                          with(image, {2}), pc)};
  if (o.uniform_pixel_coords) {
    need_tail(fn, "uniform_pixel_coords", *o.uniform_pixel_coords, {{h, w, 2}, {h, w, 3}});
    if (drop_last(*o.uniform_pixel_coords, 3) != bs) {
      shape_error(fn, *o.uniform_pixel_coords,
                  "uniform_pixel_coords: expected shape " + shape_str(with(image, {3})) + ", got " +
                      shape_str(o.uniform_pixel_coords->shape()));
    }
    prior.push_back(ivy::cast(last_range(*o.uniform_pixel_coords, 0, 2), pc.dtype()));
  } else {
    prior.push_back(
        create_uniform_pixel_coords_image(final_image_dims, bs, false, false, like(pc)));
  }
  if (feat) {
    values.push_back(ivy::cast(*feat, pc.dtype()));
    vars.push_back(fill_to(fn, "feat_var", o.feat_var, with(points, {d}), pc));
    prior.push_back(fill_to(fn, "feat_prior", o.feat_prior, with(image, {d}), pc));
    prior_var.push_back(fill_to(fn, "feat_prior_var", o.feat_prior_var, with(image, {d}), pc));
  }
  // B x N x C and B x HW x C.
  const Array value = ivy::reshape(ivy::concat(values, -1), {b, n, c});
  const Array var = ivy::reshape(ivy::concat(vars, -1), {b, n, c});
  const Array prior_mean = ivy::reshape(ivy::concat(prior, -1), {b, hw, c});
  const Array prior_variance = ivy::reshape(ivy::concat(prior_var, -1), {b, hw, c});

  // B|1 x 1 x C: the variance thresholds.
  Array var_min, var_max;
  if (o.var_threshold) {
    const Array& t = *o.var_threshold;
    need_tail(fn, "var_threshold", t, {{c, 2}});
    const Shape lead = drop_last(t, 2);
    if (!lead.empty() && lead != bs) {
      shape_error(fn, t,
                  "var_threshold: expected shape " + shape_str({c, 2}) + " or " +
                      shape_str(with(bs, {c, 2})) + ", got " + shape_str(t.shape()));
    }
    const Array tt = ivy::reshape(ivy::cast(t, pc.dtype()), {lead.empty() ? 1 : b, 1, c, 2});
    var_min = ivy::squeeze(last_range(tt, 0, 1), Axes{-1});
    var_max = ivy::squeeze(last_range(tt, 1, 2), Axes{-1});
  } else {
    var_min = ivy::full({1, 1, c}, o.var_threshold_min, like(pc));
    var_max = ivy::full({1, 1, c}, o.var_threshold_max, like(pc));
  }

  Shape out_shape = with(image, {c});
  if (b * n == 0) {  // no points: the prior everywhere
    return {ivy::reshape(prior_mean, out_shape), ivy::reshape(prior_variance, out_shape),
            ivy::zeros(with(image, {1}), like(pc))};
  }

  // B x N: the points kept, and the flat pixel slot b HW + y W + x of each (B HW drops it).
  const Array q = ivy::round(ivy::stop_gradient(ivy::reshape(pc, {b, n, 2})));
  const std::vector<Array> qxy = ivy::unstack(q, -1);
  const auto within = [](const Array& x, double hi) {
    return ivy::logical_and(ivy::greater_equal(x, 0.0), ivy::less_equal(x, hi));
  };
  Array valid = ivy::logical_and(ivy::logical_and(within(qxy[0], static_cast<double>(w - 1)),
                                                  within(qxy[1], static_cast<double>(h - 1))),
                                 ivy::all(ivy::less(ivy::stop_gradient(var), var_max), Axes{-1}));
  const Array depth =  // B x N; used by the depth buffer only
      o.with_db ? ivy::stop_gradient(ivy::squeeze(last_range(value, 2, 3), Axes{-1})) : Array();
  if (o.with_db) valid = ivy::logical_and(valid, ivy::equal(depth, depth));  // no NaN depths
  const auto as_index = [&](const Array& x) { return ivy::cast(ivy::where(valid, x, 0.0), int64); };
  const Options int_opts = Options(int64).on(pc.backend()).to(pc.device());
  const Array batch_offset = ivy::reshape(ivy::arange(0, b * hw, hw, int_opts), {b, 1});
  const Array slot = ivy::reshape(
      ivy::where(
          valid,
          ivy::add(batch_offset, ivy::add(ivy::multiply(as_index(qxy[1]), w), as_index(qxy[0]))),
          b * hw),
      {b * n});
  const std::int64_t slots = b * hw;

  Array mean, variance, count;
  if (!o.with_db) {
    // Inverse-variance fusion: sums of value / var, 1 / var and the count per pixel.
    const Array recip = ivy::divide(1.0, var);
    const Array update = ivy::reshape(
        ivy::concat({ivy::multiply(value, recip), recip, ivy::ones({b, n, 1}, like(pc))}, -1),
        {b * n, 2 * c + 1});
    const Array sums = ivy::reshape(scatter_rows_or_drop(slot, update, slots), {b, hw, 2 * c + 1});
    count = last_range(sums, 2 * c, 2 * c + 1);
    const Array filled = ivy::greater(count, 0.0);
    // The where keeps 1 / 0 (and its derivative) out of empty pixels.
    const Array fused = ivy::divide(1.0, ivy::where(filled, last_range(sums, c, 2 * c), 1.0));
    mean = ivy::where(filled, ivy::multiply(fused, last_range(sums, 0, c)), prior_mean);
    variance =
        ivy::where(filled, ivy::maximum(ivy::multiply(fused, count), var_min), prior_variance);
  } else {
    // Depth buffer: each pixel's least depth, then the first point in order that has it.
    const Array depth_flat = ivy::reshape(depth, {b * n, 1});
    const Array nearest =
        ivy::reshape(scatter_rows_or_drop(slot, depth_flat, slots, "min"), {slots});
    const Array valid_flat = ivy::reshape(valid, {b * n});
    const Array at_nearest = ivy::logical_and(
        valid_flat, ivy::equal(ivy::reshape(depth_flat, {b * n}),
                               ivy::take(nearest, ivy::where(valid_flat, slot, 0), 0)));
    const Array order = ivy::reshape(ivy::arange(0, b * n, 1, int_opts), {b * n, 1});
    const Array first =
        scatter_rows_or_drop(ivy::where(at_nearest, slot, slots), order, slots, "min");
    count = ivy::reshape(scatter_rows_or_drop(slot, ivy::ones({b * n, 1}, like(pc)), slots),
                         {b, hw, 1});
    const Array filled = ivy::greater(count, 0.0);
    const Array winner =
        ivy::reshape(ivy::where(ivy::reshape(filled, {slots, 1}), first, 0), {slots});
    const Array win_value =
        ivy::reshape(ivy::take(ivy::reshape(value, {b * n, c}), winner, 0), {b, hw, c});
    const Array win_var =
        ivy::reshape(ivy::take(ivy::reshape(var, {b * n, c}), winner, 0), {b, hw, c});
    mean = ivy::where(filled, win_value, prior_mean);
    variance = ivy::where(filled, ivy::maximum(win_var, var_min), prior_variance);
  }
  return {ivy::reshape(mean, out_shape), ivy::reshape(variance, out_shape),
          ivy::reshape(count, with(image, {1}))};
}

}  // namespace ivy::vision
