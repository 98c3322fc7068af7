#pragma once
/// ivy::vision quantization: forward-warp rendering of points with continuous pixel
/// co-ordinates into an image of whole pixels. Pixel coordinates are (x, y) = (column, row);
/// a point belongs to pixel (round(x), round(y)) (ties to even). See docs/vision.md.
#include <array>
#include <cstdint>
#include <optional>

#include "ivy/core/array.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy::vision {

/**
 * The optional arguments of quantize_to_image (d = the number of feature channels). An Operand
 * set from a named Array refers to it (keep the array alive until the call); one set from a
 * temporary owns it.
 */
struct QuantizeOptions {
  /** The features of empty pixels: a scalar or an array broadcastable to [BS..., H, W, d]. */
  Operand feat_prior = 0.0;
  /** Keep each pixel's nearest point (the least feat[..., 0]) instead of fusing them all. */
  bool with_db = false;
  /** The points' variances: scalars, or arrays broadcastable to [BS..., N, 2] / [..., N, d]. */
  Operand pixel_coords_var = 1e-3;
  Operand feat_var = 1e-3;
  /** The variances of empty pixels: scalars, or broadcastable to [BS..., H, W, 2] / [..., d]. */
  Operand pixel_coords_prior_var = 1e12;
  Operand feat_prior_var = 1e12;
  /**
   * Per channel (min, max): a point takes part only if each of its 2 + d variances is below the
   * max, and every variance returned for a filled pixel is at least the min. Either the pair
   * var_threshold_min / var_threshold_max for every channel, or an array [2 + d, 2] or
   * [BS..., 2 + d, 2] in var_threshold.
   */
  double var_threshold_min = 1e-3;
  double var_threshold_max = 1e12;
  std::optional<Array> var_threshold;
  /** The pixel grid of the prior, [BS..., H, W, 2|3] (create_uniform_pixel_coords_image). */
  std::optional<Array> uniform_pixel_coords;
};

/** The rendered image: means and variances [BS..., H, W, 2 + d], point counts [..., 1]. */
struct QuantizedImage {
  Array mean;
  Array var;
  Array counter;
};

/**
 * Renders points pixel_coords [BS..., N, 2] (x, y) with features feat [BS..., N, d] (none: d =
 * 0) into an {H, W} image whose channels are the points' (x, y) and features. Points whose
 * rounded position falls outside the image, or any of whose variances reaches its max
 * threshold, are dropped (and in depth-buffer mode points whose depth is NaN).
 *
 * Without with_db the points landing on one pixel are fused by inverse variance: var' =
 * 1 / sum(1 / var), mean = var' sum(value / var), and the returned variance is
 * max(var' count, threshold min). With with_db (d >= 1; feat[..., 0] is the depth) each pixel
 * takes the channels of its nearest point, the first in order among equally near ones, with
 * variance max(var, threshold min). Empty pixels get the prior: the pixel's own (x, y) and
 * feat_prior, with the prior variances. counter is the number of points kept at each pixel.
 * The means are differentiable with respect to the points and features.
 */
QuantizedImage quantize_to_image(const Array& pixel_coords,
                                 const std::array<std::int64_t, 2>& final_image_dims,
                                 const std::optional<Array>& feat = std::nullopt,
                                 const QuantizeOptions& options = {});

}  // namespace ivy::vision
