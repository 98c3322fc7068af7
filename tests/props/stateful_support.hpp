#pragma once
// Shared by tests/props/stateful_*.cpp: a fixture that runs on the backend under test (inside
// an ivy::use scope, so build() without options lands there) and skips where arrays cannot be
// made, and the NumPy reference values of scripts/stateful_reference.py.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "support/support_record.hpp"

namespace ivy::testing {

class StatefulTest : public ::testing::Test {
 public:
  void SetUp() override {
    b_ = &ivy::backend(backend_under_test());
    scope_.emplace(*b_);
    try {
      ivy::eval(random_uniform(0.0, 1.0, Shape{1}, f64()));
    } catch (const UnsupportedError& e) {
      GTEST_SKIP() << backend_under_test()
                   << " holds no arrays (or no random numbers): " << e.what();
    }
  }
  void TearDown() override { scope_.reset(); }

  Options f64() const { return Options(DType::float64).on(*b_); }
  Options f32() const { return Options(DType::float32).on(*b_); }

  /** An Array (float64, this backend) from {"shape": [...], "data": [...]}. */
  Array from_json(const nlohmann::json& j) const {
    return array<double>(j["data"].get<std::vector<double>>(), j["shape"].get<Shape>(), f64());
  }
  Array from_values(const std::vector<double>& v, const Shape& s) const {
    return array<double>(v, s, f64());
  }

  /** The reference document, read once. */
  static const nlohmann::json& ref() {
    static const nlohmann::json doc = [] {
      std::ifstream in(std::string(IVY_TEST_DATA_DIR) + "/stateful/reference.json");
      return nlohmann::json::parse(in);
    }();
    return doc;
  }

  const Backend* b_ = nullptr;
  std::optional<ivy::use> scope_;
};

/** Same shape and |a - e| <= atol + rtol |e| element-wise. */
inline ::testing::AssertionResult close(const Array& actual, const Array& expected,
                                        double rtol = 1e-9, double atol = 1e-9) {
  if (actual.shape() != expected.shape())
    return ::testing::AssertionFailure()
           << "shape " << shape_str(actual.shape()) << " vs " << shape_str(expected.shape());
  const auto a = actual.to_vector<double>();
  const auto e = expected.to_vector<double>();
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(std::abs(a[i] - e[i]) <= atol + rtol * std::abs(e[i])))
      return ::testing::AssertionFailure() << "element " << i << ": " << a[i] << " vs " << e[i]
                                           << " (diff " << a[i] - e[i] << ")";
  return ::testing::AssertionSuccess();
}

/** The message of the ivy::Error E that f throws; a test failure if it throws nothing or other. */
template <class E, class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong exception: " << e.what();
    return "";
  }
  ADD_FAILURE() << "no exception";
  return "";
}

}  // namespace ivy::testing
