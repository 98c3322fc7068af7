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

TEST(XtensorNative, ErrorsAreIvyErrors) {
  const auto x = sample();
  const xt::xarray<double> y = {1.0, 2.0};
  EXPECT_THROW(ivy::add(x, y), ivy::ShapeError);
}

}  // namespace
