// ivy::vision smoothing, written over the unified functions (ivy::Array on any backend).
// Semantics follow ivy_vision's smoothing module; the differences are listed in docs/vision.md.
#include "ivy/vision/smoothing.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/ivy.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

namespace {

/** Checks the image pair and kernel size; returns the image's batch shape. */
Shape check_images(std::string_view fn, std::string_view second, const Array& mean,
                   const Array& other, std::int64_t kernel_dim) {
  need_rank(fn, "mean", mean, 3, "[...,H,W,D]");
  if (other.shape() != mean.shape()) {
    shape_error(fn, other,
                std::string(second) + ": expected the shape of mean " + shape_str(mean.shape()) +
                    ", got " + shape_str(other.shape()));
  }
  const Shape s = mean.shape();
  const std::int64_t h = s[s.size() - 3], w = s[s.size() - 2];
  if (kernel_dim < 1 || kernel_dim > h || kernel_dim > w) {
    value_error(fn, backend_name_of(mean),
                "kernel_dim must be in [1, min(H, W)] = [1, " + std::to_string(std::min(h, w)) +
                    "], got " + std::to_string(kernel_dim));
  }
  return drop_last(mean, 3);
}

/** The per-channel k x k window correlation of x [BS..., H, W, D] with kernel [k, k, D]. */
Array window_sum(const Array& x, const Array& kernel) {
  const Shape s = x.shape();
  const std::int64_t h = s[s.size() - 3], w = s[s.size() - 2], d = s.back();
  const Shape bs = drop_last(x, 3);
  const Array y = ivy::depthwise_conv2d(ivy::reshape(x, {numel(bs), h, w, d}), kernel, 1, "VALID");
  Shape out = bs;
  const Shape ys = y.shape();
  out.insert(out.end(), ys.end() - 3, ys.end());
  return ivy::reshape(y, out);
}

}  // namespace

WeightedSmoothing weighted_image_smooth(const Array& mean, const Array& weights,
                                        std::int64_t kernel_dim) {
  check_images("weighted_image_smooth", "weights", mean, weights, kernel_dim);
  const Array kernel = ivy::ones({kernel_dim, kernel_dim, mean.shape().back()}, like(mean));
  const Array weighted_sum = window_sum(ivy::multiply(mean, weights), kernel);
  const Array weight_sum = window_sum(weights, kernel);
  // A window whose weights sum to 0 has mean 0 (the original's 0 / 1e-12); the inner where keeps
  // the unused quotient, and so its derivative, finite.
  const Array empty = ivy::equal(weight_sum, 0.0);
  const Array new_mean =
      ivy::where(empty, 0.0, ivy::divide(weighted_sum, ivy::where(empty, 1.0, weight_sum)));
  return {new_mean, ivy::divide(weight_sum, static_cast<double>(kernel_dim * kernel_dim))};
}

namespace {
VarianceSmoothing smooth_from_var(std::string_view fn, const Array& mean, const Array& var,
                                  std::int64_t kernel_dim, const Operand& kernel_scale) {
  check_images(fn, "var", mean, var, kernel_dim);
  const std::int64_t d = mean.shape().back();
  // k x k x 1: each pixel's distance from the centre pixel.
  const double c = std::floor(static_cast<double>(kernel_dim) / 2.0);
  std::vector<double> dist;
  for (std::int64_t i = 0; i < kernel_dim; ++i)
    for (std::int64_t j = 0; j < kernel_dim; ++j)
      dist.push_back(std::hypot(static_cast<double>(j) - c, static_cast<double>(i) - c));
  const Array dists = ivy::array(dist, {kernel_dim, kernel_dim, 1}, like(mean));
  const Array scale = fill_to(fn, "kernel_scale", kernel_scale, {d}, mean);
  // k x k x D
  const Array kernel = ivy::add(1.0, ivy::multiply(dists, scale));
  const Array recip_kernel = ivy::divide(1.0, kernel);
  const Array kernel_sum = ivy::sum(kernel, Axes{0, 1});  // D
  // BS x H' x W' x D: the fused precision, variance and mean of each window.
  const Array recip_var = ivy::divide(1.0, var);
  const Array new_var = ivy::divide(1.0, window_sum(recip_var, recip_kernel));
  const Array new_mean =
      ivy::multiply(new_var, window_sum(ivy::multiply(mean, recip_var), recip_kernel));
  const double k2 = static_cast<double>(kernel_dim * kernel_dim);
  return {new_mean, ivy::divide(ivy::multiply(new_var, k2 * k2), kernel_sum)};
}
}  // namespace

VarianceSmoothing smooth_image_fom_var_image(const Array& mean, const Array& var,
                                             std::int64_t kernel_dim, const Operand& kernel_scale) {
  return smooth_from_var("smooth_image_fom_var_image", mean, var, kernel_dim, kernel_scale);
}

VarianceSmoothing smooth_image_from_var_image(const Array& mean, const Array& var,
                                              std::int64_t kernel_dim,
                                              const Operand& kernel_scale) {
  return smooth_from_var("smooth_image_from_var_image", mean, var, kernel_dim, kernel_scale);
}

}  // namespace ivy::vision
