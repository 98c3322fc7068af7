// The paper's framework-specific and type-inferred modes on xt::xarray, checked against
// xtensor's own functions.
#include <gtest/gtest.h>

#include <xtensor/xmath.hpp>
#include <xtensor/xsort.hpp>

#include "ivy/xtensor.hpp"

namespace {

xt::xarray<double> sample() { return {{-1.0, 0.1, 0.5}, {0.9, 2.0, 0.3}}; }

TEST(XtensorNative, FrameworkSpecificClipMatchesXtClip) {
  const auto x = sample();
  const xt::xarray<double> got = ivy::xtensor::clip(x, 0.2, 0.8);
  EXPECT_TRUE(xt::allclose(got, xt::clip(x, 0.2, 0.8)));
}

TEST(XtensorNative, TypeInferredCallReturnsXarray) {
  const auto x = sample();
  xt::xarray<double> s = ivy::sum(ivy::sin(x), 1);
  EXPECT_TRUE(xt::allclose(s, xt::sum(xt::sin(x), {1})));
  xt::xarray<double> m = ivy::multiply(x, 2.0);
  EXPECT_TRUE(xt::allclose(m, x * 2.0));
}

TEST(XtensorNative, StaticTagCreation) {
  xt::xarray<float> z = ivy::zeros<ivy::Xtensor>({2, 3});
  EXPECT_EQ(z.shape()[0], 2u);
  EXPECT_EQ(z.shape()[1], 3u);
  EXPECT_TRUE(xt::all(xt::equal(z, 0.f)));
}

TEST(XtensorNative, ResultsKeepTheirOwnDtype) {
  const xt::xarray<bool> mask = {true, false, true};
  const xt::xarray<float> a = {1.5f, 2.5f, 3.5f}, b = {-1.f, -2.f, -3.f};
  const xt::xarray<float> picked = ivy::where(mask, a, b);
  EXPECT_TRUE(xt::allclose(picked, xt::where(mask, a, b)));
  const xt::xarray<bool> less = ivy::less(b, a);
  EXPECT_TRUE(xt::all(xt::equal(less, b < a)));
  const xt::xarray<std::int64_t> idx = ivy::argmax(a);
  EXPECT_EQ(idx(), 2);
  // Results chain into further calls, and svd and gradient_image lower their parts.
  const xt::xarray<double> m = {{2.0, 0.0}, {0.0, 3.0}};
  const auto svd = ivy::svd(m);
  const xt::xarray<double> s = svd.s;
  EXPECT_TRUE(xt::allclose(s, xt::xarray<double>{3.0, 2.0}));
  const xt::xarray<double> eigenvalues = ivy::eigh(m).eigenvalues;
  EXPECT_TRUE(xt::allclose(eigenvalues, xt::xarray<double>{2.0, 3.0}));
  const xt::xarray<double> r = ivy::qr(m).r;
  EXPECT_TRUE(xt::allclose(r, m));  // already upper triangular with a positive diagonal
  const xt::xarray<double> twice = ivy::multiply(ivy::sin(m), 2.0);
  EXPECT_TRUE(xt::allclose(twice, 2.0 * xt::sin(m)));
}

TEST(XtensorNative, BracedLists) {
  const auto x = sample();
  const xt::xarray<double> total = ivy::xtensor::sum(x, {0, 1});
  EXPECT_NEAR(total(), xt::sum(x)(), 1e-12);
  const xt::xarray<double> joined = ivy::concat({x, x}, 0);
  EXPECT_EQ(joined.shape()[0], 4u);
}

TEST(XtensorNative, ErrorsAreIvyErrors) {
  const auto x = sample();
  const xt::xarray<double> y = {1.0, 2.0};
  EXPECT_THROW(ivy::add(x, y), ivy::ShapeError);
}

}  // namespace
