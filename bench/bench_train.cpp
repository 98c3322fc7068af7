// One training step of a small MLP (2 -> 32 -> 32 -> 1, tanh; mean squared error; Adam) through
// ivy on the torch backend against the same step written directly in LibTorch. Every variant
// makes a forward pass, takes the gradients with LibTorch's autograd (ivy's torch backend uses
// it too, docs/gradients.md) and applies one Adam update with ivy's formula (docs/stateful.md:
// the moments start at g and g^2); the state carries over from one iteration to the next.
//
// Names "torch/train_step/<path>/<batch>", path one of
//   native      idiomatic LibTorch: at::linear, at::mse_loss, torch::autograd::grad, Adam with
//               in-place ATen ops under a NoGradGuard (as torch::optim::Adam updates);
//   native_ops  LibTorch calls one for one with the ATen ops ivy issues (matmul with the
//               transposed weight + bias, (p - y)^2 averaged, out-of-place Adam);
//   static      ivy's functions on at::Tensor (ivy/torch.hpp) with torch::autograd::grad;
//   functional  ivy::Array: ivy::execute_with_gradients over a vector + ivy::adam_update;
//   module      ivy::Module (apps/train_task.hpp's Mlp), Container gradients and ivy::Adam, as
//               apps/train_demo.cpp.
// bench/train_table.py runs it and writes the "training step" section of docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "ivy/torch.hpp"
#include "train_steps.hpp"

namespace {

using namespace ivy_bench;

at::Tensor tensor(const std::vector<float>& v, const ivy::Shape& shape) {
  return at::from_blob(const_cast<float*>(v.data()), shape, at::kFloat).clone();
}

/** The batch and the initial weights w0, b0, w1, b1, w2, b2 as tensors. */
struct Problem {
  at::Tensor x, y;
  std::vector<at::Tensor> ws;
  explicit Problem(const HostProblem& p)
      : x(tensor(p.data.x, {p.data.n, 2})), y(tensor(p.data.y, {p.data.n, 1})) {
    for (std::size_t i = 0; i < p.ws.size(); ++i) ws.push_back(tensor(p.ws[i], p.shapes[i]));
  }
};

/** Weights as leaves that require gradients, and Adam's moments. */
struct NativeState {
  std::vector<at::Tensor> ws, mw, vw;
  std::int64_t step = 0;
  explicit NativeState(const Problem& p) {
    for (const at::Tensor& w : p.ws) ws.push_back(w.clone().requires_grad_(true));
  }
};

std::vector<at::Tensor> grads_of(const at::Tensor& loss, const std::vector<at::Tensor>& ws) {
  return torch::autograd::grad({loss}, ws);
}

at::Tensor native_step(NativeState& s, const Problem& p) {
  const at::Tensor h0 = at::tanh(at::linear(p.x, s.ws[0], s.ws[1]));
  const at::Tensor h1 = at::tanh(at::linear(h0, s.ws[2], s.ws[3]));
  const at::Tensor loss = at::mse_loss(at::linear(h1, s.ws[4], s.ws[5]), p.y);
  const std::vector<at::Tensor> g = grads_of(loss, s.ws);
  const at::NoGradGuard no_grad;
  if (s.step++ == 0)
    for (const at::Tensor& gi : g) {
      s.mw.push_back(gi.clone());
      s.vw.push_back(gi * gi);
    }
  const double a = adam_alpha(s.step);
  for (std::size_t i = 0; i < g.size(); ++i) {
    s.mw[i].mul_(kBeta1).add_(g[i], 1.0 - kBeta1);
    s.vw[i].mul_(kBeta2).addcmul_(g[i], g[i], 1.0 - kBeta2);
    s.ws[i].addcdiv_(s.mw[i], s.vw[i].sqrt().add_(kEps), -a);
  }
  return loss;
}

at::Tensor native_ops_step(NativeState& s, const Problem& p) {
  const auto dense = [&](const at::Tensor& x, std::size_t i) {
    return at::add(at::matmul(x, s.ws[i].transpose(0, 1)), s.ws[i + 1]);
  };
  const at::Tensor out = dense(at::tanh(dense(at::tanh(dense(p.x, 0)), 2)), 4);
  const at::Tensor loss = at::mean(at::square(at::sub(out, p.y)));
  const std::vector<at::Tensor> g = grads_of(loss, s.ws);
  const at::NoGradGuard no_grad;
  if (s.step++ == 0)
    for (const at::Tensor& gi : g) {
      s.mw.push_back(gi);
      s.vw.push_back(at::pow(gi, 2));
    }
  const double a = adam_alpha(s.step);
  for (std::size_t i = 0; i < g.size(); ++i) {
    s.mw[i] = at::add(at::mul(s.mw[i], kBeta1), at::mul(g[i], 1.0 - kBeta1));
    s.vw[i] = at::add(at::mul(s.vw[i], kBeta2), at::mul(at::pow(g[i], 2), 1.0 - kBeta2));
    s.ws[i] = at::sub(s.ws[i], at::div(at::mul(s.mw[i], a), at::add(at::pow(s.vw[i], 0.5), kEps)))
                  .requires_grad_(true);
  }
  return loss;
}

at::Tensor static_step(NativeState& s, const Problem& p) {
  const auto dense = [&](const at::Tensor& x, std::size_t i) {
    return ivy::linear(x, s.ws[i], ivy::from_native(s.ws[i + 1]));
  };
  const at::Tensor out = dense(ivy::tanh(dense(ivy::tanh(dense(p.x, 0)), 2)), 4);
  const at::Tensor loss = ivy::mean(ivy::square(ivy::subtract(out, p.y)));
  const std::vector<at::Tensor> g = grads_of(loss, s.ws);
  const at::NoGradGuard no_grad;
  if (s.step++ == 0)
    for (const at::Tensor& gi : g) {
      s.mw.push_back(gi);
      s.vw.push_back(ivy::pow(gi, 2.0));
    }
  const double a = adam_alpha(s.step);
  for (std::size_t i = 0; i < g.size(); ++i) {
    s.mw[i] = ivy::add(ivy::multiply(s.mw[i], kBeta1), ivy::multiply(g[i], 1.0 - kBeta1));
    s.vw[i] =
        ivy::add(ivy::multiply(s.vw[i], kBeta2), ivy::multiply(ivy::pow(g[i], 2.0), 1.0 - kBeta2));
    at::Tensor w = ivy::subtract(
        s.ws[i], ivy::divide(ivy::multiply(s.mw[i], a), ivy::add(ivy::pow(s.vw[i], 0.5), kEps)));
    s.ws[i] = w.requires_grad_(true);
  }
  return loss;
}

std::string name(const char* path, std::int64_t batch) {
  return ivy_bench::name("torch", "train_step", path, batch);
}

void register_all() {
  for (const std::int64_t batch : kBatches) {
    // Each benchmark owns its state for the whole run (the registered lambdas refer to it).
    const HostProblem host = host_problem(batch);
    const Problem* p = new Problem(host);
    auto* native = new NativeState(*p);
    auto* native_ops = new NativeState(*p);
    auto* stat = new NativeState(*p);
    auto* functional = new FunctionalState(host, "torch");
    auto* module = new ModuleState(host, "torch");
    ivy_bench::add(name("native", batch), [=] { return native_step(*native, *p); });
    ivy_bench::add(name("native_ops", batch), [=] { return native_ops_step(*native_ops, *p); });
    ivy_bench::add(name("static", batch), [=] { return static_step(*stat, *p); });
    ivy_bench::add(name("functional", batch), [=] { return functional_step(*functional); });
    ivy_bench::add(name("module", batch), [=] { return module_step(*module); });
  }
}

/**
 * The five variants compute the same step: their losses over a few steps from the same start
 * agree to float32 roundoff (else the comparison would be of different work).
 */
bool same_losses() {
  const HostProblem host = host_problem(64);
  const Problem p(host);
  NativeState native(p), native_ops(p), stat(p);
  FunctionalState functional(host, "torch");
  ModuleState module(host, "torch");
  bool ok = true;
  for (int step = 0; step < 5; ++step) {
    const float ref = native_step(native, p).item<float>();
    const float others[] = {
        native_ops_step(native_ops, p).item<float>(), static_step(stat, p).item<float>(),
        functional_step(functional).item<float>(), module_step(module).item<float>()};
    for (const float o : others) ok = ok && std::abs(o - ref) <= 1e-5f * std::abs(ref);
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  at::set_num_threads(1);  // stable timings on a 2-core machine; ivy adds no threads
  if (!same_losses()) {
    std::fprintf(stderr, "bench_train: the variants' losses differ; not timing them\n");
    return 1;
  }
  register_all();
  return ivy_bench::run(argc, argv);
}
