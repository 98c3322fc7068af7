// The paper's framework-specific and type-inferred modes on ivy::mxnet::NDArray (MXNet's
// NDArrayHandle), checked against closed forms; MXNet beside the other backends.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "ivy/mxnet.hpp"

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

}  // namespace
