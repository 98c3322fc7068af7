// Gradients through LibTorch's autograd: the arguments become fresh leaf tensors that require
// gradients, f runs on them (every kernel is an ATen call that autograd records), and
// torch::autograd::grad differentiates the loss with respect to those leaves only, so tensors
// f captures from outside get no .grad side effects.
#include <torch/csrc/autograd/autograd.h>

#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

bool is_loss(const std::vector<Array>& outs) {
  if (outs.empty() || !outs[0].defined() || outs[0].backend_ptr() != &backend()) return false;
  const at::Tensor& y = tensor(outs[0]);
  return y.numel() == 1 && y.is_floating_point();
}

std::vector<Array> value_and_grad(const DifferentiableFunction& f, const std::vector<Array>& xs,
                                  std::vector<Array>& grads) {
  const c10::AutoGradMode enable(true);
  std::vector<at::Tensor> leaves;
  std::vector<Array> args;
  for (const Array& x : xs) {
    leaves.push_back(tensor(x).detach().requires_grad_(true));
    args.push_back(wrap(leaves.back()));
  }
  std::vector<Array> outs = f(args);
  if (is_loss(outs)) {
    const at::Tensor& loss = tensor(outs[0]);
    grads.assign(xs.size(), Array());
    if (loss.requires_grad()) {
      const auto g = guarded("execute_with_gradients", [&] {
        return torch::autograd::grad({loss.sum()}, leaves, {}, /*retain_graph=*/false,
                                     /*create_graph=*/false, /*allow_unused=*/true);
      });
      for (std::size_t i = 0; i < g.size(); ++i)
        if (g[i].defined()) grads[i] = wrap(g[i]);
    }
  }
  for (Array& o : outs)
    if (o.defined() && o.backend_ptr() == &backend()) o = wrap(tensor(o).detach());
  return outs;
}

Array stop_gradient(const Array& x) { return wrap(tensor(x).detach()); }
bool tracked(const Array& x) { return tensor(x).requires_grad(); }

}  // namespace

const AutodiffKernels& autodiff_kernels() {
  static const AutodiffKernels k{value_and_grad, stop_gradient, tracked};
  return k;
}

}  // namespace ivy::backends::torch_impl
