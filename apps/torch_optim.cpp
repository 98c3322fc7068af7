// The paper's Appendix A.2 in C++: an ivy::Module trained by LibTorch's own optimizer.
// The model is written once with ivy (it runs on any backend); built on "torch", its variables
// are leaf tensors that require gradients, so LibTorch's autograd sees the forward (every ivy
// kernel is an ATen call) and torch::optim::Adam updates the tensors the module holds.
#include <torch/optim/adam.h>

#include <cstdio>
#include <memory>

#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "ivy/torch_parameters.hpp"

namespace {

// The paper's IvyFcModel, as a regression network.
struct FcModel : ivy::Module {
  std::shared_ptr<ivy::Linear> linear0 =
      register_module("linear0", std::make_shared<ivy::Linear>(3, 64));
  std::shared_ptr<ivy::Linear> linear1 =
      register_module("linear1", std::make_shared<ivy::Linear>(64, 1));
  ivy::Array forward(const ivy::Array& x, const ivy::Container& v) override {
    return (*linear1)(ivy::relu((*linear0)(x, v["linear0"])), v["linear1"]);
  }
};

}  // namespace

int main() {
  const ivy::use on_torch{"torch"};
  ivy::seed(0);
  const ivy::Array x = ivy::random_uniform(-1.0, 1.0, ivy::Shape{256, 3});
  const ivy::Array y = ivy::sum(ivy::sin(ivy::multiply(x, 2.0)), ivy::Axes{-1}, true);

  FcModel model;
  model.build();
  std::vector<at::Tensor> params = ivy::torch::parameters(model);  // shared with model.v()
  torch::optim::Adam optimizer(params, torch::optim::AdamOptions(1e-2));

  for (int step = 0; step <= 200; ++step) {
    optimizer.zero_grad();
    at::Tensor loss = ivy::torch::tensor_of(ivy::mean_squared_error(model(x), y));
    loss.backward();
    optimizer.step();
    if (step % 25 == 0) std::printf("step %3d  loss %.6f\n", step, loss.item<double>());
  }
  const double final_loss = ivy::mean_squared_error(model(x), y).item<double>();
  std::printf("final loss %.6f (the module computes with the optimizer's tensors)\n", final_loss);
  return final_loss < 0.05 ? 0 : 1;
}
