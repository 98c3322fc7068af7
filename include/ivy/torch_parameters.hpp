#pragma once
/// Training an ivy::Module with LibTorch's own optimizers (the paper's Appendix A.2): the
/// module's variables become leaf tensors that require gradients, shared between the module's
/// Container and the optimizer, so torch::optim updates what the module computes with.
///
///   auto params = ivy::torch::parameters(model);          // model built on "torch"
///   torch::optim::Adam opt(params, torch::optim::AdamOptions(1e-2));
///   opt.zero_grad();
///   at::Tensor loss = ivy::torch::tensor_of(ivy::mean_squared_error(model(x), y));
///   loss.backward();  opt.step();                          // model(x) now uses the new values
///
/// Needs LibTorch's headers and libraries in the program (as ivy/torch.hpp).
#include <utility>
#include <vector>

#include "ivy/stateful/module.hpp"
#include "ivy/torch.hpp"

namespace ivy::torch {

/** The at::Tensor of a torch Array (shared, no copy); BackendError for another backend. */
inline at::Tensor tensor_of(const Array& a) { return native_traits<at::Tensor>::from_array(a); }

/**
 * The floating variables of a built module as leaf tensors that require gradients, in the
 * order of m.v().key_chains(). Variables that are not such leaves yet are replaced (through
 * set_v) by a detached tensor sharing their memory with requires_grad set; the returned tensors
 * are the ones m.v() holds, so in-place updates (optimizer.step()) are what m computes with
 * next. The module must be built on the torch backend (BackendError otherwise).
 */
inline std::vector<at::Tensor> parameters(Module& m) {
  std::vector<at::Tensor> params;
  Container v = m.v().map([&params](const Array& a) {
    at::Tensor t = tensor_of(a);
    if (!t.is_floating_point()) return a;
    if (!t.requires_grad() || !t.is_leaf()) t = t.detach().requires_grad_(true);
    params.push_back(t);
    return from_native(t);
  });
  m.set_v(std::move(v));
  return params;
}

}  // namespace ivy::torch
