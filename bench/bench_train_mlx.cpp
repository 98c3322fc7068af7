// The training step of bench_train.cpp on MLX: the same MLP, batch and Adam, through ivy on the
// mlx backend against the step written directly with MLX (mx::value_and_grad and a hand-written
// Adam in mx ops). Every variant evaluates once per step (MLX is lazy: docs/mlx.md); MLX
// computes on a stream thread of its own, so the times are the CPU time of the whole process.
//
// Names "mlx/train_step/<path>/<batch>", path one of
//   native      MLX: mx::addmm for the layers, mean of the squared difference, value_and_grad,
//               Adam in mx ops, one mx::eval;
//   native_ops  MLX called one for one with the ops ivy issues (matmul with the transposed
//               weight, then add the bias);
//   functional  ivy::Array: ivy::execute_with_gradients over a vector + ivy::adam_update;
//   module      ivy::Module, Container gradients and ivy::Adam, as apps/train_demo.cpp.
// bench/train_table.py runs it with bench_train.cpp.
#include <mlx/mlx.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "ivy/mlx.hpp"
#include "train_steps.hpp"

namespace {

namespace mx = mlx::core;
using namespace ivy_bench;

mx::array make(const std::vector<float>& v, const ivy::Shape& s) {
  mx::Shape shape;
  for (const std::int64_t d : s) shape.push_back(static_cast<mx::ShapeElem>(d));
  return mx::array(v.begin(), shape, mx::float32);
}

struct NativeState {
  mx::array x, y;
  std::vector<mx::array> ws, mw, vw;
  std::int64_t step = 0;
  explicit NativeState(const HostProblem& p)
      : x(make(p.data.x, {p.data.n, 2})), y(make(p.data.y, {p.data.n, 1})) {
    for (std::size_t i = 0; i < p.ws.size(); ++i) ws.push_back(make(p.ws[i], p.shapes[i]));
    mx::eval(ws);
    mx::eval(x, y);
  }
};

using Dense = std::function<mx::array(const mx::array&, const mx::array&, const mx::array&)>;

mx::array step(NativeState& s, const Dense& dense) {
  const auto loss_of = [&](const std::vector<mx::array>& w) {
    const mx::array h0 = mx::tanh(dense(s.x, w[0], w[1]));
    const mx::array h1 = mx::tanh(dense(h0, w[2], w[3]));
    return mx::mean(mx::square(mx::subtract(dense(h1, w[4], w[5]), s.y)));
  };
  std::vector<int> argnums = {0, 1, 2, 3, 4, 5};
  auto [loss, g] = mx::value_and_grad(
      std::function<mx::array(const std::vector<mx::array>&)>(loss_of), argnums)(s.ws);
  if (s.step++ == 0)
    for (const mx::array& gi : g) {
      s.mw.push_back(gi);
      s.vw.push_back(mx::square(gi));
    }
  const float a = static_cast<float>(adam_alpha(s.step));
  const float b1 = kBeta1, b2 = kBeta2, eps = kEps;
  for (std::size_t i = 0; i < g.size(); ++i) {
    s.mw[i] = mx::add(mx::multiply(s.mw[i], mx::array(b1)), mx::multiply(g[i], mx::array(1 - b1)));
    s.vw[i] = mx::add(mx::multiply(s.vw[i], mx::array(b2)),
                      mx::multiply(mx::square(g[i]), mx::array(1 - b2)));
    s.ws[i] = mx::subtract(s.ws[i], mx::divide(mx::multiply(s.mw[i], mx::array(a)),
                                               mx::add(mx::sqrt(s.vw[i]), mx::array(eps))));
  }
  std::vector<mx::array> all = s.ws;
  all.insert(all.end(), s.mw.begin(), s.mw.end());
  all.insert(all.end(), s.vw.begin(), s.vw.end());
  all.push_back(loss);
  mx::eval(all);
  return loss;
}

mx::array native_step(NativeState& s) {
  return step(s, [](const mx::array& x, const mx::array& w, const mx::array& b) {
    return mx::addmm(b, x, mx::transpose(w));
  });
}

mx::array native_ops_step(NativeState& s) {
  return step(s, [](const mx::array& x, const mx::array& w, const mx::array& b) {
    return mx::add(mx::matmul(x, mx::swapaxes(w, 0, 1)), b);
  });
}

/** The four variants compute the same step (losses over a few steps agree to roundoff). */
bool same_losses() {
  const HostProblem host = host_problem(64);
  NativeState native(host), native_ops(host);
  FunctionalState functional(host, "mlx");
  ModuleState module(host, "mlx");
  bool ok = true;
  for (int k = 0; k < 5; ++k) {
    const float ref = native_step(native).item<float>();
    const float others[] = {native_ops_step(native_ops).item<float>(),
                            functional_step(functional).item<float>(),
                            module_step(module).item<float>()};
    for (const float o : others) ok = ok && std::abs(o - ref) <= 1e-5f * std::abs(ref);
  }
  return ok;
}

template <class F>
void add_timed(const char* path, std::int64_t batch, F f) {
  add(name("mlx", "train_step", path, batch), f)->MeasureProcessCPUTime();
}

void register_all() {
  for (const std::int64_t batch : kBatches) {
    // Each benchmark owns its state for the whole run (the registered lambdas refer to it).
    const HostProblem host = host_problem(batch);
    auto* native = new NativeState(host);
    auto* native_ops = new NativeState(host);
    auto* functional = new FunctionalState(host, "mlx");
    auto* module = new ModuleState(host, "mlx");
    add_timed("native", batch, [=] { return native_step(*native); });
    add_timed("native_ops", batch, [=] { return native_ops_step(*native_ops); });
    add_timed("functional", batch, [=] { return functional_step(*functional); });
    add_timed("module", batch, [=] { return module_step(*module); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!same_losses()) {
    std::fprintf(stderr, "bench_train_mlx: the variants' losses differ; not timing them\n");
    return 1;
  }
  register_all();
  return ivy_bench::run(argc, argv);
}
