// The paper's framework-specific and type-inferred modes on ivy::mxnet::NDArray (MXNet's
// NDArrayHandle), checked against closed forms; MXNet beside the other backends.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ivy/mxnet.hpp"
#include "support/data_pointer.hpp"

namespace {

using NDArray = ivy::mxnet::NDArray;

// [[-1, -0.5, 0, 0.5], [1, 1.5, 2, 2.5], [3, 3.5, 4, 4.5]] as an MXNet array.
NDArray sample() {
  const ivy::Array a = ivy::reshape(
      ivy::arange(-1.0, 5.0, 0.5, ivy::Options(ivy::float32).on(ivy::backend("mxnet"))), {3, 4});
  return ivy::native_traits<NDArray>::from_array(a);
}

std::vector<float> values(const NDArray& t) { return ivy::from_native(t).to_vector<float>(); }

TEST(MxnetNative, FrameworkSpecificClipMatchesClosedForm) {
  const NDArray t = sample();
  const std::vector<float> in = values(t), out = values(ivy::mxnet::clip(t, 0.2, 0.8));
  ASSERT_EQ(out.size(), in.size());
  for (std::size_t i = 0; i < in.size(); ++i)
    EXPECT_FLOAT_EQ(out[i], std::fmin(std::fmax(in[i], 0.2f), 0.8f)) << i;
}

TEST(MxnetNative, TypeInferredCallsAndStaticTags) {
  const NDArray t = sample();
  NDArray s = ivy::sum(ivy::sin(t), 1);  // the backend comes from the argument type
  const std::vector<float> in = values(t), got = values(s);
  ASSERT_EQ(got.size(), 3u);
  for (int r = 0; r < 3; ++r) {
    double want = 0;
    for (int c = 0; c < 4; ++c) want += std::sin(in[static_cast<std::size_t>(4 * r + c)]);
    EXPECT_NEAR(got[static_cast<std::size_t>(r)], want, 1e-5) << r;
  }
  NDArray z = ivy::zeros<ivy::MXNet>({2, 3});
  EXPECT_EQ(values(z), std::vector<float>(6, 0.0f));
  EXPECT_EQ(ivy::from_native(ivy::mxnet::arange(0, 5)).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
}

TEST(MxnetNative, FromNativeSharesTheHandleAndWrongTypesAreErrors) {
  const NDArray t = sample();
  const ivy::Array a = ivy::from_native(t);
  EXPECT_EQ(a.backend_name(), "mxnet");
  EXPECT_EQ(ivy::native_traits<NDArray>::from_array(a).handle(), t.handle());
  EXPECT_THROW((void)ivy::from_native(NDArray()), ivy::ValueError);
  EXPECT_THROW(
      (void)ivy::native_traits<NDArray>::from_array(ivy::ones({2}, ivy::backend("xtensor"))),
      ivy::BackendError);
  EXPECT_THROW((void)ivy::ones({2}, ivy::Options(ivy::int16).on(ivy::backend("mxnet"))),
               ivy::UnsupportedError);
}

// Gradients come from MXNet's autograd: f runs once. Where ivy's derivative differs from MXNet's
// own (ties of maximum and of max, broadcast matmul) the backend records its own derivative.
TEST(MxnetAutograd, NativeDerivativesFollowIvysRules) {
  const ivy::Backend& b = ivy::backend("mxnet");
  EXPECT_EQ(ivy::gradient_engine(b), "native");
  int calls = 0;
  const ivy::Array x = ivy::array({0.0, 1.0, 2.0, 2.0}, b);
  const ivy::Array m = ivy::ones({2, 3, 1, 4, 2}, ivy::Options(ivy::float64).on(b));
  const auto r = ivy::execute_with_gradients(
      [&](const std::vector<ivy::Array>& v) {
        ++calls;
        // d/dx: maximum(x, 1) is 1/2 at the tie x = 1; max(x) shares 1 between the two 2s;
        // each of the 6 batch copies of the broadcast 1x4 @ 4x2 product adds 2 per element.
        const ivy::Array tied = ivy::sum(ivy::maximum(v[0], ivy::full({4}, 1.0, b)));
        const ivy::Array product = ivy::sum(ivy::matmul(ivy::reshape(v[0], {1, 4}), m));
        return std::vector<ivy::Array>{ivy::add(ivy::add(tied, ivy::max(v[0])), product)};
      },
      {x});
  EXPECT_EQ(calls, 1) << "MXNet's autograd differentiated f without ivy's tape";
  const std::vector<double> g = r.grads[0].to_vector<double>();
  const std::vector<double> want{0 + 0 + 12, 0.5 + 0 + 12, 1 + 0.5 + 12, 1 + 0.5 + 12};
  ASSERT_EQ(g.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_DOUBLE_EQ(g[i], want[i]) << i;
  EXPECT_DOUBLE_EQ(r.value.to_vector<double>()[0], (1 + 1 + 2 + 2) + 2 + 6 * 2 * 5.0);
}

// Kernels that run on the host (cumprod: MXNet 1.9.1 has none) cannot be followed by MXNet's
// autograd: the computation is repeated on ivy's tape, and the gradient is still exact.
TEST(MxnetAutograd, HostKernelsAreDifferentiatedOnTheTape) {
  const ivy::Backend& b = ivy::backend("mxnet");
  int calls = 0;
  const auto r = ivy::execute_with_gradients(
      [&](const std::vector<ivy::Array>& v) {
        ++calls;
        return std::vector<ivy::Array>{ivy::sum(ivy::cumprod(v[0], 0))};
      },
      {ivy::array({2.0, 3.0}, b)});
  EXPECT_EQ(calls, 2) << "tried natively, then on the tape";
  // sum(x0, x0 x1): d/dx0 = 1 + x1, d/dx1 = x0.
  EXPECT_EQ(r.grads[0].to_vector<double>(), (std::vector<double>{4.0, 2.0}));
}

ivy::Array mx_f32(std::vector<float> v, ivy::Shape s) {
  return ivy::array(v, s, ivy::Options(ivy::float32).on(ivy::backend("mxnet")));
}

void expect_near(const ivy::Array& got, const ivy::Array& want, const std::string& what) {
  EXPECT_EQ(got.shape(), want.shape()) << what;
  const std::vector<float> g = got.to_vector<float>(), e = want.to_vector<float>();
  ASSERT_EQ(g.size(), e.size()) << what;
  for (std::size_t i = 0; i < e.size(); ++i) EXPECT_NEAR(g[i], e[i], 1e-6) << what << " " << i;
}

// compile_fn makes an MXNet cached op: kernels on the arguments become graph nodes, arrays the
// function captures become inputs bound to their values, and new argument values give new
// results; each call's outputs are its own.
TEST(MxnetCompile, CachedOpMatchesEagerOnNewValues) {
  const ivy::Array w = mx_f32({1, -2, 0.5f, 3}, {2, 2});  // captured
  auto f = [&](const std::vector<ivy::Array>& a) {
    const ivy::Array h = ivy::tanh(ivy::add(ivy::matmul(a[0], w), 1.0));
    return std::vector<ivy::Array>{ivy::sum(ivy::square(h), 1), ivy::transpose(h, {1, 0}),
                                   ivy::concat({a[0], a[1]}, 0)};
  };
  const ivy::Array x0 = mx_f32({0.1f, 0.2f, 0.3f, -0.4f, 1, 2}, {3, 2});
  testing::internal::CaptureStderr();  // a function that ran uncompiled would say so here
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x0, x0});
  EXPECT_EQ(fast.engine(), "MXNet cached op");
  const std::vector<ivy::Array> first = fast({x0, x0});
  const std::vector<float> kept = first[0].to_vector<float>();
  for (float scale : {1.0f, -2.0f, 0.25f}) {
    const ivy::Array x = ivy::multiply(x0, scale), y = ivy::add(x0, scale);
    const std::vector<ivy::Array> got = fast({x, y}), want = f({x, y});
    ASSERT_EQ(got.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) expect_near(got[k], want[k], "output " + std::to_string(k));
  }
  EXPECT_EQ(first[0].to_vector<float>(), kept) << "a later call changed an earlier result";
  EXPECT_EQ(fast.traces(), 1u);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// Outputs that are an argument or a captured array, and one array passed as two arguments.
TEST(MxnetCompile, ArgumentsAndConstantsAsOutputs) {
  const ivy::Array c = mx_f32({7, 8}, {2});
  auto f = [&](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{a[1], c, ivy::subtract(a[0], a[1])};
  };
  const ivy::Array x = mx_f32({1, 2}, {2});
  testing::internal::CaptureStderr();
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x, x});
  const std::vector<ivy::Array> same = fast({x, x});
  expect_near(same[0], x, "argument");
  expect_near(same[1], c, "constant");
  expect_near(same[2], mx_f32({0, 0}, {2}), "difference");
  const std::vector<ivy::Array> other = fast({x, mx_f32({5, 5}, {2})});
  expect_near(other[0], mx_f32({5, 5}, {2}), "argument");
  expect_near(other[2], mx_f32({-4, -3}, {2}), "difference");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// Random draws and host reads (sort runs on the host) cannot be graph nodes: such functions
// run uncompiled, so two calls draw differently and the sort is right.
TEST(MxnetCompile, RandomDrawsAndHostReadsRunUncompiled) {
  const ivy::Backend& b = ivy::backend("mxnet");
  auto draw = [&](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{ivy::add(
        a[0], ivy::random_uniform(0.0, 1.0, ivy::Shape{4}, ivy::Options(ivy::float32).on(b)))};
  };
  const ivy::Array z = ivy::zeros({4}, b);
  const ivy::CompiledFunction drawn = ivy::compile_fn(draw, {z});
  EXPECT_NE(drawn({z})[0].to_vector<float>(), drawn({z})[0].to_vector<float>());
  auto sorted = [](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{ivy::sort(ivy::multiply(a[0], 2.0))};
  };
  const ivy::CompiledFunction fast = ivy::compile_fn(sorted, {mx_f32({3, 1, 2}, {3})});
  EXPECT_EQ(fast({mx_f32({3, 1, 2}, {3})})[0].to_vector<float>(), (std::vector<float>{2, 4, 6}));
  EXPECT_EQ(fast({mx_f32({0, 5, -1}, {3})})[0].to_vector<float>(), (std::vector<float>{-2, 0, 10}));
}

// A gradient computation inside the compiled function is traced through ivy's tape (MXNet's
// autograd would run outside the graph); a compiled function is differentiated by MXNet's
// autograd through the cached op.
TEST(MxnetCompile, GradientsInsideAndThroughCompiledFunctions) {
  auto loss = [](const std::vector<ivy::Array>& v) {
    return std::vector<ivy::Array>{ivy::sum(ivy::multiply(ivy::sin(v[0]), v[0]))};
  };
  auto grad = [&](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{ivy::execute_with_gradients(loss, {a[0]}).grads[0]};
  };
  const ivy::Array x0 = mx_f32({0.5f, -1, 2}, {3});
  testing::internal::CaptureStderr();
  const ivy::CompiledFunction compiled_grad = ivy::compile_fn(grad, {x0});
  const ivy::CompiledFunction compiled_loss = ivy::compile_fn(loss, {x0});
  for (float shift : {0.0f, 0.3f}) {
    const ivy::Array x = ivy::add(x0, shift);
    const std::vector<float> xs = x.to_vector<float>();
    std::vector<float> want;  // d/dx x sin x = sin x + x cos x
    for (float v : xs) want.push_back(std::sin(v) + v * std::cos(v));
    expect_near(compiled_grad({x})[0], mx_f32(want, {3}), "gradient traced");
    const auto through = ivy::execute_with_gradients(
        [&](const std::vector<ivy::Array>& v) { return compiled_loss(v); }, {x});
    expect_near(through.grads[0], mx_f32(want, {3}), "gradient through the cached op");
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

using ivy::testing::data_pointer;

// DLPack both ways without a copy between torch and MXNet; the MXNet array keeps torch's buffer
// alive after the torch array is gone.
TEST(MxnetInterchange, TorchAndMxnetShareMemory) {
  if (!ivy::has_backend("torch")) GTEST_SKIP() << "needs the torch backend in this build";
  const ivy::Array x =
      ivy::reshape(ivy::arange(12, ivy::Options(ivy::float32).on(ivy::backend("torch"))), {3, 4});
  const ivy::Array y = ivy::to_backend(x, "mxnet");
  EXPECT_EQ(data_pointer(y), data_pointer(x)) << "torch -> mxnet shares memory";
  EXPECT_EQ(data_pointer(ivy::to_backend(y, "torch")), data_pointer(y)) << "mxnet -> torch";
  ivy::Array kept;
  {
    const ivy::Array tmp = ivy::array({5.0f, 6.0f, 7.0f}, ivy::backend("torch"));
    kept = ivy::to_backend(tmp, "mxnet");
  }
  EXPECT_EQ(ivy::exp(kept).to_vector<float>(),
            (std::vector<float>{std::exp(5.0f), std::exp(6.0f), std::exp(7.0f)}));
}

// From every backend: a slice starting one element in (memory MXNet may hold unaligned, or that
// the producer describes by a byte offset) and a transposed view (strides MXNet refuses) arrive
// with the right values, and MXNet computes on them.
TEST(MxnetInterchange, SlicesAndStridedViewsFromEveryBackend) {
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub" || name == "mxnet") continue;
    const ivy::Backend& b = ivy::backend(name);
    const ivy::Array whole = ivy::arange(17, ivy::Options(ivy::float32).on(b));
    const ivy::Array tail = ivy::to_backend(ivy::slice(whole, {ivy::Slice{1, 17, 1}}), "mxnet");
    std::vector<float> want(16);
    for (int i = 0; i < 16; ++i) want[static_cast<std::size_t>(i)] = std::sqrt(float(i + 1));
    const std::vector<float> got = ivy::sqrt(tail).to_vector<float>();
    for (std::size_t i = 0; i < want.size(); ++i)
      EXPECT_FLOAT_EQ(got[i], want[i]) << name << " " << i;
    // [[1..4], ..., [13..16]] transposed, times a column of ones: the column sums of the rows.
    const ivy::Array t = ivy::to_backend(
        ivy::transpose(ivy::reshape(ivy::slice(whole, {ivy::Slice{1, 17, 1}}), {4, 4}), {1, 0}),
        "mxnet");
    const ivy::Array sums =
        ivy::matmul(t, ivy::ones({4, 1}, ivy::Options(ivy::float32).on(ivy::backend("mxnet"))));
    EXPECT_EQ(sums.to_vector<float>(), (std::vector<float>{28, 32, 36, 40})) << name;
  }
}

}  // namespace
