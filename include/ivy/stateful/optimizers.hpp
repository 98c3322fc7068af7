#pragma once
/// Optimizers (the original ivy.SGD and ivy.Adam): step(v, grads) returns NEW variables from
/// Containers of one structure; the optimizer's state (step count, moments) is a Container.
#include <cstdint>
#include <string>

#include "ivy/container.hpp"

namespace ivy {

/**
 * The base: step() checks that v and grads have the same key chains and leaf shapes (else a
 * ShapeError naming the first differing key chain), counts the update and calls update().
 *
 *     ivy::Adam opt(1e-3);
 *     model.set_v(opt.step(model.v(), grads));
 */
class Optimizer {
 public:
  Optimizer(std::string kind, double lr);
  virtual ~Optimizer() = default;

  /** The updated variables; state() advances only when the update succeeds. */
  Container step(const Container& v, const Container& grads);

  /** {"step": number of updates made so far, ...}: the optimizer's whole state. */
  const Container& state() const { return state_; }
  /** Restores a state (from state(), or loaded from HDF5); it needs a "step" entry. */
  void set_state(Container state);
  /** The number of updates made so far. */
  std::int64_t step_count() const;

  double lr() const { return lr_; }
  void set_lr(double lr) { lr_ = lr; }
  const std::string& kind() const { return kind_; }

 protected:
  /** The new variables for update number `step` (1 for the first); may update state_. */
  virtual Container update(const Container& v, const Container& grads, std::int64_t step) = 0;

  Container state_;

 private:
  std::string kind_;
  double lr_;
};

/** w - lr * g. State: {"step"}. */
class SGD : public Optimizer {
 public:
  explicit SGD(double lr = 1e-4);

 protected:
  Container update(const Container& v, const Container& grads, std::int64_t step) override;
};

/**
 * The original ivy.Adam / adam_update. On the first update the moments start at mw = g and
 * vw = g^2 (the original's choice, not zeros). At update t (1, 2, ...):
 *     mw = beta1 mw + (1 - beta1) g,   vw = beta2 vw + (1 - beta2) g^2,
 *     alpha = lr sqrt(1 - beta2^t) / (1 - beta1^t + epsilon),
 *     w = w - alpha mw / (sqrt(vw) + epsilon).
 * State: {"step", "mw", "vw"} (mw and vw with the structure of v once a step was made).
 */
class Adam : public Optimizer {
 public:
  explicit Adam(double lr = 1e-4, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7);

 protected:
  Container update(const Container& v, const Container& grads, std::int64_t step) override;

 private:
  double beta1_, beta2_, epsilon_;
};

}  // namespace ivy
