#pragma once
// The training step of bench_train*.cpp on ivy::Array, for any backend: the problem (batch and
// initial weights, on the host) and the two ivy variants, functional (execute_with_gradients
// over a vector + adam_update) and module (the demo's ivy::Module + Container gradients +
// ivy::Adam). Each program adds its engine's own (native) steps.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "train_task.hpp"

namespace ivy_bench {

inline constexpr std::int64_t kHidden = 32;
inline constexpr double kLr = 1e-3, kBeta1 = 0.9, kBeta2 = 0.999, kEps = 1e-7;
inline const std::vector<std::int64_t> kBatches = {64, 4096};
inline const char* const kWeightKeys[] = {"linear0/w", "linear0/b", "linear1/w",
                                          "linear1/b", "linear2/w", "linear2/b"};

/** The batch ([n, 2] inputs, [n, 1] targets) and w0, b0, w1, b1, w2, b2 (Linear's layout). */
struct HostProblem {
  ivy_demo::HostData data;
  std::vector<std::vector<float>> ws;
  std::vector<ivy::Shape> shapes = {{kHidden, 2}, {kHidden},    {kHidden, kHidden},
                                    {kHidden},    {1, kHidden}, {1}};
};

inline HostProblem host_problem(std::int64_t batch) {
  HostProblem p{ivy_demo::make_data(batch, 7), {}};
  unsigned seed = 11;
  for (const ivy::Shape& s : p.shapes) {
    std::int64_t n = 1;
    for (const std::int64_t k : s) n *= k;
    std::vector<float> w = values(n, seed++);
    for (float& x : w) x *= 0.3f;
    p.ws.push_back(std::move(w));
  }
  return p;
}

/** Adam's step size at update `step` (1 for the first), ivy's formula. */
inline double adam_alpha(std::int64_t step) {
  const double t = static_cast<double>(step);
  return kLr * std::sqrt(1.0 - std::pow(kBeta2, t)) / (1.0 - std::pow(kBeta1, t) + kEps);
}

/** ivy::Array weights and moments for the functional variant. */
struct FunctionalState {
  ivy::Array x, y;
  std::vector<ivy::Array> ws, mw, vw;
  std::int64_t step = 0;
  FunctionalState(const HostProblem& p, const std::string& backend) {
    const ivy::Backend& b = ivy::backend(backend);
    x = ivy::array(p.data.x, {p.data.n, 2}, b);
    y = ivy::array(p.data.y, {p.data.n, 1}, b);
    for (std::size_t i = 0; i < p.ws.size(); ++i) ws.push_back(ivy::array(p.ws[i], p.shapes[i], b));
    ivy::eval(ws);
  }
};

inline ivy::Array functional_step(FunctionalState& s) {
  const auto loss_of = [&](const std::vector<ivy::Array>& w) {
    const ivy::Array h0 = ivy::tanh(ivy::linear(s.x, w[0], w[1]));
    const ivy::Array h1 = ivy::tanh(ivy::linear(h0, w[2], w[3]));
    return ivy::mean_squared_error(ivy::linear(h1, w[4], w[5]), s.y);
  };
  ivy::GradResult r = ivy::execute_with_gradients(loss_of, s.ws);
  if (s.step++ == 0)
    for (const ivy::Array& g : r.grads) {
      s.mw.push_back(g);
      s.vw.push_back(ivy::pow(g, 2.0));
    }
  ivy::AdamResult u =
      ivy::adam_update(s.ws, r.grads, kLr, s.mw, s.vw, s.step, kBeta1, kBeta2, kEps);
  s.ws = std::move(u.ws);
  s.mw = std::move(u.mw);
  s.vw = std::move(u.vw);
  std::vector<ivy::Array> all = s.ws;  // one evaluation per step on a lazy backend
  all.insert(all.end(), s.mw.begin(), s.mw.end());
  all.insert(all.end(), s.vw.begin(), s.vw.end());
  all.push_back(r.value);
  ivy::eval(all);
  return r.value;
}

/** The demo's Module, Container gradients and ivy::Adam. */
struct ModuleState {
  ivy::Array x, y;
  ivy_demo::Mlp model{kHidden};
  ivy::Adam adam{kLr, kBeta1, kBeta2, kEps};
  ModuleState(const HostProblem& p, const std::string& backend) {
    const ivy::Backend& b = ivy::backend(backend);
    x = ivy::array(p.data.x, {p.data.n, 2}, b);
    y = ivy::array(p.data.y, {p.data.n, 1}, b);
    model.build(ivy::Options(ivy::float32).on(b));
    ivy::Container v;
    for (std::size_t i = 0; i < p.ws.size(); ++i)
      v.set_at_key_chain(kWeightKeys[i], ivy::array(p.ws[i], p.shapes[i], b));
    model.set_v(v);
  }
};

inline ivy::Array module_step(ModuleState& s) {
  const auto loss_of = [&](const ivy::Container& v) {
    return ivy::mean_squared_error(s.model(s.x, v), s.y);
  };
  const ivy::ContainerGradResult r = ivy::execute_with_gradients(loss_of, s.model.v());
  s.model.set_v(s.adam.step(s.model.v(), r.grads));  // evaluates the variables and moments
  ivy::eval(r.value);
  return r.value;
}

}  // namespace ivy_bench
