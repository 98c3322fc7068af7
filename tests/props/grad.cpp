// The gradient API on the backend under test: closed-form gradients, stop_gradient, unused
// and repeated arguments, extra outputs, the optimisers and the errors.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>

#include "ivy/ivy.hpp"
#include "support/array_test.hpp"
#include "support/support_record.hpp"

namespace {

using ivy::Array;

class GradProps : public ivy::testing::ArrayTest {};

using ivy::testing::expect_values;
using ivy::testing::f64;

void expect_names(const ivy::Error& e, const std::string& fn) {
  const std::string msg = e.what();
  EXPECT_NE(msg.find("ivy::" + fn), std::string::npos) << msg;
  EXPECT_NE(msg.find("[" + ivy::testing::backend_under_test() + "]"), std::string::npos) << msg;
}

TEST_F(GradProps, SumOfSquares) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) { return ivy::sum(ivy::square(v[0])); },
      {f64({1, -2, 3}, {3})});
  EXPECT_DOUBLE_EQ(r.value.item<double>(), 14.0);
  ASSERT_EQ(r.grads.size(), 1u);
  EXPECT_EQ(r.grads[0].dtype(), ivy::DType::float64);
  expect_values(r.grads[0], {2, -4, 6});
}

TEST_F(GradProps, Matmul) {
  // L = sum(A @ B): dL/dA[i,k] = sum_j B[k,j], dL/dB[k,j] = sum_i A[i,k].
  const Array a = f64({1, 2, 3, 4, 5, 6}, {2, 3}), b = f64({1, 0, -1, 2, 0.5, 3}, {3, 2});
  const auto r = ivy::value_and_grad(
      [](const std::vector<Array>& v) { return ivy::sum(ivy::matmul(v[0], v[1])); }, {a, b});
  expect_values(r.grads[0], {1, 1, 3.5, 1, 1, 3.5});
  expect_values(r.grads[1], {5, 5, 7, 7, 9, 9});
}

TEST_F(GradProps, BroadcastingAddAndMean) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) { return ivy::mean(ivy::add(v[0], v[1])); },
      {f64({1, 2, 3, 4, 5, 6}, {2, 3}), f64({1, 2, 3}, {3})});
  expect_values(r.grads[0], std::vector<double>(6, 1.0 / 6));
  expect_values(r.grads[1], std::vector<double>(3, 2.0 / 6));
  EXPECT_EQ(r.grads[1].shape(), ivy::Shape({3}));
}

// Ties split the derivative evenly on every engine (LibTorch's autograd, MLX's, the tape):
// issue 12, item 14, where MLX gave maximum's and clip's whole derivative to the first operand
// and each tied update of a max scatter the whole cotangent of its row.
TEST_F(GradProps, TiesShareTheDerivativeEvenly) {
  const Array x = f64({0, 0.5, 1, 2, -1}, {5});
  const auto clipped = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) { return ivy::sum(ivy::clip(v[0], 0.0, 1.0)); }, {x});
  expect_values(clipped.grads[0], {0.5, 1, 0.5, 0, 0});
  const auto biggest = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) {
        return ivy::sum(ivy::maximum(v[0], f64({0, 1, 1, 1, 1}, {5})));
      },
      {x});
  expect_values(biggest.grads[0], {0.5, 0, 0.5, 1, 0});
  const auto smallest = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) {
        return ivy::sum(ivy::minimum(f64({0, 1, 1, 1, 1}, {5}), v[0]));
      },
      {x});
  expect_values(smallest.grads[0], {0.5, 1, 0.5, 0, 1});
  // Row 0 takes max(1, 3, 3) = 3 from two tied updates, row 1 takes 2; weights 1 and 10.
  const Array idx = ivy::array(std::vector<std::int64_t>{0, 0, 0, 1}, {4});
  for (const char* reduction : {"max", "min"}) {
    SCOPED_TRACE(reduction);
    const bool is_max = std::string(reduction) == "max";
    const Array u = is_max ? f64({1, 3, 3, 2}, {4}) : f64({5, 3, 3, 2}, {4});
    const auto scattered = ivy::execute_with_gradients(
        [&](const std::vector<Array>& v) {
          return ivy::sum(
              ivy::multiply(ivy::scatter_flat(idx, v[0], 2, reduction), f64({1, 10}, {2})));
        },
        {u});
    expect_values(scattered.grads[0], {0, 0.5, 0.5, 10});
  }
}

TEST_F(GradProps, Softmax) {
  const std::vector<double> x = {0.5, -1, 2}, w = {1, 2, 3};
  const auto r = ivy::execute_with_gradients(
      [&](const std::vector<Array>& v) {
        return ivy::sum(ivy::multiply(ivy::softmax(v[0]), f64(w, {3})));
      },
      {f64(x, {3})});
  double z = 0, sw = 0;
  std::vector<double> s(3);
  for (double xi : x) z += std::exp(xi);
  for (int i = 0; i < 3; ++i) sw += (s[i] = std::exp(x[i]) / z) * w[i];
  expect_values(r.grads[0], {s[0] * (w[0] - sw), s[1] * (w[1] - sw), s[2] * (w[2] - sw)});
}

TEST_F(GradProps, Float32KeepsItsDtype) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) { return ivy::sum(ivy::multiply(v[0], 3.0)); },
      {ivy::array({1.0f, 2.0f})});
  EXPECT_EQ(r.grads[0].dtype(), ivy::DType::float32);
  expect_values(r.grads[0], {3, 3});
}

TEST_F(GradProps, StopGradientBlocks) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) {
        return ivy::sum(ivy::multiply(v[0], ivy::stop_gradient(v[0])));
      },
      {f64({1, 2}, {2})});
  expect_values(r.grads[0], {1, 2});
}

TEST_F(GradProps, UnusedArgumentHasZeroGradient) {
  const auto r =
      ivy::execute_with_gradients([](const std::vector<Array>& v) { return ivy::sum(v[0]); },
                                  {f64({1, 2}, {2}), f64({1, 2, 3, 4}, {2, 2})});
  expect_values(r.grads[1], {0, 0, 0, 0});
  EXPECT_EQ(r.grads[1].shape(), ivy::Shape({2, 2}));
}

TEST_F(GradProps, RepeatedUseAccumulates) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) {
        const Array& x = v[0];
        return ivy::sum(ivy::add(ivy::multiply(x, x), x));
      },
      {f64({1, 2}, {2})});
  expect_values(r.grads[0], {3, 5});
}

TEST_F(GradProps, LossIsTheArgumentItself) {
  const auto r =
      ivy::execute_with_gradients([](const std::vector<Array>& v) { return v[0]; }, {f64({4}, {})});
  expect_values(r.grads[0], {1});
}

TEST_F(GradProps, ExtraOutputsAreReturned) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) -> std::vector<Array> {
        const Array y = ivy::multiply(v[0], 2.0);
        return {ivy::sum(y), y};
      },
      {f64({1, 2}, {2})});
  ASSERT_EQ(r.extras.size(), 1u);
  expect_values(r.extras[0], {2, 4});
  expect_values(r.grads[0], {2, 2});
  EXPECT_EQ(r.extras[0].grad_node(), nullptr);
  EXPECT_EQ(r.value.grad_node(), nullptr);
}

TEST_F(GradProps, Variables) {
  const Array x = f64({1}, {1});
  EXPECT_FALSE(ivy::is_variable(x));
  const Array v = ivy::variable(x);
  EXPECT_TRUE(ivy::is_variable(v));
  EXPECT_FALSE(ivy::is_variable(ivy::stop_gradient(v)));
  try {
    ivy::variable(ivy::array({1, 2}));
    ADD_FAILURE() << "variable of an int array";
  } catch (const ivy::DTypeError& e) {
    expect_names(e, "variable");
  }
}

TEST_F(GradProps, Errors) {
  try {
    ivy::execute_with_gradients([](const std::vector<Array>& v) { return v[0]; },
                                {f64({1, 2}, {2})});
    ADD_FAILURE() << "a loss of two elements";
  } catch (const ivy::ValueError& e) {
    expect_names(e, "execute_with_gradients");
  }
  try {
    ivy::execute_with_gradients([](const std::vector<Array>& v) { return ivy::sum(v[0]); },
                                {ivy::array({1, 2})});
    ADD_FAILURE() << "an int argument";
  } catch (const ivy::DTypeError& e) {
    expect_names(e, "execute_with_gradients");
  }
  try {
    ivy::execute_with_gradients(
        [](const std::vector<Array>& v) {
          return ivy::execute_with_gradients(
                     [](const std::vector<Array>& w) { return ivy::sum(w[0]); }, v)
              .value;
        },
        {f64({1}, {1})});
    ADD_FAILURE() << "a nested gradient";
  } catch (const ivy::UnsupportedError& e) {
    expect_names(e, "execute_with_gradients");
  }
  // The tape is closed again after an error: a later computation works.
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) { return ivy::sum(v[0]); }, {f64({1}, {1})});
  expect_values(r.grads[0], {1});
}

TEST_F(GradProps, GradientDescentUpdate) {
  const auto ws =
      ivy::gradient_descent_update({ivy::variable(f64({3, 1}, {2}))}, {f64({6, -2}, {2})}, 0.1);
  expect_values(ws[0], {2.4, 1.2}, 1e-12);
  EXPECT_TRUE(ivy::is_variable(ws[0]));
}

TEST_F(GradProps, AdamUpdateMatchesIvy) {
  // The test of ivy v1.1.2: w=3, g=6, lr=0.1, step=1, mw=g, vw=g^2.
  const Array g = f64({6}, {1});
  const auto r = ivy::adam_update({f64({3}, {1})}, {g}, 0.1, {g}, {ivy::square(g)}, 1);
  expect_values(r.ws[0], {2.96837726}, 1e-8);
  expect_values(r.mw[0], {6}, 1e-12);
  expect_values(r.vw[0], {36}, 1e-12);
}

TEST_F(GradProps, DeepChain) {
  // 20,000 recorded ops: the reverse pass and the freeing of the tape must not recurse.
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) {
        Array y = v[0];
        for (int i = 0; i < 20000; ++i) y = ivy::multiply(y, 1.0001);
        return ivy::sum(y);
      },
      {f64({1}, {1})});
  expect_values(r.grads[0], {std::pow(1.0001, 20000)}, 1e-9);
}

TEST_F(GradProps, VariableInsideKeepsTheGradient) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) { return ivy::sum(ivy::square(ivy::variable(v[0]))); },
      {f64({3}, {1})});
  expect_values(r.grads[0], {6});
}

// to_device and to_backend have no fixture cases: their gradients are checked here.
TEST_F(GradProps, ThroughToDevice) {
  const auto r = ivy::execute_with_gradients(
      [](const std::vector<Array>& v) {
        return ivy::sum(ivy::square(ivy::to_device(v[0], v[0].device())));
      },
      {f64({1, 2}, {2})});
  expect_values(r.grads[0], {2, 4});
  ivy::testing::record_support(
      "to_device", ivy::testing::kGradientKey,
      HasFailure() ? ivy::testing::Support::failed : ivy::testing::Support::ok);
}

TEST_F(GradProps, ThroughToBackend) {
  const std::string here = ivy::testing::backend_under_test();
  std::string other;
  for (const std::string& name : ivy::available_backends())
    if (name != here && name != "stub") other = name;
  if (other.empty()) GTEST_SKIP() << "no second backend in this build";
  const auto across = [&](const std::vector<Array>& v) {
    const Array there = ivy::square(ivy::to_backend(v[0], other));
    return ivy::to_backend(ivy::sum(ivy::multiply(there, 3.0)), here);
  };
  // Under torch's or MLX's own autodiff the array cannot cross engines: the computation is
  // then repeated on ivy's tape, which records to_backend (docs/gradients.md).
  const auto r = ivy::execute_with_gradients(across, {f64({1, -2}, {2})});
  EXPECT_EQ(r.grads[0].backend_name(), here);
  expect_values(r.grads[0], {6, -12});
  ivy::testing::record_support(
      "to_backend", ivy::testing::kGradientKey,
      HasFailure() ? ivy::testing::Support::failed : ivy::testing::Support::ok);
}

TEST_F(GradProps, TapesAreThreadLocal) {
  auto run = [](double scale, double* out) {
    for (int i = 0; i < 20; ++i) {
      const auto r = ivy::execute_with_gradients(
          [scale](const std::vector<Array>& v) {
            return ivy::sum(ivy::multiply(ivy::square(v[0]), scale));
          },
          {f64({1, 2}, {2})});
      *out = r.grads[0].to_vector<double>()[1];
    }
  };
  double a = 0, b = 0;
  std::thread t1([&] {
    const ivy::use scope{ivy::testing::backend_under_test()};
    run(1.0, &a);
  });
  std::thread t2([&] {
    const ivy::use scope{ivy::testing::backend_under_test()};
    run(3.0, &b);
  });
  t1.join();
  t2.join();
  EXPECT_DOUBLE_EQ(a, 4.0);
  EXPECT_DOUBLE_EQ(b, 12.0);
}

}  // namespace
