// Gradients through MLX's own transform: mx::value_and_grad traces f on the arguments and
// differentiates its first output. ivy's loss may be any one-element shape; MLX wants a 0-d
// one, so the traced function returns it reshaped and f's other outputs after it.
#include <mlx/transforms.h>

#include <numeric>

#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

bool is_loss(const std::vector<Array>& outs) {
  if (outs.empty() || !outs[0].defined() || outs[0].backend_ptr() != &backend()) return false;
  const mx::array& y = native(outs[0]);
  return y.size() == 1 && mx::issubdtype(y.dtype(), mx::floating);
}

// Thrown out of the traced function when f's first output is no loss: f's outputs are then
// returned as they are and core reports the problem.
struct NotALoss {};

std::vector<Array> value_and_grad(const DifferentiableFunction& f, const std::vector<Array>& xs,
                                  std::vector<Array>& grads) {
  std::vector<mx::array> primals;
  for (const Array& x : xs) primals.push_back(native(x));
  std::vector<Array> outs;
  const auto traced = [&](const std::vector<mx::array>& ps) {
    std::vector<Array> args;
    for (const mx::array& p : ps) args.push_back(wrap(p));
    outs = f(args);
    if (!is_loss(outs)) throw NotALoss{};
    std::vector<mx::array> results{mx::reshape(native(outs[0]), {})};
    for (std::size_t i = 1; i < outs.size(); ++i)
      if (outs[i].defined() && outs[i].backend_ptr() == &backend())
        results.push_back(native(outs[i]));
    return results;
  };
  std::vector<int> argnums(xs.size());
  std::iota(argnums.begin(), argnums.end(), 0);
  try {
    auto [values, gs] = guarded("execute_with_gradients",
                                [&] { return mx::value_and_grad(traced, argnums)(primals); });
    grads.clear();
    for (const mx::array& g : gs) grads.push_back(wrap(g));
    outs[0] = wrap(mx::reshape(values[0], native(outs[0]).shape()));
    for (std::size_t i = 1, v = 1; i < outs.size(); ++i)
      if (outs[i].defined() && outs[i].backend_ptr() == &backend()) outs[i] = wrap(values[v++]);
  } catch (const NotALoss&) {
  }
  return outs;
}

Array stop_gradient(const Array& x) { return wrap(mx::stop_gradient(native(x))); }
bool tracked(const Array& x) { return native(x).is_tracer(); }

}  // namespace

const AutodiffKernels& autodiff_kernels() {
  static const AutodiffKernels k{value_and_grad, stop_gradient, tracked};
  return k;
}

}  // namespace ivy::backends::mlx_impl
