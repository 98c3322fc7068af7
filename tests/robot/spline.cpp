// ivy::robot::sample_spline_path on the backend under test. Expected values are independent of
// the library: the anchors themselves (the spline interpolates), affine functions (which every
// order reproduces exactly), the natural cubic spline through the anchors computed in the test
// by its tridiagonal system (what the order-3 polyharmonic spline is in one dimension), batch
// slices computed one at a time, typed errors, and finite-difference gradients.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/robot.hpp"
#include "support/finite_differences.hpp"
#include "support/library_error.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace robot = ivy::robot;
using ivy::Array;
using namespace ivy::testing::vision_cases;

std::vector<double> uniform(std::size_t n, double lo, double hi, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  std::vector<double> v(n);
  for (double& x : v) x = d(gen);
  return v;
}

// Non-uniform anchor locations in [0, 1].
const std::vector<double> kAnchors = {0.0, 0.18, 0.45, 0.6, 1.0};

// Tolerances: in float64 the kernel's clamp of r at 1e-6 (phi = 1e-9 on the fit's diagonal
// instead of 0) moves values by ~2e-7; in float32 the pinv solve's conditioning dominates.
double spline_tol() { return dtype() == ivy::float64 ? 1e-6 : 2e-3; }

void expect_near_all(const Array& got, const std::vector<double>& want, double tolerance) {
  const std::vector<double> g = got.to_vector<double>();
  ASSERT_EQ(g.size(), want.size());
  for (std::size_t i = 0; i < g.size(); ++i)
    EXPECT_NEAR(g[i], want[i], tolerance * std::max(1.0, std::abs(want[i]))) << "at " << i;
}

TEST(RobotSpline, PassesThroughItsAnchors) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> vals = uniform(5 * 3, -2.0, 2.0, 1);
  for (int order = 1; order <= 4; ++order) {
    const Array path = robot::sample_spline_path(make(kAnchors, {5, 1}), make(vals, {5, 3}),
                                                 make(kAnchors, {5, 1}), order);
    EXPECT_EQ(ivy::shape(path), (ivy::Shape{5, 3}));
    SCOPED_TRACE("order " + std::to_string(order));
    expect_near_all(path, vals, spline_tol());
  }
}

TEST(RobotSpline, TwoDimensionalLocationsPassThroughAnchors) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> locations = {0.1, 0.2, 0.9, 0.1, 0.5, 0.8,
                                         0.3, 0.6, 0.7, 0.5, 0.2, 0.9};
  const std::vector<double> vals = uniform(6, -1.0, 1.0, 2);
  const Array path = robot::sample_spline_path(make(locations, {6, 2}), make(vals, {6, 1}),
                                               make(locations, {6, 2}));
  expect_near_all(path, vals, spline_tol());
}

TEST(RobotSpline, ReproducesAffineFunctions) {
  IVY_VISION_SKIP_ON_STUB();
  // f(t) = (1.5 t - 0.3, -2 t + 0.7): the fit's kernel weights vanish and its affine term is f.
  std::vector<double> vals;
  for (double t : kAnchors) vals.insert(vals.end(), {1.5 * t - 0.3, -2.0 * t + 0.7});
  const std::vector<double> samples = uniform(7, 0.0, 1.0, 3);
  std::vector<double> want;
  for (double s : samples) want.insert(want.end(), {1.5 * s - 0.3, -2.0 * s + 0.7});
  for (int order = 1; order <= 4; ++order) {
    SCOPED_TRACE("order " + std::to_string(order));
    expect_near_all(robot::sample_spline_path(make(kAnchors, {5, 1}), make(vals, {5, 2}),
                                              make(samples, {7, 1}), order),
                    want, spline_tol());
  }
}

/** The natural cubic spline through (x_i, y_i) evaluated at s (second derivatives 0 at ends). */
double natural_cubic(const std::vector<double>& x, const std::vector<double>& y, double s) {
  const std::size_t n = x.size();
  std::vector<double> h(n - 1), m(n, 0.0), c(n, 0.0), d(n, 0.0);
  for (std::size_t i = 0; i + 1 < n; ++i) h[i] = x[i + 1] - x[i];
  // Thomas algorithm on the interior second derivatives m[1..n-2].
  std::vector<double> diag(n, 1.0), rhs(n, 0.0), upper(n, 0.0);
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double a = h[i - 1], b = 2 * (h[i - 1] + h[i]), u = h[i];
    const double r = 6 * ((y[i + 1] - y[i]) / h[i] - (y[i] - y[i - 1]) / h[i - 1]);
    const double denom = b - (i > 1 ? a * upper[i - 1] : 0.0);
    upper[i] = u / denom;
    rhs[i] = (r - (i > 1 ? a * rhs[i - 1] : 0.0)) / denom;
  }
  for (std::size_t i = n - 2; i >= 1; --i) m[i] = rhs[i] - upper[i] * m[i + 1];
  std::size_t k = 0;
  while (k + 2 < n && s > x[k + 1]) ++k;
  const double t0 = x[k + 1] - s, t1 = s - x[k];
  return m[k] * t0 * t0 * t0 / (6 * h[k]) + m[k + 1] * t1 * t1 * t1 / (6 * h[k]) +
         (y[k] / h[k] - m[k] * h[k] / 6) * t0 + (y[k + 1] / h[k] - m[k + 1] * h[k] / 6) * t1;
}

TEST(RobotSpline, OrderThreeIsTheNaturalCubicSplineInOneDimension) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> vals = uniform(5, -1.0, 1.0, 4);
  const std::vector<double> samples = {0.05, 0.2, 0.33, 0.5, 0.71, 0.9, 0.99};
  std::vector<double> want;
  for (double s : samples) want.push_back(natural_cubic(kAnchors, vals, s));
  expect_near_all(
      robot::sample_spline_path(make(kAnchors, {5, 1}), make(vals, {5, 1}), make(samples, {7, 1})),
      want, spline_tol());
}

TEST(RobotSpline, BatchedEqualsOneAtATimeAndBroadcasts) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> locations = [] {
    std::vector<double> v;
    for (int b = 0; b < 6; ++b)
      for (double t : kAnchors) v.push_back(t * (1.0 + 0.1 * b));
    return v;
  }();
  const std::vector<double> vals = uniform(6 * 5 * 2, -1.0, 1.0, 5);
  const std::vector<double> samples = uniform(6 * 4, 0.0, 1.0, 6);
  const Array batched = robot::sample_spline_path(
      make(locations, {2, 3, 5, 1}), make(vals, {2, 3, 5, 2}), make(samples, {2, 3, 4, 1}));
  ASSERT_EQ(ivy::shape(batched), (ivy::Shape{2, 3, 4, 2}));
  const std::vector<double> got = batched.to_vector<double>();
  for (int b = 0; b < 6; ++b) {
    const auto part = [b](const std::vector<double>& v, std::size_t n) {
      return std::vector<double>(v.begin() + b * static_cast<std::ptrdiff_t>(n),
                                 v.begin() + (b + 1) * static_cast<std::ptrdiff_t>(n));
    };
    const std::vector<double> one =
        robot::sample_spline_path(make(part(locations, 5), {5, 1}), make(part(vals, 10), {5, 2}),
                                  make(part(samples, 4), {4, 1}))
            .to_vector<double>();
    for (std::size_t i = 0; i < 8; ++i)
      EXPECT_NEAR(got[static_cast<std::size_t>(b) * 8 + i], one[i], spline_tol()) << b << " " << i;
  }
  // Unbatched locations and samples serve a batch of value sets.
  const Array broadcast = robot::sample_spline_path(make(kAnchors, {5, 1}), make(vals, {6, 5, 2}),
                                                    make(kAnchors, {5, 1}));
  ASSERT_EQ(ivy::shape(broadcast), (ivy::Shape{6, 5, 2}));
  expect_near_all(broadcast, vals, spline_tol());
}

TEST(RobotSpline, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  using ivy::testing::expect_library_error;
  const std::string fn = "ivy::robot::sample_spline_path";
  const Array a = make(kAnchors, {5, 1}), v = make(uniform(10, 0, 1, 7), {5, 2});
  expect_library_error<ivy::ShapeError>(
      [&] { robot::sample_spline_path(make(kAnchors, {5}), v, a); }, fn, "anchor_points");
  expect_library_error<ivy::ShapeError>(
      [&] {
        robot::sample_spline_path(a, make(uniform(8, 0, 1, 8), {4, 2}), a);
      },
      fn, "[4,2]");
  expect_library_error<ivy::ShapeError>(
      [&] {
        robot::sample_spline_path(a, v, make({0.1, 0.2, 0.3, 0.4}, {2, 2}));
      },
      fn, "sample_points");
  expect_library_error<ivy::ShapeError>(
      [&] {
        robot::sample_spline_path(make(uniform(10, 0, 1, 9), {2, 5, 1}),
                                  make(uniform(30, 0, 1, 9), {3, 5, 2}), a);
      },
      fn);
  expect_library_error<ivy::ValueError>([&] { robot::sample_spline_path(a, v, a, 0); }, fn,
                                        "order");
  expect_library_error<ivy::DTypeError>(
      [&] {
        robot::sample_spline_path(
            ivy::array(std::vector<double>{0, 1}, {2, 1},
                       ivy::Options(ivy::int32).on(ivy::backend(backend_under_test()))),
            make({1, 2}, {2, 1}), a);
      },
      fn, "anchor_points");
}

// ---- RigidMobile ----

const std::vector<double> kBody = {0, 0, 0, -0.15, 0, -0.15, 0.15, 0.2, 0.15};

/** R p + t for every pose m (3x4 row-major, or the top of 4x4) and body point p, in double. */
std::vector<double> placed(const std::vector<double>& mats, std::size_t rows) {
  std::vector<double> out;
  for (std::size_t k = 0; k < mats.size(); k += rows * 4)
    for (std::size_t p = 0; p < kBody.size(); p += 3)
      for (std::size_t r = 0; r < 3; ++r)
        out.push_back(mats[k + r * 4] * kBody[p] + mats[k + r * 4 + 1] * kBody[p + 1] +
                      mats[k + r * 4 + 2] * kBody[p + 2] + mats[k + r * 4 + 3]);
  return out;
}

TEST(RobotRigidMobile, SampleBodyPlacesEveryPointByEveryPose) {
  IVY_VISION_SKIP_ON_STUB();
  const robot::RigidMobile drone(make(kBody, {3, 3}));
  std::vector<double> mats;
  for (int b = 0; b < 6; ++b) {
    const double a = 0.4 * b, c = std::cos(a), s = std::sin(a);
    // A rotation about z by a, then the translation (b, -b, 0.5 b).
    mats.insert(mats.end(), {c, -s, 0, 1.0 * b, s, c, 0, -1.0 * b, 0, 0, 1, 0.5 * b});
  }
  const Array body = drone.sample_body(make(mats, {2, 3, 3, 4}));
  EXPECT_EQ(ivy::shape(body), (ivy::Shape{2, 3, 3, 3}));
  expect_near_all(body, placed(mats, 3), tol());
  // [4, 4] homogeneous poses give the same points.
  std::vector<double> homo;
  for (std::size_t k = 0; k < mats.size(); k += 12) {
    homo.insert(homo.end(), mats.begin() + static_cast<std::ptrdiff_t>(k),
                mats.begin() + static_cast<std::ptrdiff_t>(k + 12));
    homo.insert(homo.end(), {0, 0, 0, 1});
  }
  expect_near_all(drone.sample_body(make(homo, {6, 4, 4})), placed(mats, 3), tol());
}

TEST(RobotRigidMobile, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  using ivy::testing::expect_library_error;
  expect_library_error<ivy::ShapeError>([&] { robot::RigidMobile(make(kBody, {9})); },
                                        "ivy::robot::RigidMobile", "[NBP,3]");
  const robot::RigidMobile drone(make(kBody, {3, 3}));
  expect_library_error<ivy::ShapeError>(
      [&] {
        drone.sample_body(make(std::vector<double>(9, 0.0), {3, 3}));
      },
      "ivy::robot::RigidMobile.sample_body", "[3,3]");
}

// ---- Gradients against central finite differences (float64) ----

std::vector<ivy::testing::GradientCase> grad_cases() {
  const auto f64 = [](const std::vector<double>& v, const ivy::Shape& s) {
    return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
  };
  return {
      {"sample_spline_path_wrt_anchor_vals",
       [f64](const Array& vals) {
         return robot::sample_spline_path(f64(kAnchors, {5, 1}), vals,
                                          f64({0.1, 0.3, 0.55, 0.8}, {4, 1}));
       },
       uniform(10, -1, 1, 10),
       {5, 2}},
      {"sample_spline_path_wrt_sample_points",
       [f64](const Array& samples) {
         return robot::sample_spline_path(f64(kAnchors, {5, 1}), f64(uniform(5, -1, 1, 11), {5, 1}),
                                          samples, 3);
       },
       {0.1, 0.3, 0.55, 0.8},
       {4, 1}},
      {"rigid_mobile_sample_body_wrt_poses",
       [f64](const Array& mats) {
         return robot::RigidMobile(f64(kBody, {3, 3})).sample_body(mats);
       },
       uniform(24, -1, 1, 12),
       {2, 3, 4}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(Robot, RobotGradient, grad_cases, 1e-5);

}  // namespace
