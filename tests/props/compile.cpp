// ivy::compile_fn on the backend under test: the compiled function (TorchScript trace on torch,
// mlx::core::compile on MLX, the function itself elsewhere) gives the uncompiled values, on new
// inputs too; new shapes retrace; gradients flow through it; bad calls name ivy::compile_fn.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "ivy/compile.hpp"
#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

class CompileFn : public StatefulTest {
 public:
  Array uniform(const Shape& s, double lo = -1.0, double hi = 1.0) const {
    return random_uniform(lo, hi, s, f32());
  }
};

// An elementwise chain of unary and binary functions with broadcasting and scalars.
std::vector<Array> chain(const std::vector<Array>& a) {
  const Array t = tanh(add(multiply(a[0], a[1]), exp(negative(a[0]))));
  return {subtract(t, sqrt(abs(a[1]))), multiply(sigmoid(a[0]), 2.0)};
}

// A two-layer perceptron with its weights as arguments: x, w0, b0, w1, b1.
std::vector<Array> mlp(const std::vector<Array>& a) {
  return {sigmoid(linear(relu(linear(a[0], a[1], a[2])), a[3], a[4]))};
}

std::vector<Array> mlp_args(const CompileFn& t, std::int64_t batch) {
  return {t.uniform({batch, 3}), t.uniform({16, 3}), t.uniform({16}), t.uniform({1, 16}),
          t.uniform({1})};
}

void expect_same(const std::vector<Array>& got, const std::vector<Array>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].dtype(), want[i].dtype()) << "output " << i;
    // Fused kernels may round differently in the last bits.
    EXPECT_TRUE(close(got[i], want[i], 1e-5, 1e-6)) << "output " << i;
  }
}

TEST_F(CompileFn, EngineOfTheBackend) {
  const auto f = compile_fn([](const Array& x) { return square(x); }, uniform({2}));
  const std::string name = backend_under_test();
  const std::string want = name == "torch"        ? "TorchScript tracing"
                           : name == "mlx"        ? "mlx::core::compile"
                           : name == "tensorflow" ? "TensorFlow graph function"
                           : name == "mxnet"      ? "MXNet cached op"
                           : name == "xla"        ? "XLA executable"
                                                  : "none";
  EXPECT_EQ(f.engine(), want);
  EXPECT_EQ(f.compiled(), want != "none");
  EXPECT_EQ(f.traces(), f.compiled() ? 1u : 0u);
  EXPECT_EQ(f.arity(), 1u);
}

TEST_F(CompileFn, ElementwiseChainEqualsUncompiled) {
  const std::vector<Array> args{uniform({4, 5}), uniform({5})};
  const auto f = compile_fn(chain, args);
  expect_same(f(args), chain(args));
  // New values of the same signature: the compiled form is reused and gives the new results.
  for (int i = 0; i < 3; ++i) {
    const std::vector<Array> other{uniform({4, 5}, -3, 3), uniform({5}, -3, 3)};
    expect_same(f(other), chain(other));
  }
  EXPECT_EQ(f.traces(), f.compiled() ? 1u : 0u);
}

TEST_F(CompileFn, MlpForwardEqualsUncompiled) {
  const auto args = mlp_args(*this, 8);
  const auto f = compile_fn(mlp, args);
  expect_same(f(args), mlp(args));
  const auto other = mlp_args(*this, 8);  // new inputs and new weights
  expect_same(f(other), mlp(other));
}

TEST_F(CompileFn, ModuleForwardWithCapturedVariables) {
  Sequential model(std::vector<std::shared_ptr<Module>>{std::make_shared<Linear>(3, 8),
                                                        std::make_shared<Linear>(8, 2)});
  model.build(f32());
  const auto forward = [&model](const Array& x) { return tanh(model(x)); };
  const Array x = uniform({5, 3});
  const auto f = compile_fn(forward, x);
  EXPECT_TRUE(close(f(x), forward(x), 1e-5, 1e-6));
  const Array x2 = uniform({5, 3});
  EXPECT_TRUE(close(f(x2), forward(x2), 1e-5, 1e-6));
}

TEST_F(CompileFn, NewShapesAndDtypesRetrace) {
  const auto f = compile_fn(chain, {uniform({4, 5}), uniform({5})});
  const std::vector<Array> wider{uniform({2, 7}), uniform({2, 7})};
  expect_same(f(wider), chain(wider));
  const std::vector<Array> doubles{cast(uniform({3}), DType::float64),
                                   cast(uniform({3}), DType::float64)};
  expect_same(f(doubles), chain(doubles));
  EXPECT_EQ(f.traces(), f.compiled() ? 3u : 0u);
  expect_same(f(wider), chain(wider));  // cached
  EXPECT_EQ(f.traces(), f.compiled() ? 3u : 0u);
}

TEST_F(CompileFn, SingleArrayForm) {
  const auto g = [](const Array& x) { return multiply(cos(x), add(x, 1.0)); };
  const Array x = uniform({6});
  const auto f = compile_fn(g, x);
  EXPECT_TRUE(close(f(x), g(x), 1e-5, 1e-6));
  const auto two = compile_fn(chain, {x, x});
  const std::string msg = error_of<ValueError>([&] { (void)two(x); });
  EXPECT_NE(msg.find("ivy::compile_fn"), std::string::npos) << msg;
}

TEST_F(CompileFn, GradientsThroughACompiledFunction) {
  const auto args = mlp_args(*this, 4);
  const auto f = compile_fn(mlp, args);
  const auto loss = [](const CompiledFunction& g) {
    return [&g](const std::vector<Array>& v) { return mean(square(g(v)[0])); };
  };
  const auto want = execute_with_gradients(
      [](const std::vector<Array>& v) { return mean(square(mlp(v)[0])); }, args);
  const auto got = execute_with_gradients(loss(f), args);
  EXPECT_TRUE(close(got.value, want.value, 1e-5, 1e-6));
  ASSERT_EQ(got.grads.size(), want.grads.size());
  for (std::size_t i = 0; i < got.grads.size(); ++i)
    EXPECT_TRUE(close(got.grads[i], want.grads[i], 1e-4, 1e-6)) << "gradient " << i;
}

// A training step's gradient computation inside the compiled function (what one compiles in a
// training loop): loss and gradients of the MLP with respect to its weights.
TEST_F(CompileFn, GradientComputationInsideACompiledFunction) {
  const auto step = [](const std::vector<Array>& a) {
    const std::vector<Array> ws(a.begin() + 1, a.end());
    const auto r = execute_with_gradients(
        [&a](const std::vector<Array>& w) {
          std::vector<Array> args{a[0]};
          args.insert(args.end(), w.begin(), w.end());
          return mean(square(mlp(args)[0]));
        },
        ws);
    std::vector<Array> outs{r.value};
    outs.insert(outs.end(), r.grads.begin(), r.grads.end());
    return outs;
  };
  const auto f = compile_fn(step, mlp_args(*this, 6));
  for (int i = 0; i < 2; ++i) {
    const auto args = mlp_args(*this, 6);
    expect_same(f(args), step(args));
  }
}

TEST_F(CompileFn, BracedListIsTheVectorForm) {
  const auto both = [](const std::vector<Array>& a) {
    return std::vector<Array>{negative(a[0]), square(a[0])};
  };
  const Array x = uniform({3});
  const auto f = compile_fn(both, {x});
  const std::vector<Array> outs = f({x});  // the vector form, not the single-array one
  expect_same(outs, both({x}));
}

TEST_F(CompileFn, BadCallsNameCompileFn) {
  const auto f = compile_fn(chain, {uniform({2}), uniform({2})});
  const auto names = [](const std::string& msg) {
    EXPECT_NE(msg.find("ivy::compile_fn"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[" + backend_under_test() + "]"), std::string::npos) << msg;
  };
  names(error_of<ValueError>([&] { (void)f({uniform({2})}); }));
  names(error_of<ValueError>([&] { (void)f({uniform({2}), Array()}); }));
  const std::string empty =
      error_of<ValueError>([&] { (void)compile_fn(chain, std::vector<Array>{}); });
  EXPECT_NE(empty.find("ivy::compile_fn"), std::string::npos) << empty;
  for (const std::string& other : available_backends()) {
    if (other == backend_under_test() || other == "stub") continue;
    const Array y = zeros({2}, Options(DType::float32).on(backend(other)));
    names(error_of<BackendError>([&] { (void)f({uniform({2}), y}); }));
    if (f.compiled()) {  // an engine needs outputs of its own backend
      const std::string out = error_of<BackendError>(
          [&] { (void)compile_fn([&y](const Array&) { return y; }, uniform({2})); });
      EXPECT_NE(out.find("ivy::compile_fn"), std::string::npos) << out;
    }
    const std::string mixed = error_of<BackendError>([&] {
      (void)compile_fn(chain, {uniform({2}), y});
    });
    EXPECT_NE(mixed.find("ivy::compile_fn"), std::string::npos) << mixed;
    break;
  }
}

// An exception of f itself (a user's own type, or an ivy error) reaches the caller unchanged
// (compiling or not), not as an engine failure.
TEST_F(CompileFn, ErrorsOfTheFunctionReachTheCaller) {
  struct OwnError : std::runtime_error {
    using std::runtime_error::runtime_error;
  };
  const Array x = uniform({2});
  const auto compile_and_call = [&x](auto f) { (void)compile_fn(f, x)(x); };
  EXPECT_THROW(compile_and_call([](const Array&) -> Array { throw OwnError("f failed"); }),
               OwnError);
  EXPECT_THROW(compile_and_call([](const Array& a) { return reshape(a, {5}); }), ShapeError);
}

}  // namespace
}  // namespace ivy::testing
