// ivy::mech properties on the backend under test: round trips between every pair of
// representations (rotation matrix, quaternion, axis-angle, polar axis-angle, rotation vector,
// Euler angles in the 12 conventions), closed-form rotations, orthonormality, unit
// quaternions, Hamilton product algebra, gimbal lock at and near it, the identity and half
// turns, batch shapes and the random rotations. Fixture comparisons with SciPy are in
// tests/data/mech.json.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/mech.hpp"
#include "support/support_record.hpp"

namespace {
namespace mech = ivy::mech;
using ivy::Array;
using ivy::testing::backend_under_test;

#define IVY_MECH_SKIP_ON_STUB()                                                          \
  if (backend_under_test() == "stub")                                                    \
  GTEST_SKIP() << "the stub backend holds no arrays (creation throws UnsupportedError, " \
                  "see Framework.StubCreationIsUnsupportedNamingStub)"

const double kPi = mech::PI;

Array make(const std::vector<double>& values, const ivy::Shape& shape, ivy::DType d) {
  return ivy::array(values, shape, ivy::Options(d).on(ivy::backend(backend_under_test())));
}

double tolerance(ivy::DType d) { return d == ivy::float64 ? 1e-9 : 2e-5; }

double max_abs_diff(const Array& a, const Array& b) {
  EXPECT_EQ(ivy::shape(a), ivy::shape(b));
  const std::vector<double> x = a.to_vector<double>(), y = b.to_vector<double>();
  double worst = 0;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    const double d = std::abs(x[i] - y[i]);
    worst = std::isnan(d) ? INFINITY : std::max(worst, d);
  }
  return worst;
}

bool all_finite(const Array& a) {
  for (double v : a.to_vector<double>())
    if (!std::isfinite(v)) return false;
  return true;
}

/**
 * Unit quaternions [n, 4] (qi, qj, qk, qr): the identity, half turns about x, y, z and a
 * diagonal axis, tiny rotations, rotations within 1e-7 of a half turn, and generic ones.
 */
std::vector<double> test_quaternions() {
  const double s = std::sqrt(0.5);
  std::vector<std::vector<double>> q = {
      {0, 0, 0, 1},          {1, 0, 0, 0},        {0, 1, 0, 0},          {0, 0, 1, 0},
      {s, s, 0, 0},          {0, 0, 0, -1},       {1e-9, 0, 0, 1},       {0, 2e-6, 0, 1},
      {1, 0, 0, 1e-7},       {0, s, s, -1e-8},    {0.1, -0.7, 0.3, 0.5}, {-0.4, 0.2, 0.8, -0.3},
      {0.9, 0.1, -0.2, 0.3}, {0.2, 0.3, 0.4, 0.8}};
  std::vector<double> flat;
  for (auto& v : q) {
    double n = 0;
    for (double x : v) n += x * x;
    for (double x : v) flat.push_back(x / std::sqrt(n));
  }
  return flat;
}

/** A representation: its name, how to get it from a rotation matrix and back. */
struct Representation {
  std::string name;
  std::function<Array(const Array&)> from_rot_mat;
  std::function<Array(const Array&)> to_rot_mat;
};

std::vector<Representation> representations() {
  std::vector<Representation> reps = {
      {"rot_mat", [](const Array& m) { return m; }, [](const Array& m) { return m; }},
      {"quaternion", [](const Array& m) { return mech::rot_mat_to_quaternion(m); },
       [](const Array& q) { return mech::quaternion_to_rot_mat(q); }},
      {"axis_angle", [](const Array& m) { return mech::rot_mat_to_axis_angle(m); },
       [](const Array& a) { return mech::axis_angle_to_rot_mat(a); }},
      {"polar_axis_angle",
       [](const Array& m) {
         return mech::quaternion_to_polar_axis_angle(mech::rot_mat_to_quaternion(m));
       },
       [](const Array& p) {
         return mech::quaternion_to_rot_mat(mech::polar_axis_angle_to_quaternion(p));
       }},
      {"rotation_vector",
       [](const Array& m) {
         return mech::quaternion_to_rotation_vector(mech::rot_mat_to_quaternion(m));
       },
       [](const Array& r) { return mech::rot_vec_to_rot_mat(r); }},
  };
  for (std::string_view conv : mech::VALID_EULER_CONVENTIONS) {
    const std::string c(conv);
    reps.push_back({"euler_" + c, [c](const Array& m) { return mech::rot_mat_to_euler(m, c); },
                    [c](const Array& e) { return mech::euler_to_rot_mat(e, c); }});
  }
  return reps;
}

/**
 * The direct conversion X -> Y where the library has one (else through the rotation matrix),
 * so that every function takes part in some round trip.
 */
Array convert(const Representation& from, const Representation& to, const Array& x) {
  const std::string& f = from.name;
  const std::string& t = to.name;
  const bool to_euler = t.rfind("euler_", 0) == 0;
  const std::string conv = to_euler ? t.substr(6) : "";
  if (f == "quaternion") {
    if (t == "axis_angle") return mech::quaternion_to_axis_angle(x);
    if (t == "polar_axis_angle") return mech::quaternion_to_polar_axis_angle(x);
    if (t == "rotation_vector") return mech::quaternion_to_rotation_vector(x);
    if (to_euler) return mech::quaternion_to_euler(x, conv);
  }
  if (f == "axis_angle") {
    if (t == "quaternion") return mech::axis_angle_to_quaternion(x);
    if (to_euler) return mech::axis_angle_to_euler(x, conv);
  }
  if (f == "polar_axis_angle" && t == "quaternion") return mech::polar_axis_angle_to_quaternion(x);
  if (f == "rotation_vector" && t == "quaternion") return mech::rotation_vector_to_quaternion(x);
  if (f.rfind("euler_", 0) == 0) {
    const std::string fc = f.substr(6);
    if (t == "quaternion") return mech::euler_to_quaternion(x, fc);
    if (t == "axis_angle") return mech::euler_to_axis_angle(x, fc);
  }
  return to.from_rot_mat(from.to_rot_mat(x));
}

class MechDtypes : public ::testing::TestWithParam<ivy::DType> {};

TEST_P(MechDtypes, EveryPairOfRepresentationsRoundTrips) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const std::vector<double> qs = test_quaternions();
  const auto n = static_cast<std::int64_t>(qs.size() / 4);
  const Array q = make(qs, {n, 4}, d);
  const Array rot = mech::quaternion_to_rot_mat(q);
  double worst = 0;
  std::string worst_pair;
  for (const Representation& from : representations()) {
    const Array x = from.from_rot_mat(rot);
    ASSERT_TRUE(all_finite(x)) << from.name;
    for (const Representation& to : representations()) {
      const Array y = convert(from, to, x);
      ASSERT_TRUE(all_finite(y)) << from.name << " -> " << to.name;
      const double err = max_abs_diff(to.to_rot_mat(y), rot);
      EXPECT_LE(err, 4 * tolerance(d)) << from.name << " -> " << to.name;
      if (err > worst) worst = err, worst_pair = from.name + " -> " + to.name;
    }
  }
  std::cout << "[mech] worst round-trip error (" << ivy::dtype_name(d) << ", "
            << backend_under_test() << "): " << worst << " (" << worst_pair << ")\n";
}

TEST_P(MechDtypes, RotationMatricesAreOrthonormalAndQuaternionsUnit) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const Array e = make({0.3, -1.2, 2.9, 1.0, 0.5, -0.25, -2.0, 1.4, 0.1}, {3, 3}, d);
  const Array rv = make({0.3, -1.2, 2.9, 0, 0, 0, 1e-8, 0, 0}, {3, 3}, d);
  const Array aa = make({0, 0.6, 0.8, 2.0, 1, 0, 0, kPi, 0, 1, 0, 0}, {3, 4}, d);
  const Array q = make(test_quaternions(), {14, 4}, d);
  std::vector<Array> mats = {mech::euler_to_rot_mat(e, "zxz"), mech::rot_vec_to_rot_mat(rv),
                             mech::axis_angle_to_rot_mat(aa), mech::quaternion_to_rot_mat(q),
                             mech::quaternion_to_rot_mat(ivy::multiply(q, 3.0))};
  for (const Array& m : mats) {
    const Array eye =
        ivy::broadcast_to(ivy::eye(3, -1, 0, ivy::Options(d).on(m.backend())), ivy::shape(m));
    EXPECT_LE(max_abs_diff(ivy::matmul(m, ivy::swapaxes(m, -1, -2)), eye), 4 * tolerance(d));
    EXPECT_LE(max_abs_diff(ivy::det(m), ivy::ones_like(ivy::det(m))), 4 * tolerance(d));
  }
  std::vector<Array> quats = {
      mech::euler_to_quaternion(e, "yxz"), mech::rotation_vector_to_quaternion(rv),
      mech::axis_angle_to_quaternion(aa), mech::rot_mat_to_quaternion(mats[0]),
      mech::scale_quaternion_rotation_angle(q, -0.3)};
  for (const Array& u : quats) {
    const Array norms = ivy::vector_norm(u);
    EXPECT_LE(max_abs_diff(norms, ivy::ones_like(norms)), 2 * tolerance(d));
  }
}

TEST_P(MechDtypes, ClosedFormRotationsAboutEachAxis) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const double a = 0.7, c = std::cos(a), s = std::sin(a);
  const std::vector<std::vector<double>> expected = {
      {1, 0, 0, 0, c, -s, 0, s, c}, {c, 0, s, 0, 1, 0, -s, 0, c}, {c, -s, 0, s, c, 0, 0, 0, 1}};
  for (int axis = 0; axis < 3; ++axis) {
    const Array want = make(expected[static_cast<std::size_t>(axis)], {3, 3}, d);
    std::vector<double> unit(3, 0.0), rv(3, 0.0), quat(4, 0.0);
    unit[static_cast<std::size_t>(axis)] = 1;
    rv[static_cast<std::size_t>(axis)] = a;
    quat[static_cast<std::size_t>(axis)] = std::sin(a / 2);
    quat[3] = std::cos(a / 2);
    std::vector<double> axis_angle = unit;
    axis_angle.push_back(a);
    const std::string conv = std::string(1, static_cast<char>('x' + axis)) +
                             static_cast<char>('x' + (axis + 1) % 3) +
                             static_cast<char>('x' + (axis + 2) % 3);
    const double tol = tolerance(d);
    EXPECT_LE(max_abs_diff(mech::euler_to_rot_mat(make({a, 0, 0}, {3}, d), conv), want), tol);
    EXPECT_LE(max_abs_diff(mech::rot_vec_to_rot_mat(make(rv, {3}, d)), want), tol);
    EXPECT_LE(max_abs_diff(mech::axis_angle_to_rot_mat(make(axis_angle, {4}, d)), want), tol);
    EXPECT_LE(max_abs_diff(mech::quaternion_to_rot_mat(make(quat, {4}, d)), want), tol);
    EXPECT_LE(max_abs_diff(mech::rot_mat_to_quaternion(want), make(quat, {4}, d)), tol);
    EXPECT_LE(
        max_abs_diff(mech::quaternion_to_axis_angle(make(quat, {4}, d)), make(axis_angle, {4}, d)),
        tol);
    // Composition: two rotations about one axis add their angles.
    const Array twice = mech::hamilton_product(make(quat, {4}, d), make(quat, {4}, d));
    const Array by_2a =
        mech::axis_angle_to_quaternion(make({unit[0], unit[1], unit[2], 2 * a}, {4}, d));
    EXPECT_LE(max_abs_diff(twice, by_2a), tol);
  }
  // zyx: R = Rx(c) Ry(b) Rz(a); the original returned wrong angles for a pure quarter turn
  // about x (ivy-llc/mech issue #5).
  const Array rx90 = make({1, 0, 0, 0, 0, -1, 0, 1, 0}, {3, 3}, d);
  EXPECT_LE(max_abs_diff(mech::rot_mat_to_euler(rx90), make({0, 0, kPi / 2}, {3}, d)),
            tolerance(d));
  // The original's target_facing_rotation_matrix test.
  EXPECT_LE(max_abs_diff(mech::target_facing_rotation_matrix(make({0, 0, 0}, {3}, d),
                                                             make({0, 1, 0}, {3}, d)),
                         make({-1, 0, 0, 0, 0, 1, 0, 1, 0}, {3, 3}, d)),
            tolerance(d));
}

TEST_P(MechDtypes, HamiltonProductIsAssociativeWithInverses) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const double tol = 2 * tolerance(d);
  const Array q = make(test_quaternions(), {14, 4}, d);
  const Array p = ivy::flip(q, ivy::Axes{0});
  const Array r = mech::scale_quaternion_rotation_angle(ivy::multiply(p, -1.0), 0.5);
  EXPECT_LE(max_abs_diff(mech::hamilton_product(mech::hamilton_product(q, p), r),
                         mech::hamilton_product(q, mech::hamilton_product(p, r))),
            tol);
  const Array identity = ivy::broadcast_to(make({0, 0, 0, 1}, {4}, d), {14, 4});
  EXPECT_LE(max_abs_diff(mech::hamilton_product(q, mech::inverse_quaternion(q)), identity), tol);
  const Array q3 = ivy::multiply(q, 3.0);
  EXPECT_LE(max_abs_diff(mech::hamilton_product(mech::inverse_quaternion(q3), q3), identity), tol);
  // The product composes rotations: R(q p) = R(q) R(p).
  EXPECT_LE(
      max_abs_diff(mech::quaternion_to_rot_mat(mech::hamilton_product(q, p)),
                   ivy::matmul(mech::quaternion_to_rot_mat(q), mech::quaternion_to_rot_mat(p))),
      tol);
  // Batch dimensions broadcast: one quaternion times a batch.
  EXPECT_EQ(ivy::shape(mech::hamilton_product(make({0, 0, 0, 1}, {4}, d), q)), (ivy::Shape{14, 4}));
}

/** Euler angles at gimbal lock plus offsets, for one convention. */
std::vector<double> gimbal_angles(const std::string& conv, const std::vector<double>& offsets) {
  const bool proper = conv[0] == conv[2];
  const std::vector<double> locks =
      proper ? std::vector<double>{0.0, kPi} : std::vector<double>{kPi / 2, -kPi / 2};
  std::vector<double> out;
  for (double lock : locks)
    for (double off : offsets)
      for (double outer : {0.4, -2.2}) {
        const double middle = lock + ((lock > 0 || (proper && lock == 0)) ? off : -off);
        out.insert(out.end(), {outer, proper && lock == 0 ? std::abs(middle) : middle, 1.1});
      }
  return out;
}

TEST_P(MechDtypes, GimbalLockAtAndNearItForEveryConvention) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const std::vector<double> offsets = d == ivy::float64
                                          ? std::vector<double>{0.0, 1e-14, 1e-11, 1e-8, 1e-5, 1e-3}
                                          : std::vector<double>{0.0, 1e-8, 1e-6, 1e-4, 1e-3};
  for (std::string_view c : mech::VALID_EULER_CONVENTIONS) {
    const std::string conv(c);
    const std::vector<double> angles = gimbal_angles(conv, offsets);
    const auto n = static_cast<std::int64_t>(angles.size() / 3);
    const Array e = make(angles, {n, 3}, d);
    const Array rot = mech::euler_to_rot_mat(e, conv);
    const Array back = mech::rot_mat_to_euler(rot, conv);
    ASSERT_TRUE(all_finite(back)) << conv;
    EXPECT_LE(max_abs_diff(mech::euler_to_rot_mat(back, conv), rot), 4 * tolerance(d)) << conv;
    EXPECT_LE(
        max_abs_diff(mech::euler_to_rot_mat(
                         mech::quaternion_to_euler(mech::euler_to_quaternion(e, conv), conv), conv),
                     rot),
        4 * tolerance(d))
        << conv;
    // Exactly at the lock the third angle is 0 and the first carries the collapsed rotation.
    const std::vector<double> got = back.to_vector<double>();
    for (std::size_t i = 0; i < got.size(); i += 3 * offsets.size() * 2) {
      EXPECT_NEAR(got[i + 2], 0.0, 1e-12) << conv << " row " << i / 3;
    }
  }
}

TEST_P(MechDtypes, IdentityAndHalfTurnsGiveNoNaN) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const Array q = make({0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1}, {5, 4}, d);
  const Array m = mech::quaternion_to_rot_mat(q);
  const Array zero_rv = make({0, 0, 0}, {3}, d);
  for (const Array& out :
       {mech::quaternion_to_axis_angle(q), mech::quaternion_to_polar_axis_angle(q),
        mech::quaternion_to_rotation_vector(q), mech::rot_mat_to_quaternion(m),
        mech::rot_mat_to_axis_angle(m), mech::rot_mat_to_euler(m), mech::rot_mat_to_euler(m, "zxz"),
        mech::rotation_vector_to_quaternion(zero_rv), mech::rot_vec_to_rot_mat(zero_rv),
        mech::scale_quaternion_rotation_angle(q, 0.5), mech::inverse_quaternion(q),
        mech::cartesian_to_polar_coords(zero_rv)}) {
    EXPECT_TRUE(all_finite(out)) << out;
  }
  // The identity: angle 0 about +z; half turns: angle pi about the coordinate axes.
  EXPECT_LE(max_abs_diff(mech::quaternion_to_axis_angle(q),
                         make({0, 0, 1, 0, 1, 0, 0, kPi, 0, 1, 0, kPi, 0, 0, 1, kPi, 0, 0, 1, 0},
                              {5, 4}, d)),
            tolerance(d));
  EXPECT_LE(max_abs_diff(mech::rot_vec_to_rot_mat(zero_rv),
                         ivy::eye(3, -1, 0, ivy::Options(d).on(q.backend()))),
            0.0);
}

TEST_P(MechDtypes, BatchShapesAndDtypesArePreserved) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  for (const ivy::Shape& batch : {ivy::Shape{}, ivy::Shape{5}, ivy::Shape{2, 3}}) {
    const auto with = [&](std::vector<std::int64_t> tail) {
      ivy::Shape s = batch;
      s.insert(s.end(), tail.begin(), tail.end());
      return s;
    };
    const Array q = mech::get_random_quaternion(
        kPi, batch, ivy::Options(d).on(ivy::backend(backend_under_test())));
    EXPECT_EQ(ivy::shape(q), with({4}));
    EXPECT_EQ(ivy::dtype(q), d);
    const Array m = mech::quaternion_to_rot_mat(q);
    EXPECT_EQ(ivy::shape(m), with({3, 3}));
    EXPECT_EQ(ivy::dtype(m), d);
    EXPECT_EQ(ivy::shape(mech::rot_mat_to_euler(m, "yzy")), with({3}));
    EXPECT_EQ(ivy::shape(mech::quaternion_to_polar_axis_angle(q)), with({3}));
    const Array pose =
        ivy::concat({ivy::zeros_like(mech::quaternion_to_rotation_vector(q)), q}, -1);
    const Array mat_pose = mech::quaternion_pose_to_mat_pose(pose);
    EXPECT_EQ(ivy::shape(mat_pose), with({3, 4}));
    EXPECT_EQ(ivy::shape(mech::make_transformation_homogeneous(mat_pose)), with({4, 4}));
    EXPECT_EQ(ivy::shape(mech::mat_pose_to_euler_pose(mat_pose)), with({6}));
    EXPECT_EQ(ivy::shape(mech::make_coordinates_homogeneous(
                  mech::polar_to_cartesian_coords(mech::quaternion_to_rotation_vector(q)))),
              with({4}));
    EXPECT_EQ(ivy::dtype(mech::mat_pose_to_euler_pose(mat_pose)), d);
  }
}

TEST_P(MechDtypes, PoseFormsRoundTrip) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const Array q = make(test_quaternions(), {14, 4}, d);
  const Array t = make(std::vector<double>(42, 0.5), {14, 3}, d);
  const Array qpose =
      ivy::concat({ivy::add(t, ivy::multiply(ivy::slice(q, {{}, {0, 3}}), 2.0)), q}, -1);
  const Array mat = mech::quaternion_pose_to_mat_pose(qpose);
  const double tol = 4 * tolerance(d);
  for (std::string_view conv : {"zyx", "xyx", "yxz"}) {
    const std::string c(conv);
    const Array euler = mech::mat_pose_to_euler_pose(mat, c);
    EXPECT_LE(max_abs_diff(mech::euler_pose_to_mat_pose(euler, c), mat), tol);
    EXPECT_LE(
        max_abs_diff(
            mech::quaternion_pose_to_mat_pose(mech::euler_pose_to_quaternion_pose(euler, c)), mat),
        tol);
    EXPECT_LE(
        max_abs_diff(
            mech::axis_angle_pose_to_mat_pose(mech::euler_pose_to_axis_angle_pose(euler, c)), mat),
        tol);
    // Angles near gimbal lock are ill-conditioned one by one: compare the poses they build.
    EXPECT_LE(
        max_abs_diff(mech::euler_pose_to_mat_pose(mech::quaternion_pose_to_euler_pose(qpose, c), c),
                     mat),
        tol);
    const Array via_axis_angle =
        mech::axis_angle_pose_to_euler_pose(mech::euler_pose_to_axis_angle_pose(euler, c), c);
    EXPECT_LE(max_abs_diff(mech::euler_pose_to_mat_pose(via_axis_angle, c), mat), tol);
  }
  EXPECT_LE(max_abs_diff(mech::rot_vec_pose_to_mat_pose(mech::mat_pose_to_rot_vec_pose(mat)), mat),
            tol);
  EXPECT_LE(max_abs_diff(
                mech::rot_vec_pose_to_mat_pose(mech::quaternion_pose_to_rot_vec_pose(qpose)), mat),
            tol);
  EXPECT_LE(
      max_abs_diff(mech::quaternion_pose_to_mat_pose(mech::mat_pose_to_quaternion_pose(mat)), mat),
      tol);
  const Array aa_pose =
      ivy::concat({ivy::slice(qpose, {{}, {0, 3}}), mech::quaternion_to_axis_angle(q)}, -1);
  EXPECT_LE(max_abs_diff(mech::quaternion_pose_to_mat_pose(
                             mech::axis_angle_pose_to_quaternion_pose(aa_pose)),
                         mat),
            tol);
  // Zero velocity leaves the pose; a velocity for one second moves by it.
  const Array still =
      ivy::concat({ivy::zeros_like(t), ivy::broadcast_to(make({0, 0, 0, 1}, {4}, d), {14, 4})}, -1);
  EXPECT_LE(max_abs_diff(mech::increment_quaternion_pose_with_velocity(qpose, still, 0.3), qpose),
            tol);
}

TEST_P(MechDtypes, PolarCoordinatesRoundTrip) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::DType d = GetParam();
  const Array xyz = make({1, 2, 3, -1, 0.5, -2, 0, 0, 1, 0, 0, -2, 3, -4, 0}, {5, 3}, d);
  EXPECT_LE(
      max_abs_diff(mech::polar_to_cartesian_coords(mech::cartesian_to_polar_coords(xyz)), xyz),
      4 * tolerance(d));
}

TEST(MechRandom, RandomRotationsAreValid) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::Options o = ivy::Options(ivy::float64).on(ivy::backend(backend_under_test()));
  const Array q = mech::get_random_quaternion(0.5, {200}, o);
  const Array aa = mech::quaternion_to_axis_angle(q);
  for (double angle : ivy::slice(aa, {{}, {3, 4}}).to_vector<double>())
    EXPECT_LE(angle, 0.5 + 1e-12);
  EXPECT_LE(max_abs_diff(ivy::vector_norm(q), ivy::ones_like(ivy::vector_norm(q))), 1e-12);
  const Array m = mech::get_random_rot_mat({2, 3}, o);
  EXPECT_EQ(ivy::shape(m), (ivy::Shape{2, 3, 3, 3}));
  EXPECT_LE(max_abs_diff(ivy::det(m), ivy::ones_like(ivy::det(m))), 1e-12);
  EXPECT_EQ(ivy::shape(mech::get_random_axis_angle({4}, o)), (ivy::Shape{4, 4}));
  const std::vector<double> e = mech::get_random_euler({50}, o).to_vector<double>();
  EXPECT_GE(*std::min_element(e.begin(), e.end()), 0.0);
  EXPECT_LE(*std::max_element(e.begin(), e.end()), 2 * kPi);
  EXPECT_EQ(ivy::dtype(mech::get_random_euler()), ivy::float32);
}

TEST(MechErrors, MessagesNameTheFunctionAndBackend) {
  IVY_MECH_SKIP_ON_STUB();
  const Array x = make({0, 0, 0}, {3}, ivy::float32);
  try {
    mech::euler_to_rot_mat(x, "zzz");
    ADD_FAILURE() << "no ValueError";
  } catch (const ivy::ValueError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::mech::euler_to_rot_mat"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[" + backend_under_test() + "]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'zzz'"), std::string::npos) << msg;
  }
  try {
    mech::quaternion_to_rot_mat(x);
    ADD_FAILURE() << "no ShapeError";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::mech::quaternion_to_rot_mat"), std::string::npos) << msg;
    EXPECT_NE(msg.find("expected shape [...,4], got [3]"), std::string::npos) << msg;
  }
}

TEST(MechErrors, RandomQuaternionRejectsABadMaximumAngle) {
  IVY_MECH_SKIP_ON_STUB();
  const ivy::Options o = ivy::Options(ivy::backend(backend_under_test()));
  for (double bad : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    try {
      mech::get_random_quaternion(bad, {2}, o);
      ADD_FAILURE() << "no ValueError for max_rot_ang " << bad;
    } catch (const ivy::ValueError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("ivy::mech::get_random_quaternion"), std::string::npos) << msg;
      EXPECT_NE(msg.find("[" + backend_under_test() + "]"), std::string::npos) << msg;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Mech, MechDtypes, ::testing::Values(ivy::float32, ivy::float64),
                         [](const auto& info) { return std::string(ivy::dtype_name(info.param)); });

}  // namespace
