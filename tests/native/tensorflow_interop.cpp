// The paper's framework-specific and type-inferred modes on ivy::tensorflow::Tensor (TensorFlow's
// eager tensors), checked against closed forms; DLPack exchange with the other backends
// (zero-copy where TensorFlow can use the memory, a copy where its alignment rule forbids).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "ivy/tensorflow.hpp"
#include "support/data_pointer.hpp"

namespace {

using ivy::testing::data_pointer;
using Tensor = ivy::tensorflow::Tensor;

// [[-1, -0.5, 0, 0.5], [1, 1.5, 2, 2.5], [3, 3.5, 4, 4.5]] as a TensorFlow tensor.
Tensor sample() {
  const ivy::Array a = ivy::reshape(
      ivy::arange(-1.0, 5.0, 0.5, ivy::Options(ivy::float32).on(ivy::backend("tensorflow"))),
      {3, 4});
  return ivy::native_traits<Tensor>::from_array(a);
}

std::vector<float> values(const Tensor& t) { return ivy::from_native(t).to_vector<float>(); }

TEST(TensorFlowNative, FrameworkSpecificClipMatchesClosedForm) {
  const Tensor t = sample();
  const Tensor got = ivy::tensorflow::clip(t, 0.2, 0.8);
  const std::vector<float> in = values(t), out = values(got);
  ASSERT_EQ(out.size(), in.size());
  for (std::size_t i = 0; i < in.size(); ++i)
    EXPECT_FLOAT_EQ(out[i], std::fmin(std::fmax(in[i], 0.2f), 0.8f)) << i;
}

TEST(TensorFlowNative, TypeInferredCallReturnsNativeTensor) {
  const Tensor t = sample();
  Tensor s = ivy::sum(ivy::sin(t), 1);  // the backend comes from the argument type
  const std::vector<float> in = values(t), got = values(s);
  ASSERT_EQ(got.size(), 3u);
  for (int r = 0; r < 3; ++r) {
    double want = 0;
    for (int c = 0; c < 4; ++c) want += std::sin(in[static_cast<std::size_t>(4 * r + c)]);
    EXPECT_NEAR(got[static_cast<std::size_t>(r)], want, 1e-5) << r;
  }
  Tensor mm = ivy::matmul(t, ivy::tensorflow::transpose(t, {1, 0}));
  EXPECT_EQ(ivy::from_native(mm).shape(), (ivy::Shape{3, 3}));
  EXPECT_NEAR(values(mm)[0], 1 + 0.25 + 0 + 0.25, 1e-6);
  const ivy::NativeQr<Tensor> qr = ivy::qr(t);  // structured results hold Tensors
  const std::vector<float> back = values(ivy::matmul(qr.q, qr.r));
  for (std::size_t i = 0; i < in.size(); ++i) EXPECT_NEAR(back[i], in[i], 1e-5) << i;
}

TEST(TensorFlowNative, BracedListsAndStaticTags) {
  const Tensor t = sample();
  EXPECT_EQ(ivy::from_native(ivy::reshape(t, {4, 3})).shape(), (ivy::Shape{4, 3}));
  EXPECT_NEAR(ivy::from_native(ivy::sum(t, {0, 1})).item<double>(), 21.0, 1e-5);
  Tensor z = ivy::zeros<ivy::TensorFlow>({2, 3});
  EXPECT_EQ(ivy::from_native(z).dtype(), ivy::float32);
  EXPECT_EQ(values(z), std::vector<float>(6, 0.0f));
  Tensor r = ivy::tensorflow::arange(0, 5);
  EXPECT_EQ(ivy::from_native(r).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
}

TEST(TensorFlowNative, FromNativeSharesTheHandle) {
  const Tensor t = sample();
  const ivy::Array a = ivy::from_native(t);
  EXPECT_EQ(a.backend_name(), "tensorflow");
  EXPECT_EQ(ivy::native_traits<Tensor>::from_array(a).handle(), t.handle());
  EXPECT_THROW((void)ivy::from_native(Tensor()), ivy::ValueError);
  EXPECT_THROW(
      (void)ivy::native_traits<Tensor>::from_array(ivy::ones({2}, ivy::backend("xtensor"))),
      ivy::BackendError);
  EXPECT_NE(ivy::tensorflow::context(), nullptr);
}

TEST(TensorFlowInterchange, TorchAndTensorFlowShareMemory) {
  if (!ivy::has_backend("torch")) GTEST_SKIP() << "needs the torch backend in this build";
  const ivy::Array x =
      ivy::reshape(ivy::arange(12, ivy::Options(ivy::float32).on(ivy::backend("torch"))), {3, 4});
  const ivy::Array y = ivy::to_backend(x, "tensorflow");
  EXPECT_EQ(data_pointer(y), data_pointer(x)) << "torch -> tensorflow shares memory";
  const ivy::Array back = ivy::to_backend(y, "torch");
  EXPECT_EQ(data_pointer(back), data_pointer(y)) << "tensorflow -> torch shares memory";
  // The TensorFlow tensor keeps torch's buffer alive after the torch array is gone.
  ivy::Array kept;
  {
    const ivy::Array tmp = ivy::array({5.0f, 6.0f, 7.0f}, ivy::backend("torch"));
    kept = ivy::to_backend(tmp, "tensorflow");
  }
  EXPECT_EQ(ivy::exp(kept).to_vector<float>(),
            (std::vector<float>{std::exp(5.0f), std::exp(6.0f), std::exp(7.0f)}));
}

// TensorFlow aborts the process in a kernel reading a buffer that is not 64-byte aligned, so
// such memory (a slice starting one element in, MLX's buffers) is copied on import.
TEST(TensorFlowInterchange, MisalignedMemoryIsCopiedNotShared) {
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub" || name == "tensorflow") continue;
    const ivy::Array whole = ivy::arange(17, ivy::Options(ivy::float32).on(ivy::backend(name)));
    const ivy::Array tail = ivy::slice(whole, {ivy::Slice{1, 17, 1}});
    const ivy::Array y = ivy::to_backend(tail, "tensorflow");
    const auto address = reinterpret_cast<std::uintptr_t>(data_pointer(y));
    EXPECT_EQ(address % 64, 0u) << name << ": TensorFlow holds aligned memory only";
    std::vector<float> want(16);
    for (int i = 0; i < 16; ++i) want[static_cast<std::size_t>(i)] = std::sqrt(float(i + 1));
    const std::vector<float> got = ivy::sqrt(y).to_vector<float>();
    for (std::size_t i = 0; i < want.size(); ++i)
      EXPECT_FLOAT_EQ(got[i], want[i]) << name << " " << i;
  }
}

// compile_fn traces into a TensorFlow graph function: kernels on the arguments become graph
// ops, arrays the function captures become constants, and new argument values give new results.
void expect_traced_matches_eager() {
  const ivy::Backend& b = ivy::backend("tensorflow");
  const ivy::Array w = ivy::array({{1.0f, -2.0f}, {0.5f, 3.0f}}, b);  // captured: a constant
  auto f = [&](const std::vector<ivy::Array>& a) {
    const ivy::Array h = ivy::tanh(ivy::add(ivy::matmul(a[0], w), 1.0));
    return std::vector<ivy::Array>{ivy::sum(ivy::square(h), 1), ivy::transpose(h, {1, 0})};
  };
  const ivy::Array x0 = ivy::array({{0.1f, 0.2f}, {0.3f, -0.4f}, {1.0f, 2.0f}}, b);
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x0});
  EXPECT_EQ(fast.engine(), "TensorFlow graph function");
  for (float scale : {1.0f, -2.0f, 0.25f}) {
    const ivy::Array x = ivy::multiply(x0, scale);
    const std::vector<ivy::Array> got = fast({x}), want = f({x});
    ASSERT_EQ(got.size(), 2u);
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_EQ(got[k].shape(), want[k].shape());
      const std::vector<float> g = got[k].to_vector<float>(), e = want[k].to_vector<float>();
      for (std::size_t i = 0; i < e.size(); ++i) EXPECT_NEAR(g[i], e[i], 1e-6) << scale;
    }
  }
  EXPECT_EQ(fast.traces(), 1u);
}

TEST(TensorFlowCompile, TracedFunctionMatchesEagerOnNewValues) { expect_traced_matches_eager(); }

// IVY_TENSORFLOW_XLA=0 (read by compile_fn) runs the function on TensorFlow's graph executor.
TEST(TensorFlowCompile, WithoutXlaTheGraphExecutorRunsIt) {
  setenv("IVY_TENSORFLOW_XLA", "0", 1);
  expect_traced_matches_eager();
  unsetenv("IVY_TENSORFLOW_XLA");
}

// A random draw cannot be a graph constant (every call would repeat it): such a function runs
// uncompiled, so two calls draw differently.
TEST(TensorFlowCompile, RandomDrawsRunUncompiled) {
  const ivy::Backend& b = ivy::backend("tensorflow");
  auto f = [&](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{ivy::add(
        a[0], ivy::random_uniform(0.0, 1.0, ivy::Shape{4}, ivy::Options(ivy::float32).on(b)))};
  };
  const ivy::Array x = ivy::zeros({4}, b);
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x});
  EXPECT_NE(fast({x})[0].to_vector<float>(), fast({x})[0].to_vector<float>());
}

// Reading elements on the host (here a sort, which TensorFlow's backend does on the host) also
// runs the function uncompiled, with the right result.
TEST(TensorFlowCompile, HostReadsRunUncompiled) {
  const ivy::Backend& b = ivy::backend("tensorflow");
  auto f = [](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{ivy::sort(a[0])};
  };
  const ivy::Array x = ivy::array({3.0f, 1.0f, 2.0f}, b);
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x});
  EXPECT_EQ(fast({x})[0].to_vector<float>(), (std::vector<float>{1.0f, 2.0f, 3.0f}));
}

// A result whose shape depends on the values (coordinates of the non-zero elements) compiles.
TEST(TensorFlowCompile, DataDependentShapes) {
  const ivy::Backend& b = ivy::backend("tensorflow");
  auto f = [](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{ivy::indices_where(ivy::greater(a[0], 0.0))};
  };
  const ivy::Array x = ivy::array({{1.0f, -1.0f}, {0.0f, 2.0f}}, b);
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x});
  for (int call = 0; call < 2; ++call) {
    const ivy::Array got = fast({x})[0];
    EXPECT_EQ(got.shape(), (ivy::Shape{2, 2}));
    EXPECT_EQ(got.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0, 1, 1}));
  }
}

}  // namespace
