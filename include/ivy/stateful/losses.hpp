#pragma once
/// Losses (the original ivy.binary_cross_entropy, cross_entropy and sparse_cross_entropy, and
/// mean squared error), written once in unified functions: the functional per-item losses of
/// ivy/ops/nn.hpp with a reduction.
#include "ivy/core/array.hpp"

namespace ivy {

/** How the per-item losses are combined: kept as they are, averaged (0-d) or summed (0-d). */
enum class Reduction { none, mean, sum };

/**
 * (pred - target)^2 element-wise, reduced. pred and target must have the same shape
 * (a ShapeError otherwise: silent broadcasting of [N, 1] against [N] is a classic bug).
 */
Array mean_squared_error(const Array& pred, const Array& target,
                         Reduction reduction = Reduction::mean);

/**
 * The functional ivy::binary_cross_entropy(pred, target, epsilon) of ivy/ops/nn.hpp (the
 * per-item loss -(y log(p) + (1 - y) log(1 - p)), p = clip(pred, epsilon, 1 - epsilon)),
 * reduced. The reduction has no default, so that a call without one is the functional form.
 */
Array binary_cross_entropy(const Array& pred, const Array& target, double epsilon,
                           Reduction reduction);

/**
 * -sum(y * log(clip(probs, epsilon, 1 - epsilon))) over the last (class) axis, reduced over
 * the items. labels are either integer class indices of shape probs.shape[:-1] (an index
 * outside [0, classes) is an IndexError) or floating one-hot / soft labels of probs' shape;
 * other shapes are a ShapeError, bool labels a DTypeError.
 */
Array categorical_cross_entropy(const Array& probs, const Array& labels, double epsilon = 1e-7,
                                Reduction reduction = Reduction::mean);

/**
 * As categorical_cross_entropy of softmax(logits), computed stably as -sum(y * log_softmax)
 * with log_softmax = z - max(z) - log(sum(exp(z - max(z)))) (no clipping).
 */
Array categorical_cross_entropy_from_logits(const Array& logits, const Array& labels,
                                            Reduction reduction = Reduction::mean);

}  // namespace ivy
