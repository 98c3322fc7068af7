#pragma once
#include <functional>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

/** A function of arrays whose first output is a loss (see ivy::execute_with_gradients). */
using DifferentiableFunction = std::function<std::vector<Array>(const std::vector<Array>&)>;

/** An engine's own reverse-mode autodiff; backends without one use ivy's tape. */
struct AutodiffKernels {
  /**
   * Calls f(xs) with the engine watching xs (floating arrays) and returns f's outputs as plain
   * arrays (no autodiff history). When outs[0] is a floating array of one element, grads[i] is
   * d outs[0] / d xs[i], or undefined where xs[i] does not reach the loss; otherwise grads is
   * left empty (core then reports the bad loss).
   */
  std::vector<Array> (*value_and_grad)(const DifferentiableFunction& f,
                                       const std::vector<Array>& xs,
                                       std::vector<Array>& grads) = nullptr;
  /** x as a constant for the engine's autodiff. */
  Array (*stop_gradient)(const Array& x) = nullptr;
  /** True while x carries the engine's autodiff history (inside value_and_grad). */
  bool (*tracked)(const Array& x) = nullptr;
};

}  // namespace ivy
