// Gradients over a Container of variables, and a Module trained end to end with them, on the
// backend under test (through its native autodiff where it has one, else ivy's tape).
#include <gtest/gtest.h>

#include <string>

#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "support/array_test.hpp"
#include "support/support_record.hpp"

namespace {

using ivy::Array;
using ivy::Container;

class GradContainer : public ivy::testing::ArrayTest {};

using ivy::testing::expect_values;
using ivy::testing::f64;

TEST_F(GradContainer, GradientsKeepTheKeyChains) {
  // L = sum(a^2) + 3 sum(b/c) + n * 0: d/da = 2a, d/d(b/c) = 3; constants get zeros.
  const Container v{{"a", f64({1, -2}, {2})},
                    {"b", {{"c", f64({4, 5, 6}, {3})}}},
                    {"n", 7},
                    {"idx", ivy::array(std::vector<std::int64_t>{1, 2}, {2})}};
  const auto r = ivy::execute_with_gradients(
      [](const Container& c) {
        return ivy::add(ivy::sum(ivy::square(c.at_key_chain("a").array())),
                        ivy::multiply(ivy::sum(c.at_key_chain("b/c").array()), 3.0));
      },
      v);
  EXPECT_DOUBLE_EQ(r.value.item<double>(), 5.0 + 45.0);
  EXPECT_EQ(r.grads.key_chains(), v.key_chains());
  expect_values(r.grads.at_key_chain("a").array(), {2, -4});
  expect_values(r.grads.at_key_chain("b/c").array(), {3, 3, 3});
  expect_values(r.grads.at_key_chain("idx").array(), {0, 0});
  EXPECT_EQ(r.grads.at_key_chain("idx").array().dtype(), ivy::DType::int64);
  EXPECT_EQ(r.grads.at_key_chain("n").leaf().scalar().as_int(), 0);
}

TEST_F(GradContainer, ExtrasComeBack) {
  const Container v{{"w", f64({2}, {1})}};
  const auto r = ivy::value_and_grad(
      [](const Container& c) -> std::vector<Array> {
        const Array w = c["w"].array();
        return {ivy::sum(ivy::multiply(w, w)), ivy::multiply(w, 10.0)};
      },
      v);
  ASSERT_EQ(r.extras.size(), 1u);
  expect_values(r.extras[0], {20});
  expect_values(r.grads["w"].array(), {4});
}

// A Linear layer's gradient of a mean squared error against the closed form
// dL/dW = 2/(N*O) (XW^T + b - T)^T X, dL/db = 2/(N*O) sum_n (XW^T + b - T).
TEST_F(GradContainer, LinearLayerGradientIsTheClosedForm) {
  ivy::Linear layer(2, 1);
  const Array x = f64({1, 2, -1, 0.5, 3, -2}, {3, 2});
  const Array t = f64({1, 0, 2}, {3, 1});
  layer.build(ivy::Options(ivy::DType::float64));
  const Container v{{"w", f64({0.5, -0.25}, {1, 2})}, {"b", f64({0.1}, {1})}};
  const auto r = ivy::execute_with_gradients(
      [&](const Container& c) { return ivy::mean_squared_error(layer(x, c), t); }, v);
  const double xs[3][2] = {{1, 2}, {-1, 0.5}, {3, -2}}, ts[3] = {1, 0, 2};
  double gw[2] = {0, 0}, gb = 0, loss = 0;
  for (int n = 0; n < 3; ++n) {
    const double err = 0.5 * xs[n][0] - 0.25 * xs[n][1] + 0.1 - ts[n];
    loss += err * err / 3;
    gb += 2 * err / 3;
    for (int k = 0; k < 2; ++k) gw[k] += 2 * err * xs[n][k] / 3;
  }
  EXPECT_NEAR(r.value.item<double>(), loss, 1e-12);
  expect_values(r.grads["w"].array(), {gw[0], gw[1]});
  expect_values(r.grads["b"].array(), {gb});
}

// Adam on a linear regression whose exact weights are known: the loss falls by orders of
// magnitude and the weights approach y = 2 x0 - 3 x1 + 0.5.
TEST_F(GradContainer, ModuleTrainsWithAdam) {
  ivy::seed(3);
  ivy::Linear layer(2, 1);
  const Array x =
      ivy::random_uniform(-1.0, 1.0, ivy::Shape{64, 2}, ivy::Options(ivy::DType::float32));
  const Array w_true = ivy::array(std::vector<float>{2.0f, -3.0f}, {2, 1});
  const Array y = ivy::add(ivy::matmul(x, w_true), 0.5);
  layer.build(ivy::Options(ivy::DType::float32));
  ivy::Adam adam(0.1);
  const auto loss_of = [&](const Container& c) { return ivy::mean_squared_error(layer(x, c), y); };
  const double first = loss_of(layer.v()).item<double>();
  for (int step = 0; step < 600; ++step) {
    const auto r = ivy::execute_with_gradients(loss_of, layer.v());
    layer.set_v(adam.step(layer.v(), r.grads));
  }
  const double last = loss_of(layer.v()).item<double>();
  EXPECT_LT(last, first * 1e-3) << "first " << first << ", last " << last;
  expect_values(layer.v()["w"].array(), {2, -3}, 0.05);
  expect_values(layer.v()["b"].array(), {0.5}, 0.05);
}

}  // namespace
