#pragma once
// The finite-difference gradient check the mech and vision tests share: the tape's gradient of
// L(x) = sum(w * f(x)), with fixed cyclic weights w = 0.3, -0.2, -0.7, 0.3, ..., against central
// differences of the same L computed on the host.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace ivy::testing {

/** A function of one float64 array, checked at `input` (of `shape`). */
struct GradientCase {
  std::string name;
  std::function<Array(const Array&)> f;
  std::vector<double> input;
  Shape shape;
};

inline double loss_weight(std::size_t i) { return 0.3 - 0.5 * static_cast<double>(i % 3); }

/** sum(w * f(x)) computed on the host, in double. */
inline double weighted(const std::function<Array(const Array&)>& f, const Array& x) {
  const std::vector<double> y = f(x).to_vector<double>();
  double s = 0;
  for (std::size_t i = 0; i < y.size(); ++i) s += y[i] * loss_weight(i);
  return s;
}

/** sum(w * f(x)) as an array, so that the tape sees it (w in float64 on y's backend). */
inline Array weighted_loss(const std::function<Array(const Array&)>& f, const Array& x) {
  const Array y = f(x);
  std::vector<double> w(static_cast<std::size_t>(y.size()));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = loss_weight(i);
  return ivy::sum(ivy::multiply(y, ivy::array(w, ivy::shape(y), Options(float64).on(y.backend()))));
}

/**
 * Expects every element of the tape's gradient of weighted_loss(c.f) at c.input (float64 on
 * backend b) within tolerance * max(1, |central|) of the central difference with step 1e-6.
 */
inline void expect_matches_finite_differences(const GradientCase& c, const Backend& b,
                                              double tolerance) {
  const auto on_b = [&](const std::vector<double>& v) {
    return ivy::array(v, c.shape, Options(float64).on(b));
  };
  const auto r = execute_with_gradients(
      [&](const std::vector<Array>& v) { return weighted_loss(c.f, v[0]); }, {on_b(c.input)});
  const std::vector<double> grad = r.grads[0].to_vector<double>();
  constexpr double kStep = 1e-6;
  for (std::size_t i = 0; i < c.input.size(); ++i) {
    std::vector<double> up = c.input, down = c.input;
    up[i] += kStep;
    down[i] -= kStep;
    const double central = (weighted(c.f, on_b(up)) - weighted(c.f, on_b(down))) / (2 * kStep);
    EXPECT_NEAR(grad[i], central, tolerance * std::max(1.0, std::abs(central)))
        << c.name << " input element " << i;
  }
}

/** One case of a finite-difference suite on the backend under test (skipped, saying why, on the
 * stub backend, which holds no arrays, and on a backend without float64). */
inline void check_finite_difference_case(const GradientCase& c, double tolerance) {
  if (backend_under_test() == "stub") GTEST_SKIP() << "the stub backend holds no arrays";
  if (!supports_dtype(backend(backend_under_test()), float64)) GTEST_SKIP() << "needs float64";
  expect_matches_finite_differences(c, backend(backend_under_test()), tolerance);
}

}  // namespace ivy::testing

/**
 * A parametrised suite `Suite` (instantiated as `Prefix`) with one MatchesFiniteDifferences test
 * per element of `cases()`, a function returning std::vector<ivy::testing::GradientCase>.
 */
#define IVY_FINITE_DIFFERENCE_SUITE(Prefix, Suite, cases, tolerance)                        \
  class Suite : public ::testing::TestWithParam<std::size_t> {};                            \
  TEST_P(Suite, MatchesFiniteDifferences) {                                                 \
    ::ivy::testing::check_finite_difference_case(cases()[GetParam()], tolerance);           \
  }                                                                                         \
  INSTANTIATE_TEST_SUITE_P(Prefix, Suite, ::testing::Range<std::size_t>(0, cases().size()), \
                           [](const auto& info) { return cases()[info.param].name; })
