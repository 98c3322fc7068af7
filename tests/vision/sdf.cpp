// ivy::vision signed distances on the backend under test. Expected values are independent:
// hand-checkable points of a unit sphere and a unit cube (centre, faces, edges, corners), the
// distance to a box written as |p - clamp(p, -h, h)| outside and -min_i(h_i - |p_i|) inside (not
// the library's formula), cuboids moved by a known pose, the minimum over primitives, batch
// shapes, typed errors and finite-difference gradients.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "support/finite_differences.hpp"
#include "support/support_record.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace vision = ivy::vision;
using namespace ivy::testing::vision_cases;
using P3 = std::array<double, 3>;

double sphere_sdf(const P3& p, const P3& c, double r) {
  return std::sqrt((p[0] - c[0]) * (p[0] - c[0]) + (p[1] - c[1]) * (p[1] - c[1]) +
                   (p[2] - c[2]) * (p[2] - c[2])) -
         r;
}

// Signed distance to the box [-h, h] (in its own frame): the distance to the clamped point
// outside, minus the distance to the nearest face inside.
double box_sdf(const P3& p, const P3& h) {
  bool inside = true;
  double out = 0, face = 1e300;
  for (int i = 0; i < 3; ++i) {
    const double c = std::clamp(p[i], -h[i], h[i]);
    out += (p[i] - c) * (p[i] - c);
    inside = inside && std::abs(p[i]) <= h[i];
    face = std::min(face, h[i] - std::abs(p[i]));
  }
  return inside ? -face : std::sqrt(out);
}

std::vector<double> flat(const std::vector<P3>& ps) {
  std::vector<double> v;
  for (const P3& p : ps) v.insert(v.end(), p.begin(), p.end());
  return v;
}

// World-to-cuboid [R^T | -R^T t] for a cuboid posed at R (the vision_cases rotation) and t.
const P3 kT = {1.0, -0.5, 2.0};
std::vector<double> cuboid_ext() {
  const std::vector<double> r = rotation();
  std::vector<double> e(12, 0.0);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) e[i * 4 + j] = r[j * 3 + i];
    for (int j = 0; j < 3; ++j) e[i * 4 + 3] -= r[j * 3 + i] * kT[j];
  }
  return e;
}
P3 to_world(const P3& local) {
  const std::vector<double> r = rotation();
  P3 w{};
  for (int i = 0; i < 3; ++i)
    w[i] = kT[i] + r[i * 3] * local[0] + r[i * 3 + 1] * local[1] + r[i * 3 + 2] * local[2];
  return w;
}

TEST(VisionSdf, UnitSphere) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<P3> q = {{0, 0, 0}, {1, 0, 0},     {0, -1, 0}, {0, 0, 3},
                             {1, 1, 1}, {0.5, 0.5, 0}, {-2, 0, 0}};
  const std::vector<double> want = {-1, 0, 0, 2, std::sqrt(3.0) - 1, std::sqrt(0.5) - 1, 1};
  const Array d = vision::sphere_signed_distances(make({0, 0, 0}, {1, 3}), make({1}, {1, 1}),
                                                  make(flat(q), {7, 3}));
  expect_close(d, want, {7, 1});
}

// Two spheres (as the original's test: centres 0 and (0, 1, 2), radii 1 and 0.5), batched: the
// second batch entry moves both and grows the radii.
TEST(VisionSdf, SpheresMinimumAndBatch) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<P3> c0 = {{0, 0, 0}, {0, 1, 2}}, c1 = {{1, 0, 0}, {-1, 2, 0}};
  const std::vector<double> r0 = {1, 0.5}, r1 = {0.3, 1.2};
  const std::vector<P3> q = {{0, 0, 0}, {0, 1, 0}, {0, 1, 2}, {0, 1.5, 2}, {2, -1, 0.5}};
  const Array d =
      vision::sphere_signed_distances(make(flat({c0[0], c0[1], c1[0], c1[1]}), {2, 2, 3}),
                                      make({r0[0], r0[1], r1[0], r1[1]}, {2, 2, 1}),
                                      ivy::broadcast_to(make(flat(q), {5, 3}), {2, 5, 3}));
  std::vector<double> want;
  for (int b = 0; b < 2; ++b)
    for (const P3& p : q) {
      const auto& c = b == 0 ? c0 : c1;
      const auto& r = b == 0 ? r0 : r1;
      want.push_back(std::min(sphere_sdf(p, c[0], r[0]), sphere_sdf(p, c[1], r[1])));
    }
  expect_close(d, want, {2, 5, 1});
  EXPECT_NEAR(want[0], -1, 1e-12);  // the original's hand values
  EXPECT_NEAR(want[1], 0, 1e-12);
  EXPECT_NEAR(want[2], -0.5, 1e-12);
  EXPECT_NEAR(want[3], 0, 1e-12);
}

TEST(VisionSdf, UnitCube) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<P3> q = {{0, 0, 0},   {0.5, 0, 0},     {0, -0.5, 0.2}, {0.2, 0.1, 0},
                             {2, 0, 0},   {0, 0, -1.25},   {1, 1, 0},      {1.5, 1.5, 1.5},
                             {1, 0.2, 0}, {-0.5, 0.5, 0.5}};
  const std::vector<double> want = {-0.5,           0,   0, -0.3, 1.5, 0.75, std::sqrt(0.5),
                                    std::sqrt(3.0), 0.5, 0};
  for (std::size_t i = 0; i < q.size(); ++i)
    EXPECT_NEAR(box_sdf(q[i], {0.5, 0.5, 0.5}), want[i], 1e-12) << i;
  const Array ext = make({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, {1, 3, 4});
  const Array d =
      vision::cuboid_signed_distances(ext, make({1, 1, 1}, {1, 3}), make(flat(q), {10, 3}));
  expect_close(d, want, {10, 1});
}

// A cuboid with sides (0.5, 1.0, 0.75) posed at (rotation(), kT): points chosen in its frame
// (centre, faces, edges, corners, inside, outside) are moved to the world; [3,4] and [4,4]
// transforms agree.
TEST(VisionSdf, RotatedTranslatedCuboid) {
  IVY_VISION_SKIP_ON_STUB();
  const P3 h = {0.25, 0.5, 0.375};
  const std::vector<P3> local = {{0, 0, 0},        {0.25, 0, 0},      {0, -0.5, 0.1},
                                 {0.1, 0.2, -0.3}, {1, 0, 0},         {0.5, 1, 0},
                                 {-1, -1, 1},      {0.3, 0.1, 0.375}, {0.05, -0.45, 0.02}};
  std::vector<P3> world;
  std::vector<double> want;
  for (const P3& p : local) {
    world.push_back(to_world(p));
    want.push_back(box_sdf(p, h));
  }
  const Array dims = make({0.5, 1.0, 0.75}, {1, 3});
  const Array pts = make(flat(world), {9, 3});
  expect_close(vision::cuboid_signed_distances(make(cuboid_ext(), {1, 3, 4}), dims, pts), want,
               {9, 1});
  std::vector<double> homo = cuboid_ext();
  homo.insert(homo.end(), {0, 0, 0, 1});
  expect_close(vision::cuboid_signed_distances(make(homo, {1, 4, 4}), dims, pts), want, {9, 1});
}

// The original's test: a unit cube at the origin and a cuboid posed by a permutation and
// (1, 2, 3): its centre is 0.25 inside, (1, 2, 3.25) on its x face; batched with a second entry
// holding only translated unit cubes.
TEST(VisionSdf, CuboidsMinimumAndBatch) {
  IVY_VISION_SKIP_ON_STUB();
  // pose [P | t] with P = [[0,1,0],[0,0,1],[1,0,0]]: its inverse is [P^T | -P^T t].
  const std::vector<double> inv_pose = {0, 0, 1, -3, 1, 0, 0, -1, 0, 1, 0, -2};
  const std::vector<double> id = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
  const std::vector<double> shifted = {1, 0, 0, -3, 0, 1, 0, 0, 0, 0, 1, 0};  // centre (3,0,0)
  std::vector<double> ext = id;
  for (const auto* m : {&inv_pose, &id, &shifted}) ext.insert(ext.end(), m->begin(), m->end());
  const Array e = make(ext, {2, 2, 3, 4});
  const Array dims = make({1, 1, 1, 0.5, 1.0, 0.75, 1, 1, 1, 1, 1, 1}, {2, 2, 3});
  const std::vector<P3> q = {{0, 0, 0}, {0, 0.5, 0}, {1, 2, 3}, {1, 2, 3.25}, {1.5, 0, 0}};
  const Array d =
      vision::cuboid_signed_distances(e, dims, ivy::broadcast_to(make(flat(q), {5, 3}), {2, 5, 3}));
  std::vector<double> want;
  for (const P3& p : q)  // batch 0: cube at 0, and p in the posed cuboid's frame is P^T (p - t)
    want.push_back(std::min(box_sdf(p, {0.5, 0.5, 0.5}),
                            box_sdf({p[2] - 3, p[0] - 1, p[1] - 2}, {0.25, 0.5, 0.375})));
  for (const P3& p : q)
    want.push_back(
        std::min(box_sdf(p, {0.5, 0.5, 0.5}), box_sdf({p[0] - 3, p[1], p[2]}, {0.5, 0.5, 0.5})));
  expect_close(d, want, {2, 5, 1});
  EXPECT_NEAR(want[0], -0.5, 1e-12);  // the original's hand values
  EXPECT_NEAR(want[1], 0, 1e-12);
  EXPECT_NEAR(want[2], -0.25, 1e-12);
  EXPECT_NEAR(want[3], 0, 1e-12);
  EXPECT_NEAR(want[9], 1.0, 1e-12);  // (1.5, 0, 0) midway between the two unit cubes
}

TEST(VisionSdf, PrimitiveScene) {
  IVY_VISION_SKIP_ON_STUB();
  const vision::PrimitiveScene id = vision::PrimitiveScene::as_identity({2}, opts());
  EXPECT_EQ(ivy::shape(*id.sphere_positions), (ivy::Shape{2, 1, 3}));
  EXPECT_EQ(ivy::shape(*id.sphere_radii), (ivy::Shape{2, 1, 1}));
  EXPECT_EQ(ivy::shape(*id.cuboid_ext_mats), (ivy::Shape{2, 1, 3, 4}));
  EXPECT_EQ(ivy::shape(*id.cuboid_dims), (ivy::Shape{2, 1, 3}));
  EXPECT_EQ(id.sphere_radii->dtype(), dtype());

  // A sphere of radius 0.5 at (2, 0, 0) and the posed cuboid of RotatedTranslatedCuboid.
  vision::PrimitiveScene scene;
  scene.sphere_positions = make({2, 0, 0}, {1, 3});
  scene.sphere_radii = make({0.5}, {1, 1});
  scene.cuboid_ext_mats = make(cuboid_ext(), {1, 3, 4});
  scene.cuboid_dims = make({0.5, 1.0, 0.75}, {1, 3});
  const std::vector<P3> q = {{2, 0, 0}, {2.5, 0, 0},           {1.2, 0.1, 0},
                             kT,        to_world({0.6, 0, 0}), {0, 0, 0}};
  std::vector<double> want, want_spheres;
  const std::vector<double> r = rotation();
  for (const P3& p : q) {
    P3 local{};  // R^T (p - t)
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) local[i] += r[j * 3 + i] * (p[j] - kT[j]);
    want_spheres.push_back(sphere_sdf(p, {2, 0, 0}, 0.5));
    want.push_back(std::min(want_spheres.back(), box_sdf(local, {0.25, 0.5, 0.375})));
  }
  const Array pts = make(flat(q), {6, 3});
  expect_close(scene.sdf(pts), want, {6, 1});
  vision::PrimitiveScene spheres_only{scene.sphere_positions, scene.sphere_radii, {}, {}};
  expect_close(spheres_only.sdf(pts), want_spheres, {6, 1});

  // The identity scene: the unit cube lies inside the unit sphere, so the sphere decides.
  expect_close(id.sdf(make({0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 2, 0}, {2, 2, 3})), {-1, 2, -1, 1},
               {2, 2, 1});

  expect_error<ivy::ValueError>([&] { vision::PrimitiveScene{}.sdf(pts); }, "PrimitiveScene.sdf",
                                "no spheres");
  expect_error<ivy::ValueError>(
      [&] {
        vision::PrimitiveScene{scene.sphere_positions, {}, {}, {}}.sdf(pts);
      },
      "PrimitiveScene.sdf", "together");
}

TEST(VisionSdf, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  const Array c = make({0, 0, 0, 1, 1, 1}, {2, 3}), r = make({1, 2}, {2, 1});
  const Array q = make({0, 0, 0}, {1, 3});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_signed_distances(c, r, make({1, 2}, {1, 2}));
      },
      "sphere_signed_distances", "[...,3]");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_signed_distances(c, make({1, 2, 3}, {3, 1}), q);
      },
      "sphere_signed_distances", "batch shapes differ");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_signed_distances(ivy::broadcast_to(c, {2, 2, 3}),
                                        ivy::broadcast_to(r, {2, 2, 1}), q);
      },
      "sphere_signed_distances", "batch shapes differ");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_signed_distances(make({}, {0, 3}), make({}, {0, 1}), q);
      },
      "sphere_signed_distances", "at least one");
  const Array e = make({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, {1, 3, 4});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::cuboid_signed_distances(make({1, 0, 0, 0, 1, 0, 0, 0, 1}, {1, 3, 3}),
                                        make({1, 1, 1}, {1, 3}), q);
      },
      "cuboid_signed_distances", "[...,3,4] or [...,4,4]");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::cuboid_signed_distances(e, make({1, 1}, {1, 2}), q);
      },
      "cuboid_signed_distances", "cuboid_dims");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::cuboid_signed_distances(make({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, {3, 4}),
                                        make({1, 1, 1}, {3}), q);
      },
      "cuboid_signed_distances", "[...,N,3,4]");
}

// ---- Gradients against central finite differences (float64) ----

using GradCase = ivy::testing::GradientCase;

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}

std::vector<GradCase> grad_cases() {
  // Points off every tie: not at a centre, away from edges, no two primitives equally near.
  const std::vector<double> sphere_q = {0.3, -0.2, 0.4, 1.7,  0.4, -0.2,
                                        0.1, 0.9,  2.3, -1.2, 0.5, 0.3};
  const std::vector<double> cube_q = {0.1,  0.05, -0.2,  // inside, nearest face -z
                                      0.9,  0.1,  -0.2,  // outside a face
                                      0.8,  0.9,  0.1,   // outside an edge
                                      -0.9, 0.7,  1.1};  // outside a corner
  return {
      {"sphere_signed_distances_wrt_queries",
       [](const Array& q) {
         return vision::sphere_signed_distances(f64({0, 0, 0, 1.5, 1, 2}, {2, 3}),
                                                f64({1, 0.5}, {2, 1}), q);
       },
       sphere_q,
       {4, 3}},
      {"sphere_signed_distances_wrt_centres_and_radii",
       [sphere_q](const Array& cr) {
         const std::vector<Array> parts = ivy::split(cr, std::vector<std::int64_t>{3, 1}, -1);
         return vision::sphere_signed_distances(parts[0], parts[1], f64(sphere_q, {4, 3}));
       },
       {0, 0, 0, 1, 1.5, 1, 2, 0.5},
       {2, 4}},
      {"cuboid_signed_distances_wrt_queries",
       [](const Array& q) {
         return vision::cuboid_signed_distances(f64(cuboid_ext(), {1, 3, 4}),
                                                f64({0.5, 1.0, 0.75}, {1, 3}), q);
       },
       [&] {
         std::vector<P3> w;
         for (std::size_t i = 0; i < cube_q.size(); i += 3)
           w.push_back(to_world({cube_q[i] * 0.5, cube_q[i + 1], cube_q[i + 2] * 0.75}));
         return flat(w);
       }(),
       {4, 3}},
      {"cuboid_signed_distances_wrt_ext_mat",
       [cube_q](const Array& e) {
         return vision::cuboid_signed_distances(e, f64({1, 1, 1}, {1, 3}), f64(cube_q, {4, 3}));
       },
       {1, 0, 0, 0.02, 0, 1, 0, -0.01, 0, 0, 1, 0.03},
       {1, 3, 4}},
      {"cuboid_signed_distances_wrt_dims",
       [cube_q](const Array& d) {
         return vision::cuboid_signed_distances(
             f64({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, {1, 3, 4}), d, f64(cube_q, {4, 3}));
       },
       {1, 1.1, 0.9},
       {1, 3}},
      {"primitive_scene_sdf",
       [](const Array& q) {
         vision::PrimitiveScene s{f64({2, 0, 0}, {1, 3}), f64({0.5}, {1, 1}),
                                  f64({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, {1, 3, 4}),
                                  f64({1, 1, 1}, {1, 3})};
         return s.sdf(q);
       },
       {2.2, 0.3, 0.1, 0.8, 0.9, 0.1, 0.1, 0.05, -0.2},
       {3, 3}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(Vision, VisionSdfGradient, grad_cases, 1e-5);

}  // namespace
