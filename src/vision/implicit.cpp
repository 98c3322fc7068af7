// ivy::vision implicit (NeRF-style) rendering helpers, written over the unified functions
// (ivy::Array on any backend). Semantics follow ivy_vision's implicit module; the differences are
// listed in docs/vision.md.
#include "ivy/vision/implicit.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

// The distance that closes the last segment of every ray (NeRF's terminal 1e10): a positive
// density there stops the ray, so the termination probabilities of a ray sum to one.
constexpr double kTerminalDepth = 1e10;

void same_shape(std::string_view fn, const Array& a, std::string_view a_name, const Array& b,
                std::string_view b_name) {
  if (a.shape() != b.shape()) {
    shape_error(fn, a,
                std::string(a_name) + " " + shape_str(a.shape()) + " and " + std::string(b_name) +
                    " " + shape_str(b.shape()) + " must have the same shape");
  }
}

void need_positive(std::string_view fn, std::string_view backend, std::string_view what,
                   std::int64_t v) {
  if (v <= 0)
    value_error(fn, backend, std::string(what) + " must be positive, got " + std::to_string(v));
}

Shape concat_shapes(Shape a, const Shape& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/** x reshaped to lead + [n]: ShapeError naming `what` unless it has numel(lead) * n elements. */
Array reshape_to(std::string_view fn, std::string_view what, const Array& x, Shape lead,
                 std::int64_t n) {
  lead.push_back(n);
  if (x.size() != numel(lead)) {
    shape_error(fn, x,
                std::string(what) + ": expected " + std::to_string(numel(lead)) +
                    " elements (shape " + shape_str(lead) + "), got shape " + shape_str(x.shape()));
  }
  return ivy::reshape(x, lead);
}

/** x reshaped to lead + [F] for the F its size gives (ShapeError unless it divides evenly). */
Array reshape_with_last(std::string_view fn, std::string_view what, const Array& x,
                        const Shape& lead) {
  const std::int64_t rows = numel(lead);
  const std::int64_t f = rows > 0 ? x.size() / rows : (x.ndim() > 0 ? x.shape().back() : 1);
  if (rows > 0 && (f == 0 || x.size() % rows != 0)) {
    shape_error(fn, x,
                std::string(what) + ": expected a multiple of " + std::to_string(rows) +
                    " elements (shape " + shape_str(lead) + " + [F]), got shape " +
                    shape_str(x.shape()));
  }
  return reshape_to(fn, what, x, lead, f);
}

RayRendering render(const Array& weights, const Array& features, bool render_variance) {
  const Array w = ivy::expand_dims(weights, -1);                      // BS x N x 1
  const Array mean = ivy::sum(ivy::multiply(w, features), Axes{-2});  // BS x F
  if (!render_variance) return {mean, std::nullopt};
  const Array dev = ivy::subtract(features, ivy::expand_dims(mean, -2));
  return {mean, ivy::sum(ivy::multiply(w, ivy::multiply(dev, dev)), Axes{-2})};
}

}  // namespace

Array positional_encoding(const Array& x, std::int64_t num_bands, std::optional<double> max_freq,
                          bool linear) {
  constexpr std::string_view fn = "positional_encoding";
  if (x.ndim() < 1) shape_error(fn, x, "x: expected shape [...,D], got []");
  if (num_bands < 0)
    value_error(fn, backend_name_of(x),
                "num_bands must be non-negative, got " + std::to_string(num_bands));
  const double f = max_freq.value_or(std::pow(2.0, static_cast<double>(num_bands)));
  if (!(std::isfinite(f) && f > 0)) {
    std::ostringstream v;
    v << f;
    value_error(fn, backend_name_of(x), "max_freq must be finite and positive, got " + v.str());
  }
  // ... x D x (2 B + 1): [x, sin(pi f_k x), cos(pi f_k x)] for each coordinate.
  const Array enc = ivy::fourier_encode(x, f, num_bands, linear, true, false).front();
  Shape out = x.shape();
  out.back() *= 2 * num_bands + 1;
  return ivy::reshape(enc, out);
}

std::vector<Array> sample_images(const std::vector<Array>& list_of_images,
                                 std::int64_t num_pixels) {
  constexpr std::string_view fn = "sample_images";
  if (list_of_images.empty()) value_error(fn, "none", "list_of_images is empty");
  const Array& first = list_of_images.front();
  need_positive(fn, backend_name_of(first), "num_pixels", num_pixels);
  const Shape s = first.shape();
  if (s.size() < 3)
    shape_error(fn, first, "list_of_images[0]: expected shape [...,H,W,D], got " + shape_str(s));
  const Shape lead(s.begin(), s.end() - 1);  // BS x H x W
  for (std::size_t i = 1; i < list_of_images.size(); ++i) {
    const Array& img = list_of_images[i];
    if (img.ndim() < 1 || drop_last(img, 1) != lead) {
      shape_error(fn, img,
                  "list_of_images[" + std::to_string(i) + "]: expected shape " + shape_str(lead) +
                      " + [D] like the first image, got " + shape_str(img.shape()));
    }
  }
  const Shape batch(s.begin(), s.end() - 3);
  const std::int64_t h = s[s.size() - 3], w = s[s.size() - 2];
  check_image_dims(fn, {h, w}, backend_name_of(first));
  const auto dims = downsampled_image_dims_from_desired_num_pixels({h, w}, num_pixels);
  // At least one sample per axis (a very elongated image may round one axis to zero).
  const std::int64_t dh = std::max<std::int64_t>(dims[0], 1),
                     dw = std::max<std::int64_t>(dims[1], 1);
  // BS x DH x DW x 2, whole pixels (x, y) with one drawn in each window.
  const Array pix =
      create_sampled_pixel_coords_image({h, w}, {dh, dw}, batch, false, true, false,
                                        Options(float32).on(first.backend()).to(first.device()));
  const std::vector<Array> xy = ivy::unstack(pix, -1);
  const Array flat_idx = ivy::cast(ivy::add(xy[0], ivy::multiply(xy[1], static_cast<double>(w))),
                                   int64);  // BS x DH x DW
  const std::int64_t rows = numel(batch);
  // FBS x (DH DW) x 1: the row-major pixel index of each sample.
  const Array idx = ivy::reshape(flat_idx, {rows, dh * dw, 1});
  std::vector<Array> out;
  out.reserve(list_of_images.size());
  for (const Array& img : list_of_images) {
    const std::int64_t d = img.shape().back();
    const Array flat = ivy::reshape(img, {rows, h * w, d});  // FBS x HW x D
    out.push_back(ivy::reshape(ivy::gather(flat, idx, -2), concat_shapes(batch, {dh * dw, d})));
  }
  return out;
}

Array sampled_volume_density_to_occupancy_probability(const Array& density,
                                                      const Array& inter_sample_distance) {
  same_shape("sampled_volume_density_to_occupancy_probability", density, "density",
             inter_sample_distance, "inter_sample_distance");
  // 1 - exp(-s d), as -expm1(-s d) to keep its precision for small s d.
  return ivy::negative(ivy::expm1(ivy::negative(ivy::multiply(density, inter_sample_distance))));
}

Array ray_termination_probabilities(const Array& density, const Array& inter_sample_distance) {
  constexpr std::string_view fn = "ray_termination_probabilities";
  same_shape(fn, density, "density", inter_sample_distance, "inter_sample_distance");
  if (density.ndim() < 1) shape_error(fn, density, "density: expected shape [...,N], got []");
  const Array optical_depth = ivy::multiply(density, inter_sample_distance);
  const Array occupancy = ivy::negative(ivy::expm1(ivy::negative(optical_depth)));
  // The transmittance up to each segment, exp(-sum_{j<i} s_j d_j) = prod_{j<i} (1 - occupancy_j).
  const Array transmittance = ivy::exp(ivy::negative(ivy::cumsum(optical_depth, -1, true)));
  return ivy::multiply(occupancy, transmittance);
}

Array stratified_sample(const Array& starts, const Array& ends, std::int64_t num_samples) {
  constexpr std::string_view fn = "stratified_sample";
  same_shape(fn, starts, "starts", ends, "ends");
  need_positive(fn, backend_name_of(starts), "num_samples", num_samples);
  const Array s = is_floating(starts.dtype()) ? starts : ivy::cast(starts, kDefaultFloat);
  const Array e = is_floating(ends.dtype()) ? ends : ivy::cast(ends, kDefaultFloat);
  const Options o = like(s);
  // BS x 1
  const Array bin =
      ivy::expand_dims(ivy::divide(ivy::subtract(e, s), static_cast<double>(num_samples)), -1);
  // BS x NS: the stratum index plus a uniform offset within the stratum.
  const Array u = ivy::random_uniform(0.0, 1.0, concat_shapes(s.shape(), {num_samples}), o);
  const Array pos = ivy::add(ivy::arange(0, num_samples, 1, o), u);
  return ivy::add(ivy::expand_dims(s, -1), ivy::multiply(pos, bin));
}

RayRendering render_rays_via_termination_probabilities(const Array& ray_term_probs,
                                                       const Array& features,
                                                       bool render_variance) {
  constexpr std::string_view fn = "render_rays_via_termination_probabilities";
  if (features.ndim() < 2)
    shape_error(fn, features,
                "features: expected shape [...,N,F], got " + shape_str(features.shape()));
  if (ray_term_probs.shape() != drop_last(features, 1)) {
    shape_error(fn, ray_term_probs,
                "ray_term_probs " + shape_str(ray_term_probs.shape()) +
                    " must be the shape of features " + shape_str(features.shape()) +
                    " without its last axis");
  }
  return render(ray_term_probs, features, render_variance);
}

ImplicitRendering render_implicit_features_and_depth(
    const ImplicitFunction& network_fn, const Array& rays_o, const Array& rays_d, const Array& near,
    const Array& far, std::int64_t samples_per_ray, const std::optional<Array>& timestamps,
    bool render_depth, bool render_feats, bool render_variance,
    const PointFeatureFunction& inter_feat_fn) {
  constexpr std::string_view fn = "render_implicit_features_and_depth";
  const std::string_view backend = backend_name_of(rays_o);
  if (!network_fn) value_error(fn, backend, "network_fn is empty");
  need_positive(fn, backend, "samples_per_ray", samples_per_ray);
  need_tail(fn, "rays_o", rays_o, {{3}});
  need_tail(fn, "rays_d", rays_d, {{3}});
  const Shape batch = drop_last(rays_o, 1);
  const Shape ds = rays_d.shape();
  bool leads = ds.size() >= batch.size() + 1;
  for (std::size_t i = 0; leads && i < batch.size(); ++i) leads = ds[i] == batch[i];
  if (!leads) {
    shape_error(fn, rays_d,
                "the batch shape " + shape_str(batch) + " of rays_o must lead the shape " +
                    shape_str(ds) + " of rays_d");
  }
  const Shape total = drop_last(rays_d, 1);  // BS x RBS
  const Shape ray_batch(total.begin() + static_cast<std::ptrdiff_t>(batch.size()), total.end());
  for (const auto& [arr, name] : {std::pair{&near, "near"}, std::pair{&far, "far"}}) {
    if (arr->shape() != total) {
      shape_error(fn, *arr,
                  std::string(name) + ": expected shape " + shape_str(total) +
                      " (rays_d without its last axis), got " + shape_str(arr->shape()));
    }
  }
  const std::int64_t spr = samples_per_ray;

  // BS x RBS x SPR: depths along the rays.
  const Array z = stratified_sample(near, far, spr);
  // BS x RBS x SPR x 3: the query points.
  Shape o_shape = batch;
  o_shape.insert(o_shape.end(), ray_batch.size() + 1, 1);
  o_shape.push_back(3);
  const Array pts = ivy::add(ivy::reshape(rays_o, o_shape),
                             ivy::multiply(ivy::expand_dims(rays_d, -2), ivy::expand_dims(z, -1)));
  const Shape flat_lead = concat_shapes(batch, {numel(ray_batch), spr});  // BS x FRBS x SPR
  const Array pts_flat = ivy::reshape(pts, concat_shapes(flat_lead, {3}));
  std::optional<Array> feats_flat;
  if (inter_feat_fn)
    feats_flat = reshape_with_last(fn, "inter_feat_fn(points)", inter_feat_fn(pts), flat_lead);

  const auto [net_feats, net_densities] = network_fn(pts_flat, feats_flat, timestamps);
  // BS x RBS x SPR
  const Array densities = reshape_to(fn, "the densities of network_fn", net_densities, total, spr);
  // BS x RBS x SPR: the segment lengths, the last one reaching to the terminal depth.
  const Array depth_diffs =
      ivy::concat({ivy::subtract(last_range(z, 1, spr), last_range(z, 0, spr - 1)),
                   ivy::subtract(kTerminalDepth, last_range(z, spr - 1, spr))},
                  -1);
  const Array weights = ray_termination_probabilities(densities, depth_diffs);

  ImplicitRendering out;
  if (render_feats) {
    const Array feats =
        reshape_with_last(fn, "the features of network_fn", net_feats, concat_shapes(total, {spr}));
    RayRendering r = render(weights, feats, render_variance);
    out.features = ivy::clip(r.rendering, 0.0, 1.0);
    out.features_variance = r.variance;
  }
  if (render_depth) {
    RayRendering r = render(weights, ivy::expand_dims(z, -1), render_variance);
    out.depth = r.rendering;
    out.depth_variance = r.variance;
  }
  return out;
}

}  // namespace ivy::vision
