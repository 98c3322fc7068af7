// ivy::vision optical flow on the backend under test. Expected values are independent: a depth
// image's points projected into two cameras on the host in double (their pixel difference is
// the flow, and triangulating the flow gives the depth back), a hand-checkable fundamental
// matrix (horizontal epipolar lines) and the foot of the perpendicular, brute-force cost-volume
// loops, a linear camera-coordinate image (bilinear interpolation is exact on it), one object
// moved by a known translation, and the typed errors for bad inputs.
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

constexpr int kH = 4, kW = 5;

std::vector<double> cat(std::vector<double> a, const std::vector<double>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

double depth_at(int x, int y) { return 2.0 + 0.3 * x - 0.2 * y + 0.05 * x * y; }

// Camera 1's depth-scaled pixels of a 4 x 5 depth image and the flow of those points into
// camera 2, both on the host: world = E1^-1 (d K^-1 (x, y, 1)), flow = pixel of P2 world - (x, y).
struct FlowCase {
  std::vector<double> ds1, depth, flow;
};
FlowCase flow_case() {
  FlowCase c;
  const std::vector<double> e1 = host_ext_mat(rotation(), kCentre);
  const std::vector<double> p2 = host_full_mat(host_ext_mat(rotation2(), kCentre2));
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const double d = depth_at(x, y);
      c.ds1.insert(c.ds1.end(), {x * d, y * d, d});
      c.depth.push_back(d);
      const Vec3 q = host_apply(p2, host_cam_to_world(e1, host_unproject(x, y, d)));
      c.flow.insert(c.flow.end(), {q[0] / q[2] - x, q[1] / q[2] - y});
    }
  return c;
}
std::vector<double> full_mats_host() {
  return cat(host_full_mat(host_ext_mat(rotation(), kCentre)),
             host_full_mat(host_ext_mat(rotation2(), kCentre2)));
}
// P2 P1^-1 (homogeneous), computed with ivy from the host matrices.
Array cam1to2_full_mat() {
  const Array p = ivy::mech::make_transformation_homogeneous(make(full_mats_host(), {2, 3, 4}));
  const std::vector<Array> ps = ivy::unstack(p, 0);
  return ivy::matmul(ps[1], ivy::inv(ps[0]));
}

TEST(VisionFlow, FlowFromDepthAndCamMats) {
  IVY_VISION_SKIP_ON_STUB();
  const FlowCase c = flow_case();
  // Batch [2]: the two cameras, then the identity (no flow).
  const Array mats = ivy::stack({cam1to2_full_mat(), ivy::identity(4, {}, opts())}, 0);
  const Array flow =
      vision::flow_from_depth_and_cam_mats(make(cat(c.ds1, c.ds1), {2, kH, kW, 3}), mats);
  expect_close(flow, cat(c.flow, std::vector<double>(c.flow.size(), 0.0)), {2, kH, kW, 2}, 1e3);
  // A point list, unbatched, with the 3 x 4 top of the matrix.
  const Array list = vision::flow_from_depth_and_cam_mats(make(c.ds1, {kH * kW, 3}),
                                                          ivy::slice(cam1to2_full_mat(), {{0, 3}}));
  expect_close(list, c.flow, {kH * kW, 2}, 1e3);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::flow_from_depth_and_cam_mats(make(c.flow, {kH, kW, 2}), cam1to2_full_mat());
      },
      "flow_from_depth_and_cam_mats", "ds_pixel_coords1");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::flow_from_depth_and_cam_mats(make(c.ds1, {kH, kW, 3}), calib());
      },
      "flow_from_depth_and_cam_mats", "cam1to2_full_mat");
}

TEST(VisionFlow, DepthFromFlowBothMethods) {
  IVY_VISION_SKIP_ON_STUB();
  const FlowCase c = flow_case();
  const Array flow = make(c.flow, {kH, kW, 2});
  const Array mats = make(full_mats_host(), {2, 3, 4});
  for (const char* method : {"cmp", "dlt"}) {
    SCOPED_TRACE(method);
    expect_close(vision::depth_from_flow_and_cam_mats(flow, mats, std::nullopt, std::nullopt,
                                                      std::nullopt, method),
                 c.depth, {kH, kW, 1}, 1e3);
    // Batch [3], with a given unbatched pixel grid.
    const Array pix = vision::create_uniform_pixel_coords_image({kH, kW}, {}, false, true, opts());
    const Array d = vision::depth_from_flow_and_cam_mats(ivy::broadcast_to(flow, {3, kH, kW, 2}),
                                                         ivy::broadcast_to(mats, {3, 2, 3, 4}),
                                                         std::nullopt, std::nullopt, pix, method);
    expect_close(d, cat(cat(c.depth, c.depth), c.depth), {3, kH, kW, 1}, 1e3);
  }
  expect_error<ivy::ValueError>(
      [&] {
        vision::depth_from_flow_and_cam_mats(flow, mats, std::nullopt, std::nullopt, std::nullopt,
                                             "svd");
      },
      "depth_from_flow_and_cam_mats", "cmp|dlt");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::depth_from_flow_and_cam_mats(make(c.flow, {kH * kW, 2}), mats);
      },
      "depth_from_flow_and_cam_mats", "flow");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::depth_from_flow_and_cam_mats(flow, ivy::broadcast_to(mats, {3, 2, 3, 4}));
      },
      "depth_from_flow_and_cam_mats", "must lead");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::depth_from_flow_and_cam_mats(
            flow, mats, std::nullopt, std::nullopt,
            vision::create_uniform_pixel_coords_image({kW, kH}, {}, false, true, opts()));
      },
      "depth_from_flow_and_cam_mats", "uniform_pixel_coords");
}

// F = [e]x: every epipolar line passes through the epipole e. The projected target is the foot
// of the perpendicular from x + flow to the line through the pixel x and e; at the pixel that
// is the epipole, (2, 1), there is no line and the flow is unchanged.
TEST(VisionFlow, ProjectFlowToEpipolarLine) {
  IVY_VISION_SKIP_ON_STUB();
  const std::array<double, 2> e = {2, 1};
  const Array f = make({0, -1, e[1], 1, 0, -e[0], -e[1], e[0], 0}, {3, 3});
  std::vector<double> flow, want;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const double fx = 0.3 * x - 0.5, fy = 0.2 * y + 0.1 * x - 0.4;
      flow.insert(flow.end(), {fx, fy});
      if (x == e[0] && y == e[1]) {
        want.insert(want.end(), {fx, fy});
        continue;
      }
      const double ux = e[0] - x, uy = e[1] - y, n = std::hypot(ux, uy);
      const double along = (fx * ux + fy * uy) / (n * n);
      want.insert(want.end(), {along * ux, along * uy});
    }
  expect_close(vision::project_flow_to_epipolar_line(make(flow, {kH, kW, 2}), f), want, {kH, kW, 2},
               10);
  // Horizontal epipolar lines, F = [(1, 0, 0)]x: only the horizontal flow stays. Batch [2].
  const Array fh = make({0, 0, 0, 0, 0, -1, 0, 1, 0}, {3, 3});
  std::vector<double> horizontal;
  for (std::size_t i = 0; i < flow.size(); i += 2)
    horizontal.insert(horizontal.end(), {flow[i], 0});
  const Array both = vision::project_flow_to_epipolar_line(make(cat(flow, flow), {2, kH, kW, 2}),
                                                           ivy::stack({f, fh}, 0));
  expect_close(both, cat(want, horizontal), {2, kH, kW, 2}, 10);
  // The true flow of two cameras already lies on its epipolar lines.
  const FlowCase c = flow_case();
  const std::vector<double> p = full_mats_host();
  const Array fund = vision::get_fundamental_matrix(make({p.begin(), p.begin() + 12}, {3, 4}),
                                                    make({p.begin() + 12, p.end()}, {3, 4}));
  expect_close(vision::project_flow_to_epipolar_line(make(c.flow, {kH, kW, 2}), fund), c.flow,
               {kH, kW, 2}, 1e3);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::project_flow_to_epipolar_line(make(flow, {kH, kW, 2}), ivy::stack({f, fh}, 0));
      },
      "project_flow_to_epipolar_line", "batch shapes differ");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::project_flow_to_epipolar_line(make(flow, {kH, kW, 2}),
                                              make({1, 2, 3, 4, 5, 6}, {2, 3}));
      },
      "project_flow_to_epipolar_line", "fund_mat");
}

TEST(VisionFlow, PixelCostVolumeMatchesLoops) {
  IVY_VISION_SKIP_ON_STUB();
  constexpr int kB = 2, kD = 3;
  std::vector<double> a, b;
  for (int i = 0; i < kB * kH * kW * kD; ++i) {
    a.push_back(std::sin(0.7 * i) + 0.1 * i);
    b.push_back(std::cos(1.3 * i) - 0.05 * i);
  }
  const auto at = [](const std::vector<double>& v, int n, int y, int x, int d) {
    return v[static_cast<std::size_t>(((n * kH + y) * kW + x) * kD + d)];
  };
  for (int r : {0, 1, 2}) {
    SCOPED_TRACE(r);
    const int k = 2 * r + 1;
    std::vector<double> want;
    for (int n = 0; n < kB; ++n)
      for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
          for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) {
              double s = 0;
              const int y2 = y + dy, x2 = x + dx;
              if (y2 >= 0 && y2 < kH && x2 >= 0 && x2 < kW)
                for (int d = 0; d < kD; ++d) s += at(a, n, y, x, d) * at(b, n, y2, x2, d);
              want.push_back(s / kD);
            }
    expect_close(vision::pixel_cost_volume(make(a, {kB, kH, kW, kD}), make(b, {kB, kH, kW, kD}), r),
                 want, {kB, kH, kW, k * k}, 10);
  }
  // Unbatched: the first image of the batch.
  const Array one =
      vision::pixel_cost_volume(make({a.begin(), a.begin() + kH * kW * kD}, {kH, kW, kD}),
                                make({b.begin(), b.begin() + kH * kW * kD}, {kH, kW, kD}), 1);
  const Array two =
      vision::pixel_cost_volume(make(a, {kB, kH, kW, kD}), make(b, {kB, kH, kW, kD}), 1);
  expect_close(one, ivy::slice(two, {{0, 1}}).to_vector<double>(), {kH, kW, 9});
  expect_error<ivy::ValueError>(
      [&] {
        vision::pixel_cost_volume(make(a, {kB, kH, kW, kD}), make(b, {kB, kH, kW, kD}), -1);
      },
      "pixel_cost_volume", "search_range");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::pixel_cost_volume(make(a, {kB, kH, kW, kD}), make(b, {kB, kH, kD, kW}), 1);
      },
      "pixel_cost_volume", "image2");
}

// Camera points of frame t-1 that are linear in the pixel, so the bilinear read at x + flow is
// exact inside the image; the flow sends some pixels outside (x + fx < 0, y + fy > H - 1).
Vec3 linear_point(double x, double y) {
  return {0.1 * x + 0.2, 0.05 * y - 0.1, 2 + 0.01 * x + 0.02 * y};
}

TEST(VisionFlow, VelocityFromFlowCamCoordsAndCamMats) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> ext = host_ext_mat(rotation2(), {0.1, -0.2, 0.3});
  const std::array<double, 2> dts = {0.5, 2.0};
  std::vector<double> flow, tm1, t, want_v, want_m;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const Vec3 p = linear_point(x, y);
      tm1.insert(tm1.end(), {p[0], p[1], p[2], 1.0});
      t.insert(t.end(), {0.3 * x, -0.2 * y, 1.0 + 0.1 * x * y, 1.0});
      flow.insert(flow.end(), {0.3 * x - 0.8, 0.7 * y - 1.1});
    }
  for (double dt : dts)
    for (int y = 0; y < kH; ++y)
      for (int x = 0; x < kW; ++x) {
        const double wx = 1.3 * x - 0.8, wy = 1.7 * y - 1.1;
        const bool valid = wx >= 0 && wx <= kW - 1 && wy >= 0 && wy <= kH - 1;
        want_m.push_back(valid ? 1.0 : 0.0);
        const Vec3 q = host_apply(ext, linear_point(wx, wy));
        const std::size_t i = static_cast<std::size_t>((y * kW + x) * 4);
        for (std::size_t k = 0; k < 3; ++k) want_v.push_back(valid ? (t[i + k] - q[k]) / dt : 0.0);
      }
  const auto [vel, mask] = vision::velocity_from_flow_cam_coords_and_cam_mats(
      make(cat(flow, flow), {2, kH, kW, 2}), make(cat(t, t), {2, kH, kW, 4}),
      make(cat(tm1, tm1), {2, kH, kW, 4}), make(cat(ext, ext), {2, 3, 4}),
      make({dts[0], dts[1]}, {2, 1}));
  expect_close(vel, want_v, {2, kH, kW, 3}, 100);
  EXPECT_EQ(mask.dtype(), ivy::bool_);
  expect_close(ivy::cast(mask, dtype()), want_m, {2, kH, kW, 1});
  // Unbatched, with [..., 3] camera points.
  const auto [vel1, mask1] = vision::velocity_from_flow_cam_coords_and_cam_mats(
      make(flow, {kH, kW, 2}), ivy::slice(make(t, {kH, kW, 4}), {{}, {}, {0, 3}}),
      ivy::slice(make(tm1, {kH, kW, 4}), {{}, {}, {0, 3}}), make(ext, {3, 4}), make({dts[0]}, {1}));
  expect_close(vel1, {want_v.begin(), want_v.begin() + kH * kW * 3}, {kH, kW, 3}, 100);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::velocity_from_flow_cam_coords_and_cam_mats(
            make(flow, {kH, kW, 2}), make(t, {kH, kW, 4}), make(tm1, {kH, kW, 4}),
            make(ext, {3, 4}), make({0.5, 1}, {2}));
      },
      "velocity_from_flow_cam_coords_and_cam_mats", "delta_t");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::velocity_from_flow_cam_coords_and_cam_mats(
            make(flow, {kH, kW, 2}), make(t, {kW, kH, 4}), make(tm1, {kH, kW, 4}),
            make(ext, {3, 4}), make({0.5}, {1}));
      },
      "velocity_from_flow_cam_coords_and_cam_mats", "cam_coords_t");
}

// A 4 x 5 id image: ids 1 on the left two columns, 2 on the rest of the top row, 0 elsewhere.
// Object 1 is translated by (0.1, -0.2, 0.3); object 7 is absent; the camera moves by E.
struct ObjectCase {
  std::vector<double> points, ids, obj_ids, obj_trans, ext;
  Vec3 shift{0.1, -0.2, 0.3};
  int id(int x, int y) const { return x < 2 ? 1 : (y == 0 ? 2 : 0); }
};
ObjectCase object_case() {
  ObjectCase c;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const Vec3 p = host_unproject(x, y, depth_at(x, y));
      c.points.insert(c.points.end(), {p[0], p[1], p[2], 1.0});
      c.ids.push_back(c.id(x, y));
    }
  c.obj_ids = {1, 7};
  c.obj_trans = {1, 0, 0, c.shift[0], 0, 1, 0, c.shift[1], 0, 0, 1, c.shift[2],
                 2, 0, 0, 5,          0, 2, 0, 5,          0, 0, 2, 5};
  c.ext = host_ext_mat(rotation2(), {0.1, -0.2, 0.3});
  return c;
}

TEST(VisionFlow, ProjectCamCoordsWithObjectTransformations) {
  IVY_VISION_SKIP_ON_STUB();
  const ObjectCase c = object_case();
  std::vector<double> want, want_mask;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const std::size_t i = static_cast<std::size_t>((y * kW + x) * 4);
      const Vec3 p{c.points[i], c.points[i + 1], c.points[i + 2]};
      const bool moving = c.id(x, y) == 1;
      const Vec3 q = moving ? Vec3{p[0] + c.shift[0], p[1] + c.shift[1], p[2] + c.shift[2]}
                            : host_apply(c.ext, p);
      want.insert(want.end(), {q[0], q[1], q[2], 1.0});
      want_mask.push_back(moving ? 1.0 : 0.0);
    }
  const auto [moved, mask] = vision::project_cam_coords_with_object_transformations(
      make(cat(c.points, c.points), {2, kH, kW, 4}), make(cat(c.ids, c.ids), {2, kH, kW, 1}),
      make(cat(c.obj_ids, c.obj_ids), {2, 2, 1}), make(cat(c.obj_trans, c.obj_trans), {2, 2, 3, 4}),
      make(cat(c.ext, c.ext), {2, 3, 4}));
  expect_close(moved, cat(want, want), {2, kH, kW, 4}, 10);
  EXPECT_EQ(mask.dtype(), ivy::bool_);
  expect_close(ivy::cast(mask, dtype()), cat(want_mask, want_mask), {2, kH, kW, 1});
  // Integer ids, a repeated id (the first object wins) and 4 x 4 transformations.
  const Array int_ids = ivy::array(std::vector<double>(c.ids), {kH, kW, 1},
                                   ivy::Options(ivy::int32).on(ivy::backend(backend_under_test())));
  const Array dup = ivy::array(std::vector<double>{1, 1}, {2, 1},
                               ivy::Options(ivy::int32).on(ivy::backend(backend_under_test())));
  const auto [moved1, mask1] = vision::project_cam_coords_with_object_transformations(
      make(c.points, {kH, kW, 4}), int_ids, dup,
      ivy::mech::make_transformation_homogeneous(make(c.obj_trans, {2, 3, 4})),
      make(c.ext, {3, 4}));
  expect_close(moved1, want, {kH, kW, 4}, 10);
  expect_close(ivy::cast(mask1, dtype()), want_mask, {kH, kW, 1});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::project_cam_coords_with_object_transformations(
            make(c.points, {kH, kW, 4}), make(c.ids, {kW, kH, 1}), make(c.obj_ids, {2, 1}),
            make(c.obj_trans, {2, 3, 4}), make(c.ext, {3, 4}));
      },
      "project_cam_coords_with_object_transformations", "id_image");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::project_cam_coords_with_object_transformations(
            make(c.points, {kH, kW, 4}), make(c.ids, {kH, kW, 1}), make(c.obj_ids, {2, 1}),
            make({c.obj_trans.begin(), c.obj_trans.begin() + 12}, {1, 3, 4}), make(c.ext, {3, 4}));
      },
      "project_cam_coords_with_object_transformations", "obj_trans");
}

TEST(VisionFlow, VelocityAndFlowFromObjectTransformations) {
  IVY_VISION_SKIP_ON_STUB();
  const ObjectCase c = object_case();
  const double dt = 0.25;
  std::vector<double> want_v, want_f;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const std::size_t i = static_cast<std::size_t>((y * kW + x) * 4);
      const Vec3 p{c.points[i], c.points[i + 1], c.points[i + 2]};
      const bool moving = c.id(x, y) == 1;
      for (std::size_t k = 0; k < 3; ++k) want_v.push_back(moving ? -c.shift[k] / dt : 0.0);
      const Vec3 q = moving ? Vec3{p[0] + c.shift[0], p[1] + c.shift[1], p[2] + c.shift[2]}
                            : host_apply(c.ext, p);
      // Pixel (x, y) moves to K q / q_z.
      want_f.insert(want_f.end(), {kFx * q[0] / q[2] + kPx - x, kFy * q[1] / q[2] + kPy - y});
    }
  const Array vel = vision::velocity_from_cam_coords_id_image_and_object_trans(
      make(cat(c.points, c.points), {2, kH, kW, 4}), make(cat(c.ids, c.ids), {2, kH, kW, 1}),
      make(cat(c.obj_ids, c.obj_ids), {2, 2, 1}), make(cat(c.obj_trans, c.obj_trans), {2, 2, 3, 4}),
      make({dt, dt}, {2, 1}));
  expect_close(vel, cat(want_v, want_v), {2, kH, kW, 3}, 10);
  const Array flow = vision::flow_from_cam_coords_id_image_and_object_trans(
      make(c.points, {kH, kW, 4}), make(c.ids, {kH, kW, 1}), make(c.obj_ids, {2, 1}),
      make(c.obj_trans, {2, 3, 4}), calib(), make(c.ext, {3, 4}));
  expect_close(flow, want_f, {kH, kW, 2}, 1e3);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::velocity_from_cam_coords_id_image_and_object_trans(
            make(c.points, {kH, kW, 4}), make(c.ids, {kH, kW, 1}), make(c.obj_ids, {2, 1}),
            make(c.obj_trans, {2, 3, 4}), make({dt, dt}, {2, 1}));
      },
      "velocity_from_cam_coords_id_image_and_object_trans", "must lead");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::flow_from_cam_coords_id_image_and_object_trans(
            make(c.points, {kH, kW, 4}), make(c.ids, {kH, kW, 1}), make(c.obj_ids, {2, 1}),
            make(c.obj_trans, {2, 3, 4}), ivy::broadcast_to(calib(), {2, 3, 3}),
            make(c.ext, {3, 4}));
      },
      "flow_from_cam_coords_id_image_and_object_trans", "batch shapes differ");
}

// ---- Gradients against central finite differences (float64) ----

using GradCase = ivy::testing::GradientCase;

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}

std::vector<GradCase> grad_cases() {
  const FlowCase fc = flow_case();
  const ObjectCase oc = object_case();
  const std::vector<double> small_flow(fc.flow.begin(), fc.flow.begin() + 2 * 2 * kW);
  std::vector<double> img;
  for (int i = 0; i < 2 * 3 * 2; ++i) img.push_back(std::sin(0.9 * i) + 0.2 * i);
  return {
      {"flow_from_depth_and_cam_mats",
       [](const Array& ds) {
         return vision::flow_from_depth_and_cam_mats(ds,
                                                     ivy::cast(cam1to2_full_mat(), ivy::float64));
       },
       std::vector<double>(fc.ds1.begin(), fc.ds1.begin() + 18),
       {6, 3}},
      {"depth_from_flow_and_cam_mats_cmp",
       [](const Array& f) {
         return vision::depth_from_flow_and_cam_mats(f, f64(full_mats_host(), {2, 3, 4}));
       },
       small_flow,
       {2, kW, 2}},
      {"depth_from_flow_and_cam_mats_dlt",
       [](const Array& f) {
         return vision::depth_from_flow_and_cam_mats(
             f, f64(full_mats_host(), {2, 3, 4}), std::nullopt, std::nullopt, std::nullopt, "dlt");
       },
       small_flow,
       {2, kW, 2}},
      {"project_flow_to_epipolar_line",
       [](const Array& f) {
         return vision::project_flow_to_epipolar_line(
             f, f64({0.1, -1, 1, 1, 0.2, -2, -1, 2, 0.1}, {3, 3}));
       },
       {0.3, -0.2, 0.5, 0.1, -0.4, 0.6, 0.2, 0.2, 1.0, -1.0, 0.0, 0.7},
       {2, 3, 2}},
      {"pixel_cost_volume_wrt_image1",
       [img](const Array& a) {
         return vision::pixel_cost_volume(a, f64(img, {2, 3, 2}), 1);
       },
       img,
       {2, 3, 2}},
      {"velocity_from_flow_cam_coords_and_cam_mats_wrt_cam_coords_tm1",
       [](const Array& tm1) {
         return vision::velocity_from_flow_cam_coords_and_cam_mats(
                    f64({0.3, 0.2, -0.4, 0.1, 0.2, -0.3, -0.1, -0.6}, {2, 2, 2}),
                    f64({1, 2, 3, 2, 1, 3, 0, 1, 2, 1, 1, 4}, {2, 2, 3}), tm1,
                    f64(host_ext_mat(rotation2(), {0.1, -0.2, 0.3}), {3, 4}), f64({0.5}, {1}))
             .first;
       },
       {0.5, 0.2, 2.0, 0.1, -0.3, 2.5, 0.7, 0.4, 3.0, -0.2, 0.1, 2.2},
       {2, 2, 3}},
      {"flow_from_cam_coords_id_image_and_object_trans_wrt_cam_coords",
       [oc](const Array& p) {
         return vision::flow_from_cam_coords_id_image_and_object_trans(
             p, f64({oc.ids.begin(), oc.ids.begin() + kW}, {1, kW, 1}), f64(oc.obj_ids, {2, 1}),
             f64(oc.obj_trans, {2, 3, 4}), f64({kFx, 0, kPx, 0, kFy, kPy, 0, 0, 1}, {3, 3}),
             f64(oc.ext, {3, 4}));
       },
       {oc.points.begin(), oc.points.begin() + 4 * kW},
       {1, kW, 4}},
      {"velocity_from_cam_coords_id_image_and_object_trans_wrt_obj_trans",
       [oc](const Array& t) {
         return vision::velocity_from_cam_coords_id_image_and_object_trans(
             f64({oc.points.begin(), oc.points.begin() + 4 * kW}, {1, kW, 4}),
             f64({oc.ids.begin(), oc.ids.begin() + kW}, {1, kW, 1}), f64(oc.obj_ids, {1, 2, 1}), t,
             f64({0.25}, {1, 1}));
       },
       oc.obj_trans,
       {1, 2, 3, 4}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(VisionFlow, VisionFlowGradient, grad_cases, 1e-5);

}  // namespace
