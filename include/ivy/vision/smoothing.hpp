#pragma once
/// ivy::vision smoothing: weighted and variance-weighted averages of image windows. Images are
/// [BS..., H, W, D] with any leading batch shape BS; the kernel is kernel_dim x kernel_dim and
/// only whole windows are kept ("VALID"), so the results are [BS..., H - k + 1, W - k + 1, D].
/// See docs/vision.md.
#include <cstdint>

#include "ivy/core/array.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy::vision {

/** A smoothed image and its smoothed weights, both [BS..., H - k + 1, W - k + 1, D]. */
struct WeightedSmoothing {
  Array mean;
  Array weights;
};

/** A smoothed image and its variance, both [BS..., H - k + 1, W - k + 1, D]. */
struct VarianceSmoothing {
  Array mean;
  Array var;
};

/**
 * Per channel and k x k window (k = kernel_dim): mean = sum(w m) / sum(w) (0 where the window's
 * weights sum to 0) and weights = sum(w) / k^2. mean and weights [BS..., H, W, D] of one shape
 * (ShapeError otherwise); 1 <= k <= min(H, W) (ValueError otherwise).
 */
WeightedSmoothing weighted_image_smooth(const Array& mean, const Array& weights,
                                        std::int64_t kernel_dim);

/**
 * Fuses each k x k window of an image with per-pixel variances, down-weighting pixels far from
 * the window centre: with the spatial kernel K = 1 + kernel_scale |p - c| (|p - c| the pixel's
 * distance from the centre pixel c = (floor(k / 2), floor(k / 2))), the fused variance is
 * v = 1 / sum(1 / (var K)), the mean v sum(mean / (var K)), and the returned variance
 * v k^4 / sum(K) (inflated because neighbouring measurements are not independent).
 * mean, var [BS..., H, W, D] of one shape; kernel_scale a scalar or [D]; var > 0 and K > 0.
 */
VarianceSmoothing smooth_image_fom_var_image(const Array& mean, const Array& var,
                                             std::int64_t kernel_dim, const Operand& kernel_scale);

/** The same as smooth_image_fom_var_image (whose name keeps the original's spelling). */
VarianceSmoothing smooth_image_from_var_image(const Array& mean, const Array& var,
                                              std::int64_t kernel_dim, const Operand& kernel_scale);

}  // namespace ivy::vision
