#pragma once
/// Gradients on every backend: ivy's own reverse-mode tape records the primitive kernel calls
/// of a function and runs their vector-Jacobian products, written once in unified functions,
/// backwards (docs/gradients.md).
#include <concepts>
#include <cstdint>
#include <functional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ivy/container.hpp"
#include "ivy/core/array.hpp"

namespace ivy {

/** Marks a floating array as trainable (is_variable is then true). DTypeError otherwise. */
Array variable(const Array& x);
/** True for arrays made by variable (and the updates of variables). */
bool is_variable(const Array& x);
/** x as a constant: no gradient flows through the result. */
Array stop_gradient(const Array& x);

/**
 * Which engine computes gradients of arrays of backend b: "native" (the engine's own
 * autodiff: LibTorch's autograd, MLX's value_and_grad) or "tape" (ivy's reverse-mode tape,
 * for backends without one, or everywhere when IVY_GRADIENT_ENGINE=tape is set).
 */
std::string_view gradient_engine(const struct Backend& b);

/** What execute_with_gradients returns. */
struct GradResult {
  Array value;                // the loss (f's first output), 0-d or of size 1
  std::vector<Array> grads;   // d value / d xs[i], shape and dtype of xs[i]
  std::vector<Array> extras;  // f's other outputs
};

namespace detail {
using GradFunction = std::function<std::vector<Array>(const std::vector<Array>&)>;
GradResult execute_with_gradients(const GradFunction& f, const std::vector<Array>& xs);
}  // namespace detail

/**
 * Calls f(xs) and differentiates its first output, a floating array of one element, with
 * respect to every xs[i] (floating arrays). f returns an Array or a std::vector<Array> whose
 * first element is the loss; the others are returned as extras. Gradients flow only through
 * the arguments f receives (not through arrays it captures), are zero where an argument does
 * not influence the loss, and have the arguments' shapes and dtypes. Gradient computations
 * do not nest (UnsupportedError).
 */
template <class F>
requires std::is_invocable_v < F&, const std::vector<Array>
& > GradResult execute_with_gradients(F&& f, const std::vector<Array>& xs) {
  return detail::execute_with_gradients(
      [&f](const std::vector<Array>& args) -> std::vector<Array> {
        if constexpr (std::is_convertible_v<std::invoke_result_t<F&, const std::vector<Array>&>,
                                            Array>)
          return {f(args)};
        else
          return f(args);
      },
      xs);
}
/** The same as execute_with_gradients (the JAX name). */
template <class F>
GradResult value_and_grad(F&& f, const std::vector<Array>& xs) {
  return execute_with_gradients(std::forward<F>(f), xs);
}

/** What execute_with_gradients over a Container returns. */
struct ContainerGradResult {
  Array value;                // the loss
  Container grads;            // d value / d leaf, with the keys of the variables
  std::vector<Array> extras;  // f's other outputs
};

namespace detail {
using ContainerGradFunction = std::function<std::vector<Array>(const Container&)>;
ContainerGradResult execute_with_gradients(const ContainerGradFunction& f, const Container& v);
}  // namespace detail

/**
 * The same over a Container of variables (a Module's v()): f(v) returns the loss (and extras);
 * the gradients come back as a Container with v's key chains. Floating array leaves are
 * differentiated; other leaves (integer arrays, host scalars) are passed to f unchanged and
 * get a zero gradient of their own kind.
 */
template <class F>
requires std::is_invocable_v<F&, const Container&> ContainerGradResult
execute_with_gradients(F&& f, const Container& v) {
  return detail::execute_with_gradients(
      [&f](const Container& c) -> std::vector<Array> {
        if constexpr (std::is_convertible_v<std::invoke_result_t<F&, const Container&>, Array>)
          return {f(c)};
        else
          return f(c);
      },
      v);
}

/** The same as execute_with_gradients over a Container (the JAX name). */
template <class F>
requires std::is_invocable_v<F&, const Container&> ContainerGradResult
value_and_grad(F&& f, const Container& v) {
  return execute_with_gradients(std::forward<F>(f), v);
}

/** w - lr * g for each weight (the results are variables where the weights are). */
std::vector<Array> gradient_descent_update(const std::vector<Array>& ws,
                                           const std::vector<Array>& dcdws, double lr);

/** New weights and moment estimates of one Adam step. */
struct AdamResult {
  std::vector<Array> ws, mw, vw;
};
/**
 * One Adam step as in ivy v1.1: mw = b1 mw + (1 - b1) g, vw = b2 vw + (1 - b2) g^2,
 * a = lr sqrt(1 - b2^step) / (1 - b1^step + eps), w = w - a mw / (sqrt(vw) + eps).
 */
AdamResult adam_update(const std::vector<Array>& ws, const std::vector<Array>& dcdws, double lr,
                       const std::vector<Array>& mw, const std::vector<Array>& vw,
                       std::int64_t step, double beta1 = 0.9, double beta2 = 0.999,
                       double epsilon = 1e-7);

/**
 * The original ivy.adam_step (no weights): mw = b1 mw + (1 - b1) g, vw = b2 vw + (1 - b2) g^2,
 * and the effective gradient a mw / (sqrt(vw) + eps) with a = sqrt(1 - b2^step) /
 * (1 - b1^step + eps). AdamResult::ws holds the effective gradients. step below 1 or lists of
 * different lengths: ValueError.
 */
AdamResult adam_step(const std::vector<Array>& dcdws, const std::vector<Array>& mw,
                     const std::vector<Array>& vw, std::int64_t step, double beta1 = 0.9,
                     double beta2 = 0.999, double epsilon = 1e-7);
/** w - lr * effective_grad for each weight (the original ivy.optimizer_update). */
std::vector<Array> optimizer_update(const std::vector<Array>& ws,
                                    const std::vector<Array>& effective_grads, double lr);
/**
 * LARS (the original ivy.lars_update), per weight: lr_w = |w| lr / (|g| + 1e-12) (stable_divide),
 * divided by |w| decay_lambda when decay_lambda > 0, then w - lr_w g; |.| is the 2-norm over all
 * elements.
 */
std::vector<Array> lars_update(const std::vector<Array>& ws, const std::vector<Array>& dcdws,
                               double lr, double decay_lambda = 0.0);
/**
 * LAMB (the original ivy.lamb_update), per weight: the Adam step's effective gradient e, the
 * trust ratio r = min(|w| / (|e + decay_lambda w| + 1e-12), max_trust_ratio), and w - r lr e.
 * Returns the new weights and moments.
 */
AdamResult lamb_update(const std::vector<Array>& ws, const std::vector<Array>& dcdws, double lr,
                       const std::vector<Array>& mw, const std::vector<Array>& vw,
                       std::int64_t step, double beta1 = 0.9, double beta2 = 0.999,
                       double epsilon = 1e-7, double max_trust_ratio = 10.0,
                       double decay_lambda = 0.0);

/** New weights and moments of a Container step (the same structure as the weights). */
struct ContainerAdamResult {
  Container ws, mw, vw;
};
namespace detail {
Container gradient_descent_update_c(const Container& ws, const Container& dcdws, double lr);
Container optimizer_update_c(const Container& ws, const Container& effective_grads, double lr);
Container lars_update_c(const Container& ws, const Container& dcdws, double lr,
                        double decay_lambda);
ContainerAdamResult adam_step_c(const Container& dcdws, const Container& mw, const Container& vw,
                                std::int64_t step, double beta1, double beta2, double epsilon);
ContainerAdamResult adam_update_c(const Container& ws, const Container& dcdws, double lr,
                                  const Container& mw, const Container& vw, std::int64_t step,
                                  double beta1, double beta2, double epsilon);
ContainerAdamResult lamb_update_c(const Container& ws, const Container& dcdws, double lr,
                                  const Container& mw, const Container& vw, std::int64_t step,
                                  double beta1, double beta2, double epsilon,
                                  double max_trust_ratio, double decay_lambda);
}  // namespace detail

/**
 * The Container forms of the optimizer steps (the original's form from v1.1.2): each array leaf
 * is updated as by the list form, and the results keep the key chains. The Containers must have
 * the same key chains and only array leaves (a ValueError otherwise). They are templates on
 * Container only, so that a braced list `{w}` still picks the list form.
 */
template <std::same_as<Container> C>
C gradient_descent_update(const C& ws, const C& dcdws, double lr) {
  return detail::gradient_descent_update_c(ws, dcdws, lr);
}
template <std::same_as<Container> C>
C optimizer_update(const C& ws, const C& effective_grads, double lr) {
  return detail::optimizer_update_c(ws, effective_grads, lr);
}
template <std::same_as<Container> C>
C lars_update(const C& ws, const C& dcdws, double lr, double decay_lambda = 0.0) {
  return detail::lars_update_c(ws, dcdws, lr, decay_lambda);
}
/** The Container form of adam_step; ContainerAdamResult::ws holds the effective gradients. */
template <std::same_as<Container> C>
ContainerAdamResult adam_step(const C& dcdws, const C& mw, const C& vw, std::int64_t step,
                              double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7) {
  return detail::adam_step_c(dcdws, mw, vw, step, beta1, beta2, epsilon);
}
template <std::same_as<Container> C>
ContainerAdamResult adam_update(const C& ws, const C& dcdws, double lr, const C& mw, const C& vw,
                                std::int64_t step, double beta1 = 0.9, double beta2 = 0.999,
                                double epsilon = 1e-7) {
  return detail::adam_update_c(ws, dcdws, lr, mw, vw, step, beta1, beta2, epsilon);
}
template <std::same_as<Container> C>
ContainerAdamResult lamb_update(const C& ws, const C& dcdws, double lr, const C& mw, const C& vw,
                                std::int64_t step, double beta1 = 0.9, double beta2 = 0.999,
                                double epsilon = 1e-7, double max_trust_ratio = 10.0,
                                double decay_lambda = 0.0) {
  return detail::lamb_update_c(ws, dcdws, lr, mw, vw, step, beta1, beta2, epsilon, max_trust_ratio,
                               decay_lambda);
}

}  // namespace ivy
