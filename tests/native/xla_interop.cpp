// The paper's framework-specific and type-inferred modes on ivy::xla::Buffer (a PJRT buffer),
// compile_fn as one XLA executable, and DLPack with the other backends; closed forms.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "ivy/xla.hpp"
#include "support/data_pointer.hpp"

namespace {

using ivy::testing::data_pointer;
using Buffer = ivy::xla::Buffer;

const ivy::Backend& xla() { return ivy::backend("xla"); }

ivy::Array f32(std::vector<float> v, ivy::Shape s) {
  return ivy::array(v, s, ivy::Options(ivy::float32).on(xla()));
}

void expect_near(const ivy::Array& got, const std::vector<float>& want, const std::string& what) {
  const std::vector<float> g = got.to_vector<float>();
  ASSERT_EQ(g.size(), want.size()) << what;
  for (std::size_t i = 0; i < want.size(); ++i)
    EXPECT_NEAR(g[i], want[i], 1e-6) << what << " " << i;
}

TEST(XlaNative, FrameworkSpecificAndTypeInferredCalls) {
  const Buffer t = ivy::native_traits<Buffer>::from_array(f32({0, 0.5f, 1, 1.5f}, {2, 2}));
  ASSERT_TRUE(t);
  EXPECT_NE(t.handle(), nullptr);
  const Buffer s = ivy::xla::sin(t);  // framework-specific
  const Buffer e = ivy::exp(t);       // the backend comes from the argument type
  expect_near(ivy::from_native(s), {0, std::sin(0.5f), std::sin(1.0f), std::sin(1.5f)}, "sin");
  expect_near(ivy::from_native(e), {1, std::exp(0.5f), std::exp(1.0f), std::exp(1.5f)}, "exp");
  const Buffer z = ivy::zeros<ivy::XLA>({2, 3});
  EXPECT_EQ(ivy::from_native(z).to_vector<float>(), std::vector<float>(6, 0.0f));
  EXPECT_EQ(ivy::from_native(t).backend_name(), "xla");
  EXPECT_THROW((void)ivy::from_native(Buffer()), ivy::ValueError);
  if (ivy::has_backend("xtensor"))
    EXPECT_THROW(
        (void)ivy::native_traits<Buffer>::from_array(ivy::ones({2}, ivy::backend("xtensor"))),
        ivy::BackendError);
}

// compile_fn traces into one StableHLO module: kernels on the arguments become its operations,
// captured arrays its extra parameters, and new argument values give new results.
TEST(XlaCompile, OneExecutableMatchesEagerOnNewValues) {
  const ivy::Array w = f32({1, -2, 0.5f, 3}, {2, 2});  // captured
  auto f = [&](const std::vector<ivy::Array>& a) {
    const ivy::Array h = ivy::tanh(ivy::add(ivy::multiply(a[0], w), 1.0));
    return std::vector<ivy::Array>{ivy::exp(h), ivy::subtract(a[1], h)};
  };
  const ivy::Array x0 = f32({0.1f, 0.2f, 0.3f, -0.4f}, {2, 2});
  testing::internal::CaptureStderr();  // a function that ran uncompiled would say so here
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x0, x0});
  EXPECT_EQ(fast.engine(), "XLA executable");
  const std::vector<float> kept = fast({x0, x0})[0].to_vector<float>();
  for (float scale : {1.0f, -2.0f, 0.25f}) {
    const ivy::Array x = ivy::multiply(x0, scale), y = ivy::add(x0, scale);
    const std::vector<ivy::Array> got = fast({x, y}), want = f({x, y});
    ASSERT_EQ(got.size(), 2u);
    for (std::size_t k = 0; k < 2; ++k)
      expect_near(got[k], want[k].to_vector<float>(), "output " + std::to_string(k));
  }
  EXPECT_EQ(fast({x0, x0})[0].to_vector<float>(), kept);
  EXPECT_EQ(fast.traces(), 1u);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// Outputs that are an argument or a captured array, and one array passed as two arguments.
TEST(XlaCompile, ArgumentsAndConstantsAsOutputs) {
  const ivy::Array c = f32({7, 8}, {2});
  auto f = [&](const std::vector<ivy::Array>& a) {
    return std::vector<ivy::Array>{a[1], c, ivy::subtract(a[0], a[1])};
  };
  const ivy::Array x = f32({1, 2}, {2});
  testing::internal::CaptureStderr();
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {x, x});
  const std::vector<ivy::Array> same = fast({x, x});
  expect_near(same[0], {1, 2}, "argument");
  expect_near(same[1], {7, 8}, "constant");
  expect_near(same[2], {0, 0}, "difference");
  const std::vector<ivy::Array> other = fast({x, f32({5, 5}, {2})});
  expect_near(other[0], {5, 5}, "argument");
  expect_near(other[2], {-4, -3}, "difference");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// A training step with its gradients (the tape's backward pass traced into the same module) is
// one XLA executable: no notice of an uncompiled run, and the same loss, gradients and updated
// weights as the eager step, step after step.
TEST(XlaCompile, TrainingStepWithGradientsIsOneExecutable) {
  const ivy::Array x = f32({0.5f, -1, 2, 0.25f, 1, -0.5f}, {3, 2});
  const ivy::Array y = f32({1, 0, 1}, {3, 1});
  auto step = [&](const std::vector<ivy::Array>& w) {
    const ivy::GradResult g = ivy::execute_with_gradients(
        [&](const std::vector<ivy::Array>& v) {
          const ivy::Array h = ivy::tanh(ivy::add(ivy::matmul(x, v[0]), v[1]));
          const ivy::Array p = ivy::sigmoid(ivy::matmul(h, v[2]));
          return std::vector<ivy::Array>{ivy::mean(ivy::square(ivy::subtract(p, y)))};
        },
        w);
    std::vector<ivy::Array> out{g.value};
    for (std::size_t i = 0; i < w.size(); ++i)
      out.push_back(ivy::subtract(w[i], ivy::multiply(g.grads[i], 0.5)));
    return out;
  };
  std::vector<ivy::Array> weights{f32({0.1f, -0.2f, 0.3f, 0.4f}, {2, 2}), f32({0, 0.1f}, {2}),
                                  f32({0.5f, -0.5f}, {2, 1})};
  testing::internal::CaptureStderr();
  const ivy::CompiledFunction fast = ivy::compile_fn(step, weights);
  std::vector<ivy::Array> eager = weights;
  for (int s = 0; s < 3; ++s) {
    const std::vector<ivy::Array> got = fast(weights), want = step(eager);
    ASSERT_EQ(got.size(), 4u);
    for (std::size_t k = 0; k < 4; ++k)
      expect_near(got[k], want[k].to_vector<float>(), "step " + std::to_string(s));
    weights.assign(got.begin() + 1, got.end());
    eager.assign(want.begin() + 1, want.end());
  }
  EXPECT_EQ(fast.traces(), 1u);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// Kernels from several threads at once: compiled once each (the cache is shared), every
// thread's results right.
TEST(XlaThreads, KernelsFromFourThreads) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 25; ++i) {
        const float a = static_cast<float>(t * 100 + i);
        const ivy::Array x = f32({a, a + 1, a + 2}, {3});
        const std::vector<float> got =
            ivy::sum(ivy::multiply(ivy::add(x, 1.0), 2.0)).to_vector<float>();
        if (got.size() != 1 || got[0] != 2 * (3 * a + 6)) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

// A host read of a traced value cannot be part of one executable: the function runs uncompiled,
// with a notice, and gives the right results for new values.
TEST(XlaCompile, HostReadsRunUncompiled) {
  auto f = [](const std::vector<ivy::Array>& a) {
    const float first = ivy::multiply(a[0], 2.0).to_vector<float>()[0];
    return std::vector<ivy::Array>{ivy::add(a[0], first)};
  };
  testing::internal::CaptureStderr();
  const ivy::CompiledFunction fast = ivy::compile_fn(f, {f32({1, 2}, {2})});
  expect_near(fast({f32({3, 4}, {2})})[0], {9, 10}, "uncompiled");
  EXPECT_NE(testing::internal::GetCapturedStderr().find("runs uncompiled"), std::string::npos);
}

// DLPack: exports share XLA's buffer; the capsule keeps it alive after the array is gone.
TEST(XlaInterchange, ExportSharesTheBufferAndKeepsItAlive) {
  DLManagedTensor* capsule = nullptr;
  const void* address = nullptr;
  {
    const ivy::Array x = f32({1, 2, 3}, {3});
    address = data_pointer(x);
    capsule = ivy::to_dlpack(x);
  }
  EXPECT_EQ(capsule->dl_tensor.data, address);
  const float* v = static_cast<const float*>(capsule->dl_tensor.data);
  EXPECT_EQ((std::vector<float>{v[0], v[1], v[2]}), (std::vector<float>{1, 2, 3}));
  capsule->deleter(capsule);
}

// torch -> xla shares aligned memory (a view of torch's buffer, released with the xla array);
// xla -> torch shares XLA's buffer.
TEST(XlaInterchange, TorchAndXlaShareMemory) {
  if (!ivy::has_backend("torch")) GTEST_SKIP() << "needs the torch backend in this build";
  const ivy::Array x =
      ivy::reshape(ivy::arange(12, ivy::Options(ivy::float32).on(ivy::backend("torch"))), {3, 4});
  const ivy::Array y = ivy::to_backend(x, "xla");
  EXPECT_EQ(data_pointer(y), data_pointer(x)) << "torch -> xla shares memory";
  EXPECT_EQ(data_pointer(ivy::to_backend(y, "torch")), data_pointer(y)) << "xla -> torch";
  ivy::Array kept;
  {
    const ivy::Array tmp = ivy::array({5.0f, 6.0f, 7.0f}, ivy::backend("torch"));
    kept = ivy::to_backend(tmp, "xla");
  }
  expect_near(ivy::exp(kept), {std::exp(5.0f), std::exp(6.0f), std::exp(7.0f)}, "kept alive");
}

// From every backend: contiguous arrays, slices and transposed views arrive with their values.
TEST(XlaInterchange, ArraysFromEveryBackend) {
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub" || name == "xla") continue;
    const ivy::Backend& b = ivy::backend(name);
    const ivy::Array whole = ivy::arange(17, ivy::Options(ivy::float32).on(b));
    const ivy::Array tail = ivy::to_backend(ivy::slice(whole, {ivy::Slice{1, 17, 1}}), "xla");
    std::vector<float> want(16);
    for (int i = 0; i < 16; ++i) want[static_cast<std::size_t>(i)] = std::exp(float(i + 1) / 16);
    expect_near(ivy::exp(ivy::divide(tail, 16.0)), want, name);
    const ivy::Array t = ivy::to_backend(
        ivy::transpose(ivy::reshape(ivy::slice(whole, {ivy::Slice{1, 5, 1}}), {2, 2}), {1, 0}),
        "xla");
    EXPECT_EQ(t.to_vector<float>(), (std::vector<float>{1, 3, 2, 4})) << name;
  }
}

}  // namespace
