#pragma once
// Shared by the property tests that compute on the backend under test: a fixture that skips on
// the stub (it holds no arrays) and makes that backend the current one, and float64 helpers.
#include <gtest/gtest.h>

#include <vector>

#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace ivy::testing {

class ArrayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (backend_under_test() == "stub") GTEST_SKIP() << "the stub backend holds no arrays";
  }
  const ivy::use scope_{backend_under_test()};
};

/** A float64 array on the current backend. */
inline Array f64(const std::vector<double>& v, const Shape& s) {
  return ivy::array(v, s, Options(DType::float64));
}

/** Element-wise |got - want| <= tol, naming the element. */
inline void expect_values(const Array& got, const std::vector<double>& want, double tol = 1e-12) {
  const auto v = got.to_vector<double>();
  ASSERT_EQ(v.size(), want.size());
  for (std::size_t i = 0; i < v.size(); ++i) EXPECT_NEAR(v[i], want[i], tol) << "element " << i;
}

}  // namespace ivy::testing
