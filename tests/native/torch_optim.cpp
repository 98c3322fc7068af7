// The paper's Appendix A.2: an ivy::Module whose variables are torch tensors, trained by
// LibTorch's own torch::optim::Adam. The forward runs through ivy (ATen calls that autograd
// records), loss.backward() fills .grad(), optimizer.step() updates the tensors in place and the
// module computes with the new values.
#include <gtest/gtest.h>
#include <torch/optim/adam.h>

#include <cmath>
#include <memory>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "ivy/torch_parameters.hpp"

namespace {

using ivy::Array;

const ivy::Backend& torch_backend() { return ivy::backend("torch"); }

// The regression model: 2 -> 16 -> 1 with tanh.
struct Mlp : ivy::Module {
  std::shared_ptr<ivy::Linear> l0 = register_module("l0", std::make_shared<ivy::Linear>(2, 16));
  std::shared_ptr<ivy::Linear> l1 = register_module("l1", std::make_shared<ivy::Linear>(16, 1));
  Array forward(const Array& x, const ivy::Container& v) override {
    return (*l1)(ivy::tanh((*l0)(x, v["l0"])), v["l1"]);
  }
};

TEST(TorchOptim, IvyModuleTrainsWithTorchAdam) {
  ivy::seed(3);
  Mlp model;
  model.build(ivy::Options(ivy::DType::float32).on(torch_backend()));
  std::vector<at::Tensor> params = ivy::torch::parameters(model);
  ASSERT_EQ(params.size(), 4u);  // l0/b, l0/w, l1/b, l1/w
  // The module holds the very tensors the optimizer updates.
  const auto chains = model.v().key_chains();
  for (std::size_t i = 0; i < params.size(); ++i)
    EXPECT_TRUE(
        ivy::torch::tensor_of(model.v().at_key_chain(chains[i]).array()).is_same(params[i]));

  // y = sin(2 x0) + 0.5 x1 on a grid of 64 points in [-1, 1]^2.
  const at::Tensor g = at::linspace(-1.0, 1.0, 8, at::kFloat);
  const at::Tensor x = at::stack({g.repeat_interleave(8), g.repeat({8})}, 1);
  const at::Tensor y = (at::sin(2 * x.select(1, 0)) + 0.5 * x.select(1, 1)).unsqueeze(1);
  const Array xa = ivy::from_native(x), ya = ivy::from_native(y);

  torch::optim::Adam optimizer(params, torch::optim::AdamOptions(2e-2));
  double first = 0, last = 0;
  for (int step = 0; step < 300; ++step) {
    optimizer.zero_grad();
    at::Tensor loss = ivy::torch::tensor_of(ivy::mean_squared_error(model(xa), ya));
    ASSERT_TRUE(loss.requires_grad());
    loss.backward();
    for (const at::Tensor& p : params) ASSERT_TRUE(p.grad().defined());
    optimizer.step();
    (step == 0 ? first : last) = loss.item<double>();
  }
  EXPECT_GT(first, 0.1);
  EXPECT_LT(last, 2e-3) << "first loss " << first;
}

// L = mean((x w^T + b - y)^2) over N rows: dL/dw = 2/N sum r_i x_i, dL/db = 2/N sum r_i.
struct Linear1 {
  std::vector<double> w;  // [3]
  double b;
};
Linear1 gradient(const Linear1& p, const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = y.size();
  Linear1 g{{0, 0, 0}, 0};
  for (std::size_t i = 0; i < n; ++i) {
    double r = p.b - y[i];
    for (int k = 0; k < 3; ++k) r += x[i * 3 + k] * p.w[k];
    for (int k = 0; k < 3; ++k) g.w[k] += 2.0 / n * r * x[i * 3 + k];
    g.b += 2.0 / n * r;
  }
  return g;
}

// torch.optim.Adam (no weight decay, no amsgrad) at step t on one value.
struct AdamMoments {
  double m = 0, v = 0;
};
double adam(double w, double g, AdamMoments& s, int t, double lr, double b1 = 0.9,
            double b2 = 0.999, double eps = 1e-8) {
  s.m = b1 * s.m + (1 - b1) * g;
  s.v = b2 * s.v + (1 - b2) * g * g;
  const double bc1 = 1 - std::pow(b1, t), bc2 = 1 - std::pow(b2, t);
  return w - lr / bc1 * s.m / (std::sqrt(s.v) / std::sqrt(bc2) + eps);
}

TEST(TorchOptim, StepsEqualClosedFormAdam) {
  const std::vector<double> xs{0.5, -1.0, 2.0, 1.5, 0.25, -0.75, -2.0, 1.0, 0.5, 0.0, 3.0, -1.5};
  const std::vector<double> ys{1.0, -2.0, 0.5, 2.5};
  Linear1 p{{0.3, -0.2, 0.1}, 0.05};

  const ivy::Options f64 = ivy::Options(ivy::DType::float64).on(torch_backend());
  ivy::Linear layer(3, 1);
  layer.build(f64);
  layer.set_v(ivy::Container{{"w", ivy::array<double>(p.w, {1, 3}, f64)},
                             {"b", ivy::array<double>({p.b}, {1}, f64)}});
  std::vector<at::Tensor> params = ivy::torch::parameters(layer);  // in key-chain order
  ASSERT_EQ(params.size(), 2u);
  const bool w_first = layer.v().key_chains()[0] == "w";
  const at::Tensor pw = params[w_first ? 0 : 1], pb = params[w_first ? 1 : 0];
  const Array x = ivy::array<double>(xs, {4, 3}, f64), y = ivy::array<double>(ys, {4, 1}, f64);

  const double lr = 0.1;
  torch::optim::Adam optimizer(params, torch::optim::AdamOptions(lr));
  std::vector<AdamMoments> sw(3);
  AdamMoments sb;
  for (int t = 1; t <= 3; ++t) {
    optimizer.zero_grad();
    ivy::torch::tensor_of(ivy::mean_squared_error(layer(x), y)).backward();
    const Linear1 g = gradient(p, xs, ys);
    EXPECT_NEAR(pb.grad().item<double>(), g.b, 1e-12) << "step " << t;
    for (int k = 0; k < 3; ++k)
      EXPECT_NEAR(pw.grad()[0][k].item<double>(), g.w[k], 1e-12) << "step " << t;
    optimizer.step();
    for (int k = 0; k < 3; ++k) p.w[k] = adam(p.w[k], g.w[k], sw[k], t, lr);
    p.b = adam(p.b, g.b, sb, t, lr);
    // The module sees the updated tensors.
    const auto w = layer.v()["w"].array().to_vector<double>();
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(w[k], p.w[k], 1e-12) << "step " << t;
    EXPECT_NEAR(layer.v()["b"].array().item<double>(), p.b, 1e-12) << "step " << t;
  }
  // The forward computes with the updated variables.
  const auto out = layer(x).to_vector<double>();
  for (int i = 0; i < 4; ++i) {
    double want = p.b;
    for (int k = 0; k < 3; ++k) want += xs[i * 3 + k] * p.w[k];
    EXPECT_NEAR(out[i], want, 1e-12);
  }
}

TEST(TorchOptim, ParametersNeedATorchModule) {
  ivy::Linear layer(2, 1);
  EXPECT_THROW(ivy::torch::parameters(layer), ivy::ValueError);  // not built
  if (ivy::available_backends().size() < 3) return;
  for (const std::string& name : ivy::available_backends()) {
    if (name == "torch" || name == "stub") continue;
    layer.build(ivy::Options(ivy::DType::float32).on(ivy::backend(name)));
    EXPECT_THROW(ivy::torch::parameters(layer), ivy::BackendError);
    break;
  }
}

}  // namespace
