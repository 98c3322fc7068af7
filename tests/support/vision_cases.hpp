#pragma once
// What the ivy::vision test files share: the backend's float dtype and tolerance, arrays from
// host values, closeness checks, the reference camera (K, a rotation and a centre) and the check
// that an error is typed and names the function and backend.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/library_error.hpp"
#include "support/support_record.hpp"

namespace ivy::testing::vision_cases {
using ivy::Array;
using ivy::testing::backend_under_test;

#define IVY_VISION_SKIP_ON_STUB() \
  if (backend_under_test() == "stub") GTEST_SKIP() << "the stub backend holds no arrays"

inline const double kPi = std::numbers::pi;

inline ivy::DType dtype() {
  return ivy::supports_dtype(ivy::backend(backend_under_test()), ivy::float64) ? ivy::float64
                                                                               : ivy::float32;
}
inline double tol() { return dtype() == ivy::float64 ? 1e-9 : 2e-4; }
inline ivy::Options opts() { return ivy::Options(dtype()).on(ivy::backend(backend_under_test())); }

inline Array make(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, opts());
}

inline void expect_close(const Array& a, const std::vector<double>& want, const ivy::Shape& shape,
                         double scale = 1.0) {
  ASSERT_EQ(ivy::shape(a), shape);
  const std::vector<double> got = a.to_vector<double>();
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got[i], want[i], tol() * scale * std::max(1.0, std::abs(want[i]))) << "at " << i;
}
inline void expect_close(const Array& a, const Array& b, double scale = 1.0) {
  expect_close(a, b.to_vector<double>(), ivy::shape(b), scale);
}

// A camera with positive focal lengths fx = 50, fy = 40 and principal point (3.5, 2.5).
constexpr double kFx = 50, kFy = 40, kPx = 3.5, kPy = 2.5;
inline Array calib() { return make({kFx, 0, kPx, 0, kFy, kPy, 0, 0, 1}, {3, 3}); }

// A rotation about z by 0.3 then about x by -0.5 and a centre c = (0.4, -1.2, 2.0).
inline std::vector<double> rotation() {
  const double a = 0.3, b = -0.5;
  const double rz[9] = {std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1};
  const double rx[9] = {1, 0, 0, 0, std::cos(b), -std::sin(b), 0, std::sin(b), std::cos(b)};
  std::vector<double> r(9, 0.0);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k) r[i * 3 + j] += rx[i * 3 + k] * rz[k * 3 + j];
  return r;
}
inline const std::array<double, 3> kCentre = {0.4, -1.2, 2.0};

// A second camera for two-view cases: a rotation about y by 0.2 and a centre c2 = (1, 0.5, -1).
inline std::vector<double> rotation2() {
  const double a = 0.2;
  return {std::cos(a), 0, std::sin(a), 0, 1, 0, -std::sin(a), 0, std::cos(a)};
}
inline const std::array<double, 3> kCentre2 = {1.0, 0.5, -1.0};

// ---- Host (double) geometry for expected values: row-major matrices, points as arrays ----

using Vec3 = std::array<double, 3>;

/** a [n x k] times b [k x m], row-major. */
inline std::vector<double> host_matmul(const std::vector<double>& a, const std::vector<double>& b,
                                       int n, int k, int m) {
  std::vector<double> out(static_cast<std::size_t>(n * m), 0.0);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j)
      for (int l = 0; l < k; ++l)
        out[static_cast<std::size_t>(i * m + j)] +=
            a[static_cast<std::size_t>(i * k + l)] * b[static_cast<std::size_t>(l * m + j)];
  return out;
}

/** E = R [I | -c], 3 x 4 row-major. */
inline std::vector<double> host_ext_mat(const std::vector<double>& r, const Vec3& c) {
  std::vector<double> e;
  for (std::size_t i = 0; i < 3; ++i) {
    const double t = -(r[i * 3] * c[0] + r[i * 3 + 1] * c[1] + r[i * 3 + 2] * c[2]);
    e.insert(e.end(), {r[i * 3], r[i * 3 + 1], r[i * 3 + 2], t});
  }
  return e;
}

/** P = K E with the reference K, 3 x 4 row-major. */
inline std::vector<double> host_full_mat(const std::vector<double>& ext) {
  return host_matmul({kFx, 0, kPx, 0, kFy, kPy, 0, 0, 1}, ext, 3, 3, 4);
}

/** M (x, 1) for a 3 x 4 matrix M: a camera point for E, a depth-scaled pixel for P. */
inline Vec3 host_apply(const std::vector<double>& m, const Vec3& x) {
  Vec3 out{};
  for (std::size_t i = 0; i < 3; ++i)
    out[i] = m[i * 4] * x[0] + m[i * 4 + 1] * x[1] + m[i * 4 + 2] * x[2] + m[i * 4 + 3];
  return out;
}

/** The reference camera's point at pixel (x, y) and depth d, in camera coordinates. */
inline Vec3 host_unproject(double x, double y, double d) {
  return {(x - kPx) / kFx * d, (y - kPy) / kFy * d, d};
}

/** R^T (p - t) for E = [R | t]: a camera point back in the world. */
inline Vec3 host_cam_to_world(const std::vector<double>& ext, const Vec3& p) {
  Vec3 q{p[0] - ext[3], p[1] - ext[7], p[2] - ext[11]};
  Vec3 out{};
  for (std::size_t j = 0; j < 3; ++j)
    out[j] = ext[j] * q[0] + ext[4 + j] * q[1] + ext[8 + j] * q[2];
  return out;
}

template <class E>
inline void expect_error(const std::function<void()>& f, const std::string& fn,
                         const std::string& detail = "") {
  ivy::testing::expect_library_error<E>(f, "ivy::vision::" + fn, detail);
}

}  // namespace ivy::testing::vision_cases
