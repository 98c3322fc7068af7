// The paper's framework-specific and type-inferred modes on at::Tensor, checked against
// LibTorch's own functions.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "ivy/torch.hpp"
#include "support/cases.hpp"

IVY_PROPERTY_COVERS(to_backend, TorchNative, FromNativeSharesMemory);

namespace {

at::Tensor sample() { return at::linspace(-1.0, 2.0, 12, at::kFloat).reshape({3, 4}); }

TEST(TorchNative, FrameworkSpecificClipMatchesClamp) {
  const at::Tensor t = sample();
  const at::Tensor got = ivy::torch::clip(t, 0.2, 0.8);
  EXPECT_TRUE(at::equal(got, at::clamp(t, 0.2, 0.8)));
}

TEST(TorchNative, TypeInferredCallReturnsNativeTensor) {
  const at::Tensor t = sample();
  at::Tensor got = ivy::clip(t, 0.2, 0.8);  // the backend comes from the argument type
  EXPECT_TRUE(at::equal(got, at::clamp(t, 0.2, 0.8)));
  at::Tensor s = ivy::sum(ivy::sin(t), 1);
  EXPECT_TRUE(at::allclose(s, at::sin(t).sum(1)));
  at::Tensor m = ivy::multiply(t, t);
  EXPECT_TRUE(at::equal(m, t * t));
}

TEST(TorchNative, ArrayBoundsAndVectorsOfTensors) {
  const at::Tensor t = sample();
  const at::Tensor lo = at::full({4}, 0.0, at::kFloat);
  const at::Tensor hi = at::full({3, 1}, 1.0, at::kFloat);
  EXPECT_TRUE(at::equal(ivy::clip(t, lo, hi), at::min(at::max(t, lo), hi)));
  const std::vector<at::Tensor> parts = {t, t};
  EXPECT_TRUE(at::equal(ivy::concat(parts, 0), at::cat(parts, 0)));
}

TEST(TorchNative, BracedListsOfIntegersAndTensors) {
  const at::Tensor t = sample();
  EXPECT_TRUE(at::equal(ivy::reshape(t, {4, 3}), t.reshape({4, 3})));
  EXPECT_TRUE(at::allclose(ivy::sum(t, {0, 1}), t.sum()));
  EXPECT_TRUE(at::equal(ivy::torch::transpose(t, {1, 0}), t.t()));
  EXPECT_TRUE(at::equal(ivy::concat({t, t}, 1), at::cat({t, t}, 1)));
  EXPECT_TRUE(at::equal(ivy::torch::stack({t, t}, 0), at::stack({t, t}, 0)));
}

TEST(TorchNative, StaticTagCreation) {
  at::Tensor z = ivy::zeros<ivy::Torch>({2, 3});
  EXPECT_TRUE(at::equal(z, at::zeros({2, 3}, at::kFloat)));
  at::Tensor r = ivy::torch::arange(0, 5);
  EXPECT_TRUE(at::equal(r, at::arange(0, 5, at::kLong)));
  at::Tensor e = ivy::torch::eye(3, -1, 0, ivy::float64);
  EXPECT_TRUE(at::equal(e, at::eye(3, at::kDouble)));
}

TEST(TorchNative, OriginalIvyFunctionsOnTensors) {
  // Creation with the static tag, and in the framework-specific namespace.
  const at::Tensor l = ivy::logspace<ivy::Torch>(0.0, 2.0, 3);
  EXPECT_TRUE(at::allclose(l, at::tensor({1.0f, 10.0f, 100.0f})));
  EXPECT_TRUE(
      at::allclose(ivy::torch::logspace(0.0, 3.0, 4, 2.0), at::tensor({1.0f, 2.0f, 4.0f, 8.0f})));
  // A host bool, a 0-d bool tensor, and a vector of tensors come back as such.
  const at::Tensor t = sample();
  const bool same = ivy::array_equal(t, t.clone());
  EXPECT_TRUE(same);
  EXPECT_FALSE(ivy::array_equal(t, t.t()));
  const at::Tensor nans = ivy::has_nans(t);
  EXPECT_EQ(nans.dim(), 0);
  EXPECT_FALSE(nans.item<bool>());
  const std::vector<at::Tensor> parts = ivy::fourier_encode(t, 4.0, 2, false, false);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].sizes(), (std::vector<std::int64_t>{3, 4, 2}));
  const at::Tensor clipped = ivy::torch::clip_vector_norm(t, 1.0);
  EXPECT_NEAR(clipped.norm().item<double>(), 1.0, 1e-5);
}

TEST(TorchNative, StructuredResultsAreTensors) {
  const at::Tensor m = at::diag(at::tensor({3.0, 2.0}, at::kDouble));
  const ivy::NativeSvd<at::Tensor> svd = ivy::svd(m);
  EXPECT_TRUE(at::allclose(svd.s, at::tensor({3.0, 2.0}, at::kDouble)));
  EXPECT_TRUE(at::allclose(at::matmul(svd.u * svd.s, svd.vh), m));
  const ivy::NativeEigh<at::Tensor> eig = ivy::eigh(m);
  EXPECT_TRUE(at::allclose(eig.eigenvalues, at::tensor({2.0, 3.0}, at::kDouble)));
  EXPECT_TRUE(
      at::allclose(at::matmul(eig.eigenvectors * eig.eigenvalues, eig.eigenvectors.t()), m));
  const ivy::NativeQr<at::Tensor> qr = ivy::qr(m);
  EXPECT_TRUE(at::allclose(at::matmul(qr.q, qr.r), m));
  const std::vector<at::Tensor> parts = ivy::unstack(m, 0);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_TRUE(at::equal(parts[1], m[1]));
}

TEST(TorchNative, FromNativeSharesMemory) {
  const at::Tensor t = sample();
  const ivy::Array a = ivy::from_native(t);
  EXPECT_EQ(a.backend_name(), "torch");
  const at::Tensor back = ivy::native_traits<at::Tensor>::from_array(a);
  EXPECT_EQ(back.data_ptr(), t.data_ptr());
}

TEST(TorchNative, ErrorsAreIvyErrors) {
  const at::Tensor t = sample();
  EXPECT_THROW(ivy::add(t, at::ones({5})), ivy::ShapeError);
  EXPECT_THROW(ivy::sum(t, 7), ivy::IndexError);
}

TEST(TorchNative, OtherBackendsAreNotTensors) {
  if (!ivy::has_backend("xtensor")) GTEST_SKIP() << "this build has no xtensor backend";
  const ivy::Array x = ivy::ones({2}, ivy::backend("xtensor"));
  EXPECT_THROW(ivy::native_traits<at::Tensor>::from_array(x), ivy::BackendError);
  try {
    ivy::add(ivy::from_native(sample()), x);
    ADD_FAILURE() << "mixing backends must throw";
  } catch (const ivy::BackendError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("torch"), std::string::npos) << msg;
    EXPECT_NE(msg.find("xtensor"), std::string::npos) << msg;
  }
  // to_backend converts: xtensor -> torch goes through DLPack without a copy.
  const ivy::Array moved = ivy::to_backend(x, "torch");
  EXPECT_TRUE(at::equal(ivy::native_traits<at::Tensor>::from_array(moved), at::ones({2})));
}

}  // namespace
