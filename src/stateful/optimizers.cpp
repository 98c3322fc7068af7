#include "ivy/stateful/optimizers.hpp"

#include <cmath>

#include <vector>

#include "ivy/core/errors.hpp"
#include "ivy/core/eval.hpp"
#include "stateful/structure.hpp"

namespace ivy {

namespace {

// Through Container::pow so that Scalar leaves (host numbers) are updated too.
Container squared(const Container& c) { return c.pow(2); }

void eval_leaves(const Container& c) {
  std::vector<Array> arrays;
  for (const auto& [kc, leaf] : c.flatten())
    if (leaf.is_array()) arrays.push_back(leaf.array());
  eval(arrays);
}

}  // namespace

Optimizer::Optimizer(std::string kind, double lr)
    : state_{{"step", std::int64_t{0}}}, kind_(std::move(kind)), lr_(lr) {}

std::int64_t Optimizer::step_count() const { return state_["step"].leaf().scalar().as_int(); }

void Optimizer::set_state(Container state) {
  if (!state.contains("step") || !state["step"].is_leaf())
    detail::raise<ValueError>(kind_ + "::set_state", stateful_detail::backend_name_of(state),
                              "the state needs a 'step' entry");
  state_ = std::move(state);
}

Container Optimizer::step(const Container& v, const Container& grads) {
  stateful_detail::require_same_layout(kind_ + "::step", "", v, "variables", grads, "gradients");
  const std::int64_t n = step_count() + 1;
  Container updated = update(v, grads, n);
  state_["step"] = Container(n);
  // On a lazy backend (MLX) each step would otherwise extend one graph over the whole training
  // run; computing the new variables and moments here keeps it one step long (a no-op on the
  // eager backends).
  eval_leaves(updated);
  eval_leaves(state_);
  return updated;
}

SGD::SGD(double lr) : Optimizer("SGD", lr) {}

Container SGD::update(const Container& v, const Container& grads, std::int64_t /*step*/) {
  return v - grads * lr();
}

Adam::Adam(double lr, double beta1, double beta2, double epsilon)
    : Optimizer("Adam", lr), beta1_(beta1), beta2_(beta2), epsilon_(epsilon) {}

Container Adam::update(const Container& v, const Container& grads, std::int64_t step) {
  const bool first = !state_.contains("mw");
  Container mw = first ? grads : state_["mw"];
  Container vw = first ? squared(grads) : state_["vw"];
  if (!first) {
    stateful_detail::require_same_layout("Adam::step", "", v, "variables", mw, "first moments");
    stateful_detail::require_same_layout("Adam::step", "", v, "variables", vw, "second moments");
  }
  mw = mw * beta1_ + grads * (1.0 - beta1_);
  vw = vw * beta2_ + squared(grads) * (1.0 - beta2_);
  const double t = static_cast<double>(step);
  const double alpha =
      lr() * std::sqrt(1.0 - std::pow(beta2_, t)) / (1.0 - std::pow(beta1_, t) + epsilon_);
  Container updated = v - mw * alpha / (vw.pow(0.5) + epsilon_);
  state_["mw"] = std::move(mw);
  state_["vw"] = std::move(vw);
  return updated;
}

}  // namespace ivy
