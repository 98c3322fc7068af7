// ivy::vision two-view geometry on the backend under test. Expected values are independent:
// world points projected into two cameras on the host in double (triangulation must give the
// depths back, corresponding pixels must satisfy x2^T F x1 = 0), F against the closed form
// K^-T [t]x R K^-1, hand-checkable rays, null vectors of matrices built rank-deficient, and the
// typed errors for bad inputs.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/mech.hpp"
#include "ivy/vision.hpp"
#include "support/finite_differences.hpp"
#include "support/support_record.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace vision = ivy::vision;
using namespace ivy::testing::vision_cases;

// The two reference cameras: E_k = R_k [I | -c_k], P_k = K E_k (host, row-major 3 x 4).
std::vector<double> ext1() { return host_ext_mat(rotation(), kCentre); }
std::vector<double> ext2() { return host_ext_mat(rotation2(), kCentre2); }

// World points seen by camera 1 at pixels (x, y) and depths d, in front of both cameras.
std::vector<Vec3> world_points() {
  const std::vector<std::array<double, 3>> xyd = {{0.5, 1.0, 2.0}, {6.0, 0.0, 3.5},
                                                  {2.0, 4.0, 2.5}, {7.0, 5.0, 4.0},
                                                  {3.0, 2.0, 3.0}, {1.0, 3.0, 2.2}};
  std::vector<Vec3> out;
  for (const auto& p : xyd)
    out.push_back(host_cam_to_world(ext1(), host_unproject(p[0], p[1], p[2])));
  return out;
}

// Ego-sphere coordinates of a camera point, as single_view_geometry.hpp defines them.
Vec3 sphere_of(const Vec3& c) {
  return {std::atan2(c[0], c[2]), std::atan2(std::hypot(c[2], c[0]), c[1]),
          std::sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2])};
}

// E2 E1^-1 = [R2 R1^T | t2 - R2 R1^T t1] (host).
std::vector<double> ext1to2() {
  const std::vector<double> r1 = rotation(), r2 = rotation2();
  const std::vector<double> r1t = {r1[0], r1[3], r1[6], r1[1], r1[4], r1[7], r1[2], r1[5], r1[8]};
  const std::vector<double> r = host_matmul(r2, r1t, 3, 3, 3);
  const std::vector<double> e1 = ext1(), e2 = ext2();
  std::vector<double> out;
  for (std::size_t i = 0; i < 3; ++i) {
    const double t =
        e2[i * 4 + 3] - (r[i * 3] * e1[3] + r[i * 3 + 1] * e1[7] + r[i * 3 + 2] * e1[11]);
    out.insert(out.end(), {r[i * 3], r[i * 3 + 1], r[i * 3 + 2], t});
  }
  return out;
}

Array unit_frobenius(const Array& f) {
  return ivy::divide(f, ivy::sqrt(ivy::sum(ivy::multiply(f, f), ivy::Axes{-2, -1}, true)));
}

std::vector<double> concat(std::vector<double> a, const std::vector<double>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Batch [2]: the true camera-1-to-2 motion, then the identity (coordinates unchanged).
TEST(VisionTwoView, SphereToSphereCoords) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Vec3> world = world_points();
  const std::vector<double> e1 = ext1(), e2 = ext2();
  std::vector<double> s1, want;
  for (const Vec3& w : world) {
    const Vec3 a = sphere_of(host_apply(e1, w));
    s1.insert(s1.end(), a.begin(), a.end());
  }
  for (const Vec3& w : world) {
    const Vec3 b = sphere_of(host_apply(e2, w));
    want.insert(want.end(), b.begin(), b.end());
  }
  want.insert(want.end(), s1.begin(), s1.end());
  const Array sph1 = make(concat(s1, s1), {2, 2, 3, 3});
  const Array e12 = make(concat(ext1to2(), {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}), {2, 3, 4});
  expect_close(vision::sphere_to_sphere_coords(sph1, e12), want, {2, 2, 3, 3}, 100);
  // Unbatched, with the homogeneous 4 x 4 matrix.
  const Array e12h = ivy::mech::make_transformation_homogeneous(make(ext1to2(), {3, 4}));
  expect_close(vision::sphere_to_sphere_coords(make(s1, {6, 3}), e12h),
               std::vector<double>(want.begin(), want.begin() + 18), {6, 3}, 100);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_to_sphere_coords(make(s1, {9, 2}), e12h);
      },
      "sphere_to_sphere_coords", "sphere_coords1");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_to_sphere_coords(make(s1, {6, 3}), e12);
      },
      "sphere_to_sphere_coords", "must lead");
}

TEST(VisionTwoView, AngularPixelToAngularPixelCoords) {
  IVY_VISION_SKIP_ON_STUB();
  const double ppd = 2.0;
  const auto angular = [ppd](const Vec3& s) {
    const double pd = s[0] * 180 / kPi, td = s[1] * 180 / kPi;
    return Vec3{std::fmod(std::fmod(180 - pd, 360) + 360, 360) * ppd, std::fmod(td, 180) * ppd,
                s[2]};
  };
  std::vector<double> a1, want;
  for (const Vec3& w : world_points()) {
    const Vec3 p = angular(sphere_of(host_apply(ext1(), w)));
    const Vec3 q = angular(sphere_of(host_apply(ext2(), w)));
    a1.insert(a1.end(), p.begin(), p.end());
    want.insert(want.end(), q.begin(), q.end());
  }
  const Array e12 = make(ext1to2(), {3, 4});
  expect_close(vision::angular_pixel_to_angular_pixel_coords(make(a1, {6, 3}), e12, ppd), want,
               {6, 3}, 100);
  expect_close(vision::angular_pixel_to_angular_pixel_coords(
                   make(a1, {1, 6, 3}), ivy::broadcast_to(e12, {1, 3, 4}), ppd),
               want, {1, 6, 3}, 100);
  expect_error<ivy::ValueError>(
      [&] {
        vision::angular_pixel_to_angular_pixel_coords(make(a1, {6, 3}), e12, -1.0);
      },
      "angular_pixel_to_angular_pixel_coords", "pixels_per_degree");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::angular_pixel_to_angular_pixel_coords(make(a1, {6, 3}), calib(), ppd);
      },
      "angular_pixel_to_angular_pixel_coords", "cam1to2_ext_mat");
}

// F from the two full matrices: corresponding pixels satisfy x2^T F x1 = 0, and F is
// proportional to the closed form K^-T [t]x R K^-1 of the relative pose (R, t) = E2 E1^-1.
TEST(VisionTwoView, FundamentalMatrix) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> p1 = host_full_mat(ext1()), p2 = host_full_mat(ext2());
  const Array f = vision::get_fundamental_matrix(make(p1, {3, 4}), make(p2, {3, 4}));
  ASSERT_EQ(ivy::shape(f), (ivy::Shape{3, 3}));
  const std::vector<double> fv = f.to_vector<double>();
  double fnorm = 0;
  for (double v : fv) fnorm += v * v;
  fnorm = std::sqrt(fnorm);
  ASSERT_GT(fnorm, 0);
  for (const Vec3& w : world_points()) {
    Vec3 x1 = host_apply(p1, w), x2 = host_apply(p2, w);
    for (Vec3* x : {&x1, &x2}) *x = {(*x)[0] / (*x)[2], (*x)[1] / (*x)[2], 1.0};
    double r = 0;
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < 3; ++j) r += x2[i] * fv[i * 3 + j] * x1[j];
    const double n1 = std::hypot(x1[0], x1[1], 1.0), n2 = std::hypot(x2[0], x2[1], 1.0);
    EXPECT_NEAR(r / (fnorm * n1 * n2), 0.0, 100 * tol());
  }
  // Closed form: K^-1 = [[1/fx, 0, -px/fx], [0, 1/fy, -py/fy], [0, 0, 1]].
  const std::vector<double> e12 = ext1to2();
  const std::vector<double> rr = {e12[0], e12[1], e12[2], e12[4], e12[5],
                                  e12[6], e12[8], e12[9], e12[10]};
  const std::vector<double> tx = {0, -e12[11], e12[7], e12[11], 0, -e12[3], -e12[7], e12[3], 0};
  const std::vector<double> kinv = {1 / kFx, 0, -kPx / kFx, 0, 1 / kFy, -kPy / kFy, 0, 0, 1};
  const std::vector<double> kinv_t = {kinv[0], kinv[3], kinv[6], kinv[1], kinv[4],
                                      kinv[7], kinv[2], kinv[5], kinv[8]};
  const std::vector<double> ref =
      host_matmul(kinv_t, host_matmul(tx, host_matmul(rr, kinv, 3, 3, 3), 3, 3, 3), 3, 3, 3);
  double dot = 0, rn = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    dot += fv[i] * ref[i];
    rn += ref[i] * ref[i];
  }
  // Both scaled to unit Frobenius norm, with F's sign.
  std::vector<double> want;
  for (double v : ref) want.push_back(v / std::sqrt(rn) * (dot > 0 ? 1 : -1));
  expect_close(unit_frobenius(f), want, {3, 3}, 100);
  // Given centre and pseudo-inverse, and a batch of two (the second pair swapped: F21 = F12^T).
  const Array pinv1 = vision::projection_matrix_pseudo_inverse(make(p1, {3, 4}));
  expect_close(
      vision::get_fundamental_matrix(make(p1, {3, 4}), make(p2, {3, 4}),
                                     make({kCentre[0], kCentre[1], kCentre[2]}, {3, 1}), pinv1),
      f, 100);
  const Array fb = vision::get_fundamental_matrix(make(concat(p1, p2), {2, 3, 4}),
                                                  make(concat(p2, p1), {2, 3, 4}));
  const std::vector<double> fbv = unit_frobenius(fb).to_vector<double>();
  const std::vector<double> fu = unit_frobenius(f).to_vector<double>();
  double along = 0;
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) along += fbv[9 + j * 3 + i] * fu[i * 3 + j];
  const double sign = along > 0 ? 1 : -1;
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_NEAR(fbv[i * 3 + j], fu[i * 3 + j], 100 * tol());
      EXPECT_NEAR(fbv[9 + j * 3 + i], sign * fu[i * 3 + j], 100 * tol());
    }
  expect_error<ivy::ShapeError>(
      [&] {
        vision::get_fundamental_matrix(calib(), make(p2, {3, 4}));
      },
      "get_fundamental_matrix", "full_mat1");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::get_fundamental_matrix(make(concat(p1, p2), {2, 3, 4}), make(p2, {3, 4}));
      },
      "get_fundamental_matrix", "batch shapes differ");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::get_fundamental_matrix(make(p1, {3, 4}), make(p2, {3, 4}), make({1, 2, 3}, {3}));
      },
      "get_fundamental_matrix", "camera_center1");
}

TEST(VisionTwoView, ClosestMutualPoints) {
  IVY_VISION_SKIP_ON_STUB();
  // Rays from C0 and C1 through world points W (directions W - C of different lengths) meet at W.
  const std::vector<Vec3> world = world_points();
  const Vec3 c0 = kCentre, c1 = kCentre2;
  std::vector<double> rays0, rays1, want;
  for (std::size_t i = 0; i < world.size(); ++i) {
    const double s0 = 0.5 + 0.1 * double(i), s1 = 2.0 - 0.2 * double(i);
    for (std::size_t k = 0; k < 3; ++k) {
      rays0.push_back(s0 * (world[i][k] - c0[k]));
      rays1.push_back(s1 * (world[i][k] - c1[k]));
    }
    want.insert(want.end(), {world[i][0], world[i][1], world[i][2], 1.0});
  }
  const Array centres = make({c0[0], c0[1], c0[2], c1[0], c1[1], c1[2]}, {2, 3, 1});
  const Array out = vision::closest_mutual_points_along_two_skew_rays(
      centres, make(concat(rays0, rays1), {2, 2, 3, 3}));
  expect_close(out, concat(want, want), {2, 2, 3, 4}, 100);
  // Batched: [2] copies, and skew rays by hand: the x axis and the line (0, 1, t) are closest at
  // (0, 0, 0) and (0, 1, 0).
  const Array skew = vision::closest_mutual_points_along_two_skew_rays(
      make({0, 0, 0, 0, 1, 5}, {1, 2, 3, 1}), make({2, 0, 0, 0, 0, -1}, {1, 2, 1, 3}));
  expect_close(skew, {0, 0, 0, 1, 0, 1, 0, 1}, {1, 2, 1, 4});
  // Parallel rays have no unique closest points.
  const Array par = vision::closest_mutual_points_along_two_skew_rays(
      make({0, 0, 0, 0, 1, 0}, {2, 3, 1}), make({1, 0, 0, 2, 0, 0}, {2, 3}));
  const std::vector<double> pv = par.to_vector<double>();
  EXPECT_TRUE(std::isnan(pv[0])) << pv[0];
  expect_error<ivy::ShapeError>(
      [&] {
        vision::closest_mutual_points_along_two_skew_rays(make({0, 0, 0}, {3, 1}),
                                                          make({1, 0, 0}, {3}));
      },
      "closest_mutual_points_along_two_skew_rays", "camera_centers");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::closest_mutual_points_along_two_skew_rays(centres, make(rays0, {6, 3}));
      },
      "closest_mutual_points_along_two_skew_rays", "must lead");
}

// The world points projected into both cameras, then triangulated: camera 1's depth-scaled
// pixels come back. Camera 2's pixels are given homogeneous (any scale works).
struct TriangulationCase {
  std::vector<double> pixels;  // 2 x 2 x 3 x 3
  std::vector<double> want;    // 2 x 3 x 3 (camera 1's ds pixels)
};
TriangulationCase triangulation_case() {
  TriangulationCase c;
  const std::vector<double> p1 = host_full_mat(ext1()), p2 = host_full_mat(ext2());
  std::vector<double> second;
  for (const Vec3& w : world_points()) {
    const Vec3 a = host_apply(p1, w), b = host_apply(p2, w);
    c.pixels.insert(c.pixels.end(), a.begin(), a.end());
    c.want.insert(c.want.end(), a.begin(), a.end());
    second.insert(second.end(), {b[0] / b[2], b[1] / b[2], 1.0});
  }
  c.pixels.insert(c.pixels.end(), second.begin(), second.end());
  return c;
}
Array full_mats() { return make(concat(host_full_mat(ext1()), host_full_mat(ext2())), {2, 3, 4}); }

TEST(VisionTwoView, TriangulateDepthBothMethods) {
  IVY_VISION_SKIP_ON_STUB();
  const TriangulationCase c = triangulation_case();
  const Array pix = make(c.pixels, {2, 2, 3, 3});
  for (const char* method : {"cmp", "dlt"}) {
    SCOPED_TRACE(method);
    expect_close(vision::triangulate_depth(pix, full_mats(), std::nullopt, std::nullopt, method),
                 c.want, {2, 3, 3}, 1e3);
    // Batch [2] and homogeneous 4 x 4 matrices.
    const Array pb = ivy::broadcast_to(pix, {2, 2, 2, 3, 3});
    const Array fb =
        ivy::broadcast_to(ivy::mech::make_transformation_homogeneous(full_mats()), {2, 2, 4, 4});
    expect_close(vision::triangulate_depth(pb, fb, std::nullopt, std::nullopt, method),
                 concat(c.want, c.want), {2, 2, 3, 3}, 1e3);
  }
  // cmp with the inverses and centres given.
  const Array inv = ivy::inv(ivy::mech::make_transformation_homogeneous(full_mats()));
  const Array centres =
      make({kCentre[0], kCentre[1], kCentre[2], kCentre2[0], kCentre2[1], kCentre2[2]}, {2, 3, 1});
  expect_close(vision::triangulate_depth(pix, full_mats(), inv, centres, "cmp"), c.want, {2, 3, 3},
               1e3);
  expect_close(vision::triangulate_depth(pix, full_mats(), inv), c.want, {2, 3, 3}, 1e3);
  expect_error<ivy::ValueError>(
      [&] { vision::triangulate_depth(pix, full_mats(), std::nullopt, std::nullopt, "cmt"); },
      "triangulate_depth", "cmp|dlt");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::triangulate_depth(pix, make(host_full_mat(ext1()), {3, 4}));
      },
      "triangulate_depth", "full_mats");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::triangulate_depth(make(c.want, {2, 3, 3}),
                                  ivy::broadcast_to(full_mats(), {3, 2, 3, 4}));
      },
      "triangulate_depth", "must lead");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::triangulate_depth(pix, full_mats(), std::nullopt, make({1, 2, 3}, {3, 1}));
      },
      "triangulate_depth", "camera_centers");
}

// A = R (I - n n^T) has rank 3 and null vector n; a 5 x 4 A = [A; a^T] with a . n = 0 too.
TEST(VisionTwoView, SolveHomogeneousDlt) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<std::array<double, 4>> normals = {{1, -2, 0.5, 3}, {0.2, 0.1, -1, 0.4}};
  const std::vector<double> r = {2, 1, 0, 3, -1, 4, 1, 0, 0.5, 2, -3, 1, 1, 1, 1, -2};
  std::vector<double> mats, tall;
  std::vector<std::array<double, 4>> units;
  for (const auto& n0 : normals) {
    const double len = std::sqrt(n0[0] * n0[0] + n0[1] * n0[1] + n0[2] * n0[2] + n0[3] * n0[3]);
    std::array<double, 4> n{};
    for (std::size_t i = 0; i < 4; ++i) n[i] = n0[i] / len;
    units.push_back(n);
    std::vector<double> proj(16);
    for (std::size_t i = 0; i < 4; ++i)
      for (std::size_t j = 0; j < 4; ++j) proj[i * 4 + j] = (i == j ? 1.0 : 0.0) - n[i] * n[j];
    const std::vector<double> a = host_matmul(r, proj, 4, 4, 4);
    mats.insert(mats.end(), a.begin(), a.end());
    tall.insert(tall.end(), a.begin(), a.end());
    tall.insert(tall.end(), {n[1], -n[0], 0, 0});  // orthogonal to n
  }
  const auto check = [&](const Array& x, const std::vector<double>& a, std::int64_t m) {
    ASSERT_EQ(ivy::shape(x), (ivy::Shape{2, 4}));
    const std::vector<double> v = x.to_vector<double>();
    for (std::size_t b = 0; b < 2; ++b) {
      double len = 0, along = 0;
      for (std::size_t i = 0; i < 4; ++i) {
        len += v[b * 4 + i] * v[b * 4 + i];
        along += v[b * 4 + i] * units[b][i];
      }
      EXPECT_NEAR(len, 1.0, 10 * tol());
      EXPECT_NEAR(std::abs(along), 1.0, 100 * tol());
      for (std::int64_t i = 0; i < m; ++i) {
        double ax = 0;
        for (std::size_t j = 0; j < 4; ++j)
          ax += a[b * std::size_t(m) * 4 + std::size_t(i) * 4 + j] * v[b * 4 + j];
        EXPECT_NEAR(ax, 0.0, 100 * tol()) << "row " << i;
      }
    }
  };
  check(vision::solve_homogeneous_dlt(make(mats, {2, 4, 4})), mats, 4);
  check(vision::solve_homogeneous_dlt(make(tall, {2, 5, 4})), tall, 5);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::solve_homogeneous_dlt(make(host_full_mat(ext1()), {3, 4}));
      },
      "solve_homogeneous_dlt", "m >= d");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::solve_homogeneous_dlt(make({1, 2}, {2}));
      },
      "solve_homogeneous_dlt", "[2]");
}

// ---- Gradients against central finite differences (float64) ----

using GradCase = ivy::testing::GradientCase;

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}

std::vector<GradCase> grad_cases() {
  const TriangulationCase c = triangulation_case();
  const std::vector<double> fm = concat(host_full_mat(ext1()), host_full_mat(ext2()));
  return {
      {"sphere_to_sphere_coords",
       [](const Array& s) {
         return vision::sphere_to_sphere_coords(s, f64(ext1to2(), {3, 4}));
       },
       {0.3, 1.1, 2.0, -0.5, 0.7, 3.0},
       {2, 3}},
      {"angular_pixel_to_angular_pixel_coords",
       [](const Array& a) {
         return vision::angular_pixel_to_angular_pixel_coords(a, f64(ext1to2(), {3, 4}), 2.0);
       },
       {300, 170, 2.0, 410, 120, 3.0},
       {2, 3}},
      {"get_fundamental_matrix_wrt_full_mat1",
       [fm](const Array& p1) {
         return vision::get_fundamental_matrix(
             p1, f64(std::vector<double>(fm.begin() + 12, fm.end()), {3, 4}));
       },
       std::vector<double>(fm.begin(), fm.begin() + 12),
       {3, 4}},
      {"closest_mutual_points_along_two_skew_rays",
       [](const Array& rays) {
         return vision::closest_mutual_points_along_two_skew_rays(
             f64({0.4, -1.2, 2, 1, 0.5, -1}, {2, 3, 1}), rays);
       },
       {0.1, -0.3, 1.0, -0.4, 0.2, 1.1, 0.3, 0.1, 1.2, -0.2, -0.5, 0.9},
       {2, 2, 3}},
      {"triangulate_depth_cmp",
       [fm](const Array& p) {
         return vision::triangulate_depth(p, f64(fm, {2, 3, 4}));
       },
       c.pixels,
       {2, 6, 3}},
      {"triangulate_depth_dlt",
       [fm](const Array& p) {
         return vision::triangulate_depth(p, f64(fm, {2, 3, 4}), std::nullopt, std::nullopt, "dlt");
       },
       c.pixels,
       {2, 6, 3}},
      {"solve_homogeneous_dlt_dehomogenised",
       [](const Array& a) {
         const Array x = vision::solve_homogeneous_dlt(a);
         return ivy::divide(x, ivy::slice(x, {{}, {3, 4}}));
       },
       {2,   1,   0, 3, -1, 4, 1, 0, 0.5, 2, -3, 1, 1, 1, 1, -2.2,
        0.3, 0.2, 1, 2, 1,  1, 3, 0, 2,   1, 0,  1, 0, 2, 1, 0.01},
       {2, 4, 4}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(VisionTwoView, VisionTwoViewGradient, grad_cases, 1e-5);

}  // namespace
