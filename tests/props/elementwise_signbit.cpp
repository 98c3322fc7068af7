// The sign of a NaN survives the fixtures' way onto a backend (to_device_array), so that the
// signbit fixtures test signbit and not the host-to-device copy.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/fixture.hpp"
#include "support/support_record.hpp"

namespace {

using ivy::testing::backend_under_test;

TEST(SignbitProps, NegativeNanKeepsItsSignOnTheBackend) {
  if (backend_under_test() == "stub") GTEST_SKIP() << "the stub backend holds no arrays";
  const ivy::Backend& b = ivy::backend(backend_under_test());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (ivy::DType d : {ivy::DType::float32, ivy::DType::float64}) {
    const ivy::testing::HostArray h{d, {4}, {std::copysign(nan, -1.0), nan, -0.0, 0.0}};
    const std::vector<double> back = ivy::testing::to_device_array(h, b).to_vector<double>();
    ASSERT_EQ(back.size(), 4u);
    EXPECT_TRUE(std::isnan(back[0]) && std::signbit(back[0])) << ivy::dtype_name(d);
    EXPECT_TRUE(std::isnan(back[1]) && !std::signbit(back[1])) << ivy::dtype_name(d);
    EXPECT_TRUE(std::signbit(back[2])) << ivy::dtype_name(d);
    EXPECT_FALSE(std::signbit(back[3])) << ivy::dtype_name(d);
  }
}

}  // namespace
