// ivy::robot manipulators on the backend under test. Expected values are independent of the
// library: closed forms of planar and shoulder arms, the Mico's vertical pose from its guide's
// lengths, the Panda's zero pose and its full kinematics from Franka's own (modified-DH) table,
// and a plain product of the four elementary DH transforms in double for the Mico; sample_links
// against points placed on the reference segments; batches, dtypes, typed errors and
// finite-difference gradients.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/robot.hpp"
#include "support/finite_differences.hpp"
#include "support/library_error.hpp"
#include "support/support_record.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace robot = ivy::robot;
using ivy::Array;
using namespace ivy::testing::vision_cases;
constexpr double kPi = std::numbers::pi;

// ---- Host (double) reference kinematics: 4x4 row-major matrices ----

using M4 = std::array<double, 16>;
using V3 = std::array<double, 3>;

M4 mul(const M4& x, const M4& y) {
  M4 r{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      for (int k = 0; k < 4; ++k) r[i * 4 + j] += x[i * 4 + k] * y[k * 4 + j];
  return r;
}
M4 eye4() { return {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}; }
M4 rot_z(double q) {
  return {std::cos(q), -std::sin(q), 0, 0, std::sin(q), std::cos(q), 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
}
M4 rot_x(double q) {
  return {1, 0, 0, 0, 0, std::cos(q), -std::sin(q), 0, 0, std::sin(q), std::cos(q), 0, 0, 0, 0, 1};
}
M4 trans(double x, double y, double z) { return {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z, 0, 0, 0, 1}; }
V3 origin(const M4& m) { return {m[3], m[7], m[11]}; }

struct Table {
  std::vector<double> a, d, alpha, scales, offsets;
};

/** Frames 0..NJ of a standard-DH arm: base, then base Rot_z Trans_z Trans_x Rot_x per joint. */
std::vector<M4> standard_chain(const Table& t, const std::vector<double>& theta,
                               const M4& base = eye4()) {
  std::vector<M4> frames{base};
  for (std::size_t i = 0; i < t.a.size(); ++i) {
    const double q = theta[i] * t.scales[i] - t.offsets[i];
    frames.push_back(
        mul(mul(mul(mul(frames.back(), rot_z(q)), trans(0, 0, t.d[i])), trans(t.a[i], 0, 0)),
            rot_x(t.alpha[i])));
  }
  return frames;
}

// The Mico's table as the Kinova user guide gives it (lengths p. 50, alternate lengths p. 53,
// DH table p. 55) and the JACO2 joint convention.
Table mico_table() {
  const double d1 = 0.2755, d2 = 0.29, d3 = 0.1233, d4 = 0.0741, d5 = 0.0741, d6 = 0.16, e2 = 0.007,
               aa = kPi / 6;
  const double k = std::sin(aa) / std::sin(2 * aa);
  return {{0, d2, 0, 0, 0, 0},
          {d1, 0, -e2, -(d3 + k * d4), -(k * d4 + k * d5), -(k * d5 + d6)},
          {kPi / 2, kPi, kPi / 2, 2 * aa, 2 * aa, kPi},
          {-1, 1, 1, 1, 1, 1},
          {0, kPi / 2, -kPi / 2, 0, kPi, -kPi / 2}};
}

/** The Panda's flange from Franka's modified-DH (Craig) table, written as Franka publishes it:
 * per joint Rot_x(alpha) Trans_x(a) Rot_z(theta) Trans_z(d), then the flange's Trans_z(0.107). */
M4 panda_flange(const std::vector<double>& theta) {
  const double a[7] = {0, 0, 0, 0.0825, -0.0825, 0, 0.088};
  const double d[7] = {0.333, 0, 0.316, 0, 0.384, 0, 0};
  const double alpha[7] = {0, -kPi / 2, kPi / 2, kPi / 2, -kPi / 2, kPi / 2, kPi / 2};
  M4 m = eye4();
  for (int i = 0; i < 7; ++i)
    m = mul(mul(mul(mul(m, rot_x(alpha[i])), trans(a[i], 0, 0)), rot_z(theta[i])),
            trans(0, 0, d[i]));
  return mul(m, trans(0, 0, 0.107));
}

std::vector<double> flat_frames(const std::vector<M4>& fs, std::size_t count) {
  std::vector<double> v;
  for (std::size_t i = 0; i < count; ++i) v.insert(v.end(), fs[i].begin(), fs[i].end());
  return v;
}

/** An arm on the backend under test from a host table. */
robot::Manipulator arm(const Table& t, const std::optional<Array>& base = std::nullopt) {
  const auto n = static_cast<std::int64_t>(t.a.size());
  return robot::Manipulator(make(t.a, {n}), make(t.d, {n}), make(t.alpha, {n}), make(t.scales, {n}),
                            make(t.offsets, {n}), base);
}

Table planar(const std::vector<double>& lengths) {
  const std::size_t n = lengths.size();
  return {lengths, std::vector<double>(n, 0), std::vector<double>(n, 0), std::vector<double>(n, 1),
          std::vector<double>(n, 0)};
}

template <class E>
void expect_robot_error(const std::function<void()>& f, const std::string& fn,
                        const std::string& detail) {
  ivy::testing::expect_library_error<E>(f, "ivy::robot::" + fn, detail);
}

// ---- Closed forms ----

// Two links of lengths l1, l2 in the plane: frame 1 at l1 (c1, s1), frame 2 at
// l1 (c1, s1) + l2 (c12, s12), each turned about z by the sum of the angles so far; the
// rotation-vector pose is then (x, y, 0, 0, 0, angle).
TEST(RobotManipulator, PlanarTwoLinkClosedForm) {
  IVY_VISION_SKIP_ON_STUB();
  const double l1 = 0.7, l2 = 0.4;
  const robot::Manipulator m = arm(planar({l1, l2}));
  EXPECT_EQ(m.num_joints(), 2);
  const std::vector<std::array<double, 2>> configs = {{0, 0}, {0.6, 0}, {0, -1.1}, {0.7, -1.9}};
  std::vector<double> angles, want_mats, want_poses;
  for (const auto& [t1, t2] : configs) {
    angles.insert(angles.end(), {t1, t2});
    const double c1 = std::cos(t1), s1 = std::sin(t1), c12 = std::cos(t1 + t2),
                 s12 = std::sin(t1 + t2);
    const V3 p1 = {l1 * c1, l1 * s1, 0}, p2 = {l1 * c1 + l2 * c12, l1 * s1 + l2 * s12, 0};
    want_mats.insert(want_mats.end(), {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
    want_mats.insert(want_mats.end(),
                     {c1, -s1, 0, p1[0], s1, c1, 0, p1[1], 0, 0, 1, 0, 0, 0, 0, 1});
    want_mats.insert(want_mats.end(),
                     {c12, -s12, 0, p2[0], s12, c12, 0, p2[1], 0, 0, 1, 0, 0, 0, 0, 1});
    want_poses.insert(want_poses.end(), {0, 0, 0, 0, 0, 0});
    want_poses.insert(want_poses.end(), {p1[0], p1[1], 0, 0, 0, t1});
    want_poses.insert(want_poses.end(), {p2[0], p2[1], 0, 0, 0, t1 + t2});
  }
  const Array q = make(angles, {4, 2});
  expect_close(m.compute_link_matrices(q, 2), want_mats, {4, 3, 4, 4});
  expect_close(m.compute_link_poses(q, 2), want_poses, {4, 3, 6});
  // link_num 1 stops at the first frame.
  const Array first = m.compute_link_matrices(q, 1);
  EXPECT_EQ(ivy::shape(first), (ivy::Shape{4, 2, 4, 4}));
  expect_close(ivy::slice(first, {{}, {1, 2}}),
               ivy::slice(m.compute_link_matrices(q, 2), {{}, {1, 2}}));
}

// Three planar links turned one joint at a time: the links before the joint stay on the x axis,
// the ones after it turn about its frame's origin.
TEST(RobotManipulator, PlanarThreeLinkSingleJointRotations) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> l = {0.5, 0.3, 0.2};
  const robot::Manipulator m = arm(planar(l));
  const double phi = 0.8;
  for (int joint = 0; joint < 3; ++joint) {
    std::vector<double> theta(3, 0.0);
    theta[static_cast<std::size_t>(joint)] = phi;
    std::vector<double> want = {0, 0, 0};
    double x = 0, y = 0;
    for (int i = 0; i < 3; ++i) {
      const double heading = i >= joint ? phi : 0.0;  // link i+1 points along its heading
      x += l[static_cast<std::size_t>(i)] * std::cos(heading);
      y += l[static_cast<std::size_t>(i)] * std::sin(heading);
      want.insert(want.end(), {x, y, 0});
    }
    const Array poses = m.compute_link_poses(make(theta, {3}), 3);
    expect_close(ivy::slice(poses, {{}, {0, 3}}), want, {4, 3});
    // The last frame's heading is phi whichever joint turned.
    EXPECT_NEAR(poses.to_vector<double>()[23], phi, tol()) << "joint " << joint;
  }
}

// A shoulder: yaw about the vertical at height h, then an elevation joint (alpha = pi/2) with
// a link l along the arm. The end is l (cos e cos y, cos e sin y, sin e) above (0, 0, h); joint
// scales and offsets map the given angles to (y, e) = (2 t1 - 0.3, -t2 - 0.2).
TEST(RobotManipulator, ShoulderWithScalesAndOffsets) {
  IVY_VISION_SKIP_ON_STUB();
  const double h = 0.4, l = 0.6;
  const robot::Manipulator m = arm({{0, l}, {h, 0}, {kPi / 2, 0}, {2, -1}, {0.3, 0.2}});
  const std::vector<std::array<double, 2>> configs = {{0.15, -0.2}, {0.9, 0.4}, {-0.6, -1.3}};
  std::vector<double> angles, want;
  for (const auto& [t1, t2] : configs) {
    angles.insert(angles.end(), {t1, t2});
    const double yaw = 2 * t1 - 0.3, el = -t2 - 0.2;
    want.insert(want.end(), {0, 0, 0, 0, 0, h, l * std::cos(el) * std::cos(yaw),
                             l * std::cos(el) * std::sin(yaw), h + l * std::sin(el)});
  }
  const Array poses = m.compute_link_poses(make(angles, {3, 2}), 2);
  expect_close(ivy::slice(poses, {{}, {}, {0, 3}}), want, {3, 3, 3});
}

// A base pose moves every frame, pose and sample: world = B (robot frame), for [3,4] and
// [4,4] bases alike.
TEST(RobotManipulator, BasePoseAppliedToMatricesPosesAndSamples) {
  IVY_VISION_SKIP_ON_STUB();
  const Table t = mico_table();
  M4 base = mul(trans(1.0, -2.0, 0.5), rot_z(0.4));
  base = mul(base, rot_x(-0.3));
  const std::vector<double> base34(base.begin(), base.begin() + 12);
  const std::vector<double> base44(base.begin(), base.end());
  const std::vector<double> theta = {1.2, 2.5, 3.9, 0.4, 2.2, -0.7};
  const std::vector<M4> want = standard_chain(t, theta, base);
  const robot::Manipulator unbased = arm(t);
  for (const auto& b : {make(base34, {3, 4}), make(base44, {4, 4})}) {
    const robot::Manipulator m = arm(t, b);
    expect_close(m.compute_link_matrices(make(theta, {6}), 6), flat_frames(want, 7), {7, 4, 4});
    expect_close(m.base_inv_ext_mat(), base44, {4, 4});
    // Poses: the positions are the frames' origins in the world.
    const std::vector<double> poses = m.compute_link_poses(make(theta, {6}), 6).to_vector<double>();
    for (std::size_t i = 0; i < 7; ++i)
      for (std::size_t j = 0; j < 3; ++j)
        EXPECT_NEAR(poses[i * 6 + j], origin(want[i])[j], tol()) << i;
    // Samples: the base-free samples moved by B on the host.
    const std::vector<double> local = unbased.sample_links(make(theta, {6})).to_vector<double>();
    std::vector<double> moved;
    for (std::size_t p = 0; p < local.size(); p += 3)
      for (std::size_t i = 0; i < 3; ++i)
        moved.push_back(base[i * 4] * local[p] + base[i * 4 + 1] * local[p + 1] +
                        base[i * 4 + 2] * local[p + 2] + base[i * 4 + 3]);
    expect_close(m.sample_links(make(theta, {6})), moved,
                 {static_cast<std::int64_t>(moved.size() / 3), 3});
  }
}

// ---- The published arms ----

// The Mico against the plain product of its guide's DH table, on the original demo's start and
// target and three more configurations, batched; the accessors hold the guide's values.
TEST(RobotManipulator, MicoMatchesIndependentDHProduct) {
  IVY_VISION_SKIP_ON_STUB();
  const Table t = mico_table();
  const double deg = kPi / 180;
  const std::vector<std::vector<double>> configs = {
      {100 * deg, 100 * deg, 240 * deg, 180 * deg, 180 * deg, 120 * deg},
      {260 * deg, 100 * deg, 220 * deg, 0, 180 * deg, 45 * deg},
      {0, 0, 0, 0, 0, 0},
      {0.3, -1.2, 2.2, 0.5, -0.4, 1.9},
      {-2.0, 2.9, 1.1, -1.7, 2.6, -0.2}};
  std::vector<double> angles, want;
  for (const auto& c : configs) {
    angles.insert(angles.end(), c.begin(), c.end());
    const std::vector<double> f = flat_frames(standard_chain(t, c), 7);
    want.insert(want.end(), f.begin(), f.end());
  }
  const robot::MicoManipulator mico(std::nullopt, opts());
  EXPECT_EQ(mico.num_joints(), 6);
  expect_close(mico.compute_link_matrices(make(angles, {5, 6}), 6), want, {5, 7, 4, 4});
  expect_close(mico.d_s(), t.d, {6});
  expect_close(mico.alpha_s(), t.alpha, {6});
  expect_close(mico.dh_joint_offsets(), t.offsets, {6});
  EXPECT_EQ(mico.a_s().dtype(), dtype());
}

// Shoulder and elbow at 180 degrees stand the Mico's first two links upright: frames 1 and 2
// straight above the base at d1 and d1 + d2, frame 3 beside frame 2 by the lateral offset e2,
// and frame 4 d4b = d3 + d4 sin 30 / sin 60 higher.
TEST(RobotManipulator, MicoUpright) {
  IVY_VISION_SKIP_ON_STUB();
  const double d1 = 0.2755, d2 = 0.29, e2 = 0.007, d4b = 0.1233 + 0.0741 / std::sqrt(3.0);
  const robot::MicoManipulator mico;
  const std::vector<double> p =
      ivy::slice(mico.compute_link_poses(make({0, kPi, kPi, 0, 0, 0}, {6}), 4), {{}, {0, 3}})
          .to_vector<double>();
  const std::vector<double> want_xz = {0, 0, 0, d1, 0, d1 + d2, 0, d1 + d2, 0, d1 + d2 + d4b};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_NEAR(p[i * 3], want_xz[i * 2], 1e-5) << "frame " << i;
    EXPECT_NEAR(p[i * 3 + 2], want_xz[i * 2 + 1], 1e-5) << "frame " << i;
    EXPECT_NEAR(std::abs(p[i * 3 + 1]), i >= 3 ? e2 : 0.0, 1e-5) << "frame " << i;
  }
}

// The Panda's flange (frame 7) equals Franka's own modified-DH kinematics; at zero angles it is
// at (0.088, 0, 0.333 + 0.316 + 0.384 - 0.107) facing down (Franka's published zero pose).
TEST(RobotManipulator, PandaMatchesFrankaTable) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<std::vector<double>> configs = {{0, 0, 0, 0, 0, 0, 0},
                                                    {0, -0.785, 0, -2.356, 0, 1.571, 0.785},
                                                    {1.1, 0.4, -0.9, -1.5, 2.1, 0.7, -2.4}};
  const robot::PandaManipulator panda(std::nullopt, opts());
  EXPECT_EQ(panda.num_joints(), 7);
  std::vector<double> angles, want;
  for (const auto& c : configs) {
    angles.insert(angles.end(), c.begin(), c.end());
    const M4 f = panda_flange(c);
    want.insert(want.end(), f.begin(), f.end());
  }
  const Array frames = panda.compute_link_matrices(make(angles, {3, 7}), 7);
  expect_close(ivy::squeeze(ivy::slice(frames, {{}, {7, 8}}), ivy::Axes{1}), want, {3, 4, 4});
  const std::vector<double> zero_pose = {1, 0, 0, 0.088, 0, -1, 0, 0, 0, 0, -1, 0.926, 0, 0, 0, 1};
  for (std::size_t i = 0; i < 16; ++i) EXPECT_NEAR(want[i], zero_pose[i], 1e-12) << i;
}

// ---- sample_links ----

// Three planar links of 0.5, 0.3 and 0.12 at 10 samples per metre take ceil(5) = 5,
// ceil(3) = 3 and ceil(1.2) = 2 points, the two inner joints shared: 4 + 2 + 2 = 8 points on the
// polyline through the closed-form origins, evenly spaced along each link, l / (n - 1) apart.
TEST(RobotManipulator, SampleLinksPlanar) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> l = {0.5, 0.3, 0.12};
  const robot::Manipulator m = arm(planar(l));
  const std::vector<double> theta = {0.4, -0.9, 1.3};
  std::vector<V3> o = {{0, 0, 0}};
  double heading = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    heading += theta[i];
    o.push_back(
        {o.back()[0] + l[i] * std::cos(heading), o.back()[1] + l[i] * std::sin(heading), 0});
  }
  const std::vector<int> n = {5, 3, 2};
  std::vector<double> want;
  for (std::size_t i = 0; i < 3; ++i) {
    const int kept = i < 2 ? n[i] - 1 : n[i];
    for (int k = 0; k < kept; ++k)
      for (std::size_t j = 0; j < 3; ++j)
        want.push_back(o[i][j] + (o[i + 1][j] - o[i][j]) * k / (n[i] - 1));
  }
  EXPECT_EQ(m.num_link_samples(std::nullopt, 10), 8);
  const Array s = m.sample_links(make(theta, {3}), std::nullopt, 10);
  expect_close(s, want, {8, 3});
  // Spacing within each link and the link origins at the ends.
  const std::vector<double> got = s.to_vector<double>();
  const auto at = [&](std::size_t k) { return V3{got[k * 3], got[k * 3 + 1], got[k * 3 + 2]}; };
  const auto dist = [](const V3& a, const V3& b) {
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  };
  const std::vector<std::size_t> starts = {0, 4, 6};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(dist(at(starts[i]), o[i]), 0, tol());
    const std::size_t last = i < 2 ? starts[i + 1] : 7;
    for (std::size_t k = starts[i]; k < last; ++k)
      EXPECT_NEAR(dist(at(k), at(k + 1)), l[i] / (n[i] - 1), tol()) << "link " << i;
    EXPECT_GE(n[i], l[i] * 10);  // at least samples_per_metre points per metre
  }
  EXPECT_NEAR(dist(at(7), o[3]), 0, tol());
  // Two links only: the second keeps its end.
  const Array two = m.sample_links(make(theta, {3}), 2, 10);
  expect_close(two, std::vector<double>(want.begin(), want.begin() + 21), {7, 3});
}

// The Mico at 25 per metre: links of 0.2755, 0.29, 0.007, d4b, d5b and d6b take 7, 8, 1, 5, 3
// and 6 points, four inner ends shared (the 1-point link holds only its start): 26. Every point
// lies on the segment of its link between the reference origins, every origin is sampled, the
// first is the base and the last the end effector.
TEST(RobotManipulator, SampleLinksMico) {
  IVY_VISION_SKIP_ON_STUB();
  const Table t = mico_table();
  const robot::MicoManipulator mico;
  std::vector<double> lengths;
  for (std::size_t i = 0; i < 6; ++i) lengths.push_back(std::hypot(t.a[i], t.d[i]));
  const std::vector<int> n = {7, 8, 1, 5, 3, 6};
  int total = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(n[i], static_cast<int>(std::ceil(lengths[i] * 25))) << i;
    total += n[i];
  }
  total -= 4;
  EXPECT_EQ(mico.num_link_samples(), total);
  EXPECT_EQ(mico.num_link_samples(3), 7 + 8 + 1 - 2);

  const std::vector<double> theta = {1.2, 2.5, 3.9, 0.4, 2.2, -0.7};
  const std::vector<M4> frames = standard_chain(t, theta);
  const Array s = mico.sample_links(make(theta, {6}));
  ASSERT_EQ(ivy::shape(s), (ivy::Shape{total, 3}));
  const std::vector<double> got = s.to_vector<double>();
  std::size_t k = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    const V3 a = origin(frames[i]), b = origin(frames[i + 1]);
    const int kept = (i == 5 || n[i] == 1) ? n[i] : n[i] - 1;
    for (int j = 0; j < kept; ++j, ++k) {
      const double frac = n[i] == 1 ? 0.0 : static_cast<double>(j) / (n[i] - 1);
      for (std::size_t c = 0; c < 3; ++c)
        EXPECT_NEAR(got[k * 3 + c], a[c] + frac * (b[c] - a[c]), tol()) << "link " << i;
    }
  }
  // Every origin 0..6 is one of the samples.
  for (const M4& f : frames) {
    double best = 1e9;
    for (std::size_t p = 0; p < got.size(); p += 3)
      best = std::min(best, std::hypot(got[p] - f[3], got[p + 1] - f[7], got[p + 2] - f[11]));
    EXPECT_LT(best, 10 * tol());
  }
}

// The Panda's second link has a = d = 0: it takes no points, and the first link keeps its end
// (the chain's end when link_num = 2; the original dropped it).
TEST(RobotManipulator, SampleLinksZeroLengthLastLink) {
  IVY_VISION_SKIP_ON_STUB();
  const robot::PandaManipulator panda;
  EXPECT_EQ(panda.link_lengths()[1], 0.0);
  EXPECT_EQ(panda.num_link_samples(2), 9);  // ceil(0.333 * 25)
  const Array s = panda.sample_links(make({0.3, 0.5, 0, 0, 0, 0, 0}, {7}), 2);
  std::vector<double> want;
  for (int k = 0; k < 9; ++k) want.insert(want.end(), {0, 0, 0.333 * k / 8});
  expect_close(s, want, {9, 3});
}

// ---- Batches, dtypes, backends ----

TEST(RobotManipulator, BatchedEqualsUnbatched) {
  IVY_VISION_SKIP_ON_STUB();
  const robot::MicoManipulator mico;
  std::vector<double> angles;
  for (int i = 0; i < 36; ++i) angles.push_back(std::sin(1.7 * i + 0.3) * 3);
  const Array batch = make(angles, {2, 3, 6});
  const Array mats = mico.compute_link_matrices(batch, 5);
  const Array poses = mico.compute_link_poses(batch, 6);
  const Array samples = mico.sample_links(batch, std::nullopt, 40);
  EXPECT_EQ(ivy::shape(mats), (ivy::Shape{2, 3, 6, 4, 4}));
  EXPECT_EQ(ivy::shape(poses), (ivy::Shape{2, 3, 7, 6}));
  EXPECT_EQ(ivy::shape(samples), (ivy::Shape{2, 3, mico.num_link_samples(std::nullopt, 40), 3}));
  for (std::int64_t i = 0; i < 2; ++i)
    for (std::int64_t j = 0; j < 3; ++j) {
      const std::vector<ivy::Slice> at = {{i, i + 1}, {j, j + 1}};
      const Array one = ivy::reshape(ivy::slice(batch, at), {6});
      expect_close(ivy::reshape(ivy::slice(mats, at), {6, 4, 4}),
                   mico.compute_link_matrices(one, 5));
      expect_close(ivy::reshape(ivy::slice(poses, at), {7, 6}), mico.compute_link_poses(one, 6));
      expect_close(
          ivy::reshape(ivy::slice(samples, at), ivy::shape(mico.sample_links(one, {}, 40))),
          mico.sample_links(one, std::nullopt, 40));
    }
}

// float32 angles give float32 results (the parameters are exact doubles cast to them), within
// float32 rounding of the double reference, on every backend.
TEST(RobotManipulator, Float32) {
  IVY_VISION_SKIP_ON_STUB();
  const Table t = mico_table();
  const std::vector<double> theta = {0.3, -1.2, 2.2, 0.5, -0.4, 1.9};
  const robot::MicoManipulator mico(std::nullopt, ivy::float32);
  const Array q =
      ivy::array(theta, {6}, ivy::Options(ivy::float32).on(ivy::backend(backend_under_test())));
  const Array mats = mico.compute_link_matrices(q, 6);
  EXPECT_EQ(mats.dtype(), ivy::float32);
  EXPECT_EQ(mico.sample_links(q).dtype(), ivy::float32);
  EXPECT_EQ(mico.compute_link_poses(q, 6).dtype(), ivy::float32);
  const std::vector<double> want = flat_frames(standard_chain(t, theta), 7);
  const std::vector<double> got = mats.to_vector<double>();
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 2e-6) << i;
}

// ---- Errors ----

TEST(RobotManipulator, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  const robot::MicoManipulator mico;
  const Array q = make({0, 0, 0, 0, 0, 0}, {6});
  const std::string be = backend_under_test();
  expect_robot_error<ivy::ValueError>([&] { mico.compute_link_matrices(q, 0); },
                                      "Manipulator.compute_link_matrices [" + be,
                                      "link_num must be in [1, 6], got 0");
  expect_robot_error<ivy::ValueError>([&] { mico.compute_link_poses(q, 7); },
                                      "Manipulator.compute_link_poses [" + be, "got 7");
  expect_robot_error<ivy::ValueError>([&] { mico.sample_links(q, 9); },
                                      "Manipulator.sample_links [" + be, "got 9");
  expect_robot_error<ivy::ShapeError>(
      [&] {
        mico.compute_link_matrices(make({0, 0, 0, 0, 0}, {5}), 6);
      },
      "Manipulator.compute_link_matrices [" + be, "[...,6]");
  expect_robot_error<ivy::ShapeError>([&] { mico.sample_links(make({0}, {})); },
                                      "Manipulator.sample_links [" + be, "got []");
  expect_robot_error<ivy::DTypeError>(
      [&] {
        mico.compute_link_poses(ivy::zeros({6}, ivy::Options(ivy::int32).on(ivy::backend(be))), 6);
      },
      "Manipulator.compute_link_poses [" + be, "joint_angles must be a float array, got int32");
  for (const double spm : {0.0, -1.0, std::nan("")})
    expect_robot_error<ivy::ValueError>([&] { mico.sample_links(q, std::nullopt, spm); },
                                        "Manipulator.sample_links [" + be, "samples_per_metre");

  const Array one = make({0.1, 0.2}, {2});
  const Array three = make({0.1, 0.2, 0.3}, {3});
  expect_robot_error<ivy::ShapeError>([&] { robot::Manipulator(one, one, three, one, one); },
                                      "Manipulator [" + be,
                                      "one length NJ >= 1, got 2, 2, 3, 2, 2");
  expect_robot_error<ivy::ShapeError>(
      [&] {
        const Array e = make({}, {0});
        robot::Manipulator(e, e, e, e, e);
      },
      "Manipulator [" + be, "NJ >= 1");
  expect_robot_error<ivy::ShapeError>(
      [&] {
        robot::Manipulator(make({0.1, 0.2}, {1, 2}), one, one, one, one);
      },
      "Manipulator [" + be, "a_s: expected shape [NJ], got [1,2]");
  expect_robot_error<ivy::DTypeError>(
      [&] {
        robot::Manipulator(one, ivy::zeros({2}, ivy::Options(ivy::int64).on(ivy::backend(be))), one,
                           one, one);
      },
      "Manipulator [" + be, "d_s must be a float array");
  expect_robot_error<ivy::ValueError>(
      [&] {
        robot::Manipulator(one, make({0.1, std::nan("")}, {2}), one, one, one);
      },
      "Manipulator [" + be, "d_s must be finite");
  expect_robot_error<ivy::ShapeError>(
      [&] {
        robot::MicoManipulator(make({1, 0, 0, 0, 1, 0, 0, 0, 1}, {3, 3}));
      },
      "Manipulator [" + be, "base_inv_ext_mat: expected shape [3,4] or [4,4], got [3,3]");
  expect_robot_error<ivy::ValueError>(
      [&] {
        robot::PandaManipulator(make({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1}, {4, 4}));
      },
      "Manipulator [" + be, "last row 0 0 0 1");
}

// ---- Gradients against central finite differences ----

using GradCase = ivy::testing::GradientCase;

// Joint configurations away from the rotation vector's angle-pi singularity.
std::vector<GradCase> grad_cases() {
  const std::vector<double> mico_q = {1.2, 2.5, 3.9, 0.4, 2.2, -0.7, 0.3, 2.9, 3.1, -0.5, 2.6, 0.2};
  return {
      {"sample_links_mico",
       [](const Array& q) { return robot::MicoManipulator().sample_links(q); },
       mico_q,
       {2, 6}},
      {"sample_links_mico_based_to_link_4",
       [](const Array& q) {
         const std::vector<double> b = {0, -1, 0, 0.85, 1, 0, 0, -0.025, 0, 0, 1, 0.7};
         return robot::MicoManipulator(
                    ivy::array(b, {3, 4}, ivy::Options(q.dtype()).on(q.backend())))
             .sample_links(q, 4, 40);
       },
       mico_q,
       {2, 6}},
      {"compute_link_poses_mico",
       [](const Array& q) { return robot::MicoManipulator().compute_link_poses(q, 6); },
       {0.3, -1.2, 2.2, 0.5, -0.4, 1.9},
       {6}},
      {"compute_link_poses_panda",
       [](const Array& q) { return robot::PandaManipulator().compute_link_poses(q, 7); },
       {0.2, -0.6, 0.3, -2.0, 0.1, 1.4, 0.5},
       {7}},
  };
}

class RobotManipulatorGradient : public ::testing::TestWithParam<std::size_t> {};

// float64 (where the backend has it) against step-1e-6 differences.
TEST_P(RobotManipulatorGradient, MatchesFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  const ivy::Backend& b = ivy::backend(backend_under_test());
  if (!ivy::supports_dtype(b, ivy::float64)) GTEST_SKIP() << "needs float64";
  ivy::testing::expect_matches_finite_differences(grad_cases()[GetParam()], b, 1e-5);
}

// float32 on every backend (the demo's dtype) against step-1e-3 differences of float32 results
// taken in double, more loosely.
TEST_P(RobotManipulatorGradient, Float32MatchesFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  const ivy::Backend& b = ivy::backend(backend_under_test());
  const GradCase c = grad_cases()[GetParam()];
  const auto on_b = [&](const std::vector<double>& v) {
    return ivy::array(v, c.shape, ivy::Options(ivy::float32).on(b));
  };
  const auto r = ivy::execute_with_gradients(
      [&](const std::vector<Array>& v) {
        const Array y = c.f(v[0]);
        std::vector<double> w(static_cast<std::size_t>(y.size()));
        for (std::size_t i = 0; i < w.size(); ++i) w[i] = ivy::testing::loss_weight(i);
        return ivy::sum(ivy::multiply(
            y, ivy::array(w, ivy::shape(y), ivy::Options(y.dtype()).on(y.backend()))));
      },
      {on_b(c.input)});
  const std::vector<double> grad = r.grads[0].to_vector<double>();
  constexpr double kStep = 1e-3;
  for (std::size_t i = 0; i < c.input.size(); ++i) {
    std::vector<double> up = c.input, down = c.input;
    up[i] += kStep;
    down[i] -= kStep;
    const double central =
        (ivy::testing::weighted(c.f, on_b(up)) - ivy::testing::weighted(c.f, on_b(down))) /
        (2 * kStep);
    EXPECT_NEAR(grad[i], central, 2e-2 * std::max(1.0, std::abs(central))) << c.name << " " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Robot, RobotManipulatorGradient,
                         ::testing::Range<std::size_t>(0, grad_cases().size()),
                         [](const auto& info) { return grad_cases()[info.param].name; });

}  // namespace
