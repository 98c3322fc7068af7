// ivy::vision single-view geometry on the backend under test. Expected values are independent:
// closed forms computed here in double (pinhole projection x = fx X / Z + px, radial depth,
// spherical angles), hand-checkable cases (identity camera, a point on the optical axis),
// round trips, batch shapes, and the typed errors for bad inputs.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <functional>
#include <numbers>
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

TEST(VisionPixels, UniformPixelCoordsImage) {
  IVY_VISION_SKIP_ON_STUB();
  const Array p = vision::create_uniform_pixel_coords_image({3, 4}, {2}, false, true, opts());
  std::vector<double> want;
  for (int b = 0; b < 2; ++b)
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 4; ++c) want.insert(want.end(), {double(c), double(r), 1.0});
  expect_close(p, want, {2, 3, 4, 3});
  const Array n = vision::create_uniform_pixel_coords_image({3, 4}, {}, true, false, opts());
  std::vector<double> want_n;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 4; ++c) want_n.insert(want_n.end(), {c / 4.0, r / 3.0});
  expect_close(n, want_n, {3, 4, 2});
  EXPECT_EQ(vision::create_uniform_pixel_coords_image({2, 2}).dtype(), ivy::float32);
  expect_error<ivy::ValueError>(
      [] {
        vision::create_uniform_pixel_coords_image({0, 4}, {}, false, true, opts());
      },
      "create_uniform_pixel_coords_image", "positive");
}

// An 8 x 12 image sampled on a 2 x 3 grid: windows of 4 x 4 pixels with centres at
// 4 i + 1.5, rounded half to even (2, 6, 10); randomized samples stay in their window.
TEST(VisionPixels, SampledPixelCoordsImage) {
  IVY_VISION_SKIP_ON_STUB();
  const Array p =
      vision::create_sampled_pixel_coords_image({8, 12}, {2, 3}, {2}, false, false, false, opts());
  ASSERT_EQ(ivy::shape(p), (ivy::Shape{2, 2, 3, 2}));
  const std::vector<double> got = p.to_vector<double>();
  for (int b = 0; b < 2; ++b)
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 3; ++c) {
        const std::size_t i = static_cast<std::size_t>(((b * 2 + r) * 3 + c) * 2);
        EXPECT_NEAR(got[i], std::nearbyint(4 * c + 1.5), 1e-6);
        EXPECT_NEAR(got[i + 1], std::nearbyint(4 * r + 1.5), 1e-6);
      }
  const Array q =
      vision::create_sampled_pixel_coords_image({8, 12}, {2, 3}, {4}, true, true, true, opts());
  ASSERT_EQ(ivy::shape(q), (ivy::Shape{4, 2, 3, 3}));
  const std::vector<double> v = q.to_vector<double>();
  for (std::size_t k = 0; k < v.size(); k += 3) {
    const std::size_t cell = (k / 3) % 6;
    const double x = v[k] * 12, y = v[k + 1] * 8;
    EXPECT_NEAR(x, std::round(x), 1e-4);
    EXPECT_GE(x, 4.0 * static_cast<double>(cell % 3) - 0.5 - 1e-4);
    EXPECT_LE(x, 4.0 * static_cast<double>(cell % 3) + 4.0 + 1e-4);
    EXPECT_GE(y, 4.0 * static_cast<double>(cell / 3) - 0.5 - 1e-4);
    EXPECT_LE(y, std::min(7.0, 4.0 * static_cast<double>(cell / 3) + 4.0) + 1e-4);
    EXPECT_EQ(v[k + 2], 1.0);
  }
  expect_error<ivy::ValueError>(
      [] {
        vision::create_sampled_pixel_coords_image({8, 12}, {0, 3}, {}, false, false, false, opts());
      },
      "create_sampled_pixel_coords_image", "samples_per_dim");
}

TEST(VisionPixels, DownsampledImageDims) {
  EXPECT_EQ(vision::downsampled_image_dims_from_desired_num_pixels({480, 640}, 1200),
            (std::array<std::int64_t, 3>{30, 40, 1200}));
  // 1000 pixels at 4:3: h = sqrt(750) = 27.39, w = 36.51 -> rounded 27 x 37, floored 27 x 36.
  EXPECT_EQ(vision::downsampled_image_dims_from_desired_num_pixels({480, 640}, 1000),
            (std::array<std::int64_t, 3>{27, 37, 999}));
  const auto m = vision::downsampled_image_dims_from_desired_num_pixels({480, 640}, 1000, true);
  EXPECT_EQ(m, (std::array<std::int64_t, 3>{27, 36, 972}));
  EXPECT_LE(m[2], 1000);
  EXPECT_THROW(vision::downsampled_image_dims_from_desired_num_pixels({480, 0}, 10),
               ivy::ValueError);
  EXPECT_THROW(vision::downsampled_image_dims_from_desired_num_pixels({480, 640}, 0),
               ivy::ValueError);
}

TEST(VisionIntrinsics, FocalLengthsAndPerspAngles) {
  IVY_VISION_SKIP_ON_STUB();
  // A 90 degree field of view across W = 640 gives |f| = 320; the library's sign is negative.
  const Array a = make({kPi / 2, kPi / 3, 1.0, 0.5}, {2, 2});
  const Array f = vision::persp_angles_to_focal_lengths(a, {480, 640});
  expect_close(
      f, {-320.0, -240.0 / std::tan(kPi / 6), -320.0 / std::tan(0.5), -240.0 / std::tan(0.25)},
      {2, 2});
  expect_close(vision::focal_lengths_to_persp_angles(f, {480, 640}), a);
  expect_error<ivy::ShapeError>(
      [] {
        vision::persp_angles_to_focal_lengths(make({1, 2, 3}, {3}), {4, 4});
      },
      "persp_angles_to_focal_lengths", "[3]");
  expect_error<ivy::ValueError>(
      [] {
        vision::focal_lengths_to_persp_angles(make({1, 2}, {2}), {-1, 4});
      },
      "focal_lengths_to_persp_angles", "positive");
}

TEST(VisionIntrinsics, CalibMatAndIntrinsicsObjects) {
  IVY_VISION_SKIP_ON_STUB();
  const Array f = make({kFx, kFy, 10, 20}, {2, 2});
  const Array p = make({kPx, kPy, 1, 2}, {2, 2});
  const Array k = vision::focal_lengths_and_pp_offsets_to_calib_mat(f, p);
  expect_close(k, {kFx, 0, kPx, 0, kFy, kPy, 0, 0, 1, 10, 0, 1, 0, 20, 2, 0, 0, 1}, {2, 3, 3});
  const vision::Intrinsics in =
      vision::focal_lengths_and_pp_offsets_to_intrinsics_object(f, p, {6, 8});
  expect_close(in.calib_mats, k);
  expect_close(ivy::matmul(in.calib_mats, in.inv_calib_mats), ivy::identity(3, {2}, opts()));
  expect_close(in.persp_angles, vision::focal_lengths_to_persp_angles(f, {6, 8}));
  const vision::Intrinsics from_k = vision::calib_mat_to_intrinsics_object(k, {6, 8});
  expect_close(from_k.focal_lengths, f);
  expect_close(from_k.pp_offsets, p);
  expect_close(from_k.inv_calib_mats, in.inv_calib_mats);
  const vision::Intrinsics from_a =
      vision::persp_angles_and_pp_offsets_to_intrinsics_object(in.persp_angles, p, {6, 8});
  expect_close(from_a.focal_lengths, f, 10);
  expect_close(from_a.calib_mats, k, 10);
  const vision::Intrinsics id = vision::Intrinsics::as_identity({3}, opts());
  expect_close(id.calib_mats, ivy::identity(3, {3}, opts()));
  EXPECT_EQ(ivy::shape(id.focal_lengths), (ivy::Shape{3, 2}));
  expect_error<ivy::ShapeError>(
      [&] {
        vision::focal_lengths_and_pp_offsets_to_calib_mat(f, make({1, 2}, {2}));
      },
      "focal_lengths_and_pp_offsets_to_calib_mat", "batch shapes differ");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::calib_mat_to_intrinsics_object(make({1, 2, 3, 4}, {2, 2}), {6, 8});
      },
      "calib_mat_to_intrinsics_object", "[...,3,3]");
}

TEST(VisionExtrinsics, ExtMatInversesAndCameraCentre) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> r = rotation();
  const Array rm = make(r, {3, 3});
  const Array c = make({kCentre[0], kCentre[1], kCentre[2]}, {3, 1});
  const Array e = vision::rot_mat_and_cam_center_to_ext_mat(rm, c);
  std::vector<double> want;
  for (int i = 0; i < 3; ++i) {
    double t = 0;
    for (int j = 0; j < 3; ++j) t -= r[i * 3 + j] * kCentre[j];
    want.insert(want.end(), {r[i * 3], r[i * 3 + 1], r[i * 3 + 2], t});
  }
  expect_close(e, want, {3, 4});
  // E^-1 = [R^T | c]: the camera centre is its last column.
  const Array inv_e = vision::projection_matrix_inverse(e);
  std::vector<double> want_inv;
  for (int i = 0; i < 3; ++i)
    want_inv.insert(want_inv.end(),
                    {r[i], r[3 + i], r[6 + i], kCentre[static_cast<std::size_t>(i)]});
  expect_close(inv_e, want_inv, {3, 4});
  expect_close(vision::inv_ext_mat_to_camera_center(inv_e), c);
  // The right pseudo-inverse of a full-rank 3x4 matrix: P P+ = I.
  const Array full = vision::calib_and_ext_to_full_mat(calib(), e);
  expect_close(full, ivy::matmul(calib(), e));
  expect_close(ivy::matmul(full, vision::projection_matrix_pseudo_inverse(full)),
               ivy::identity(3, {}, opts()), 10);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::rot_mat_and_cam_center_to_ext_mat(rm, make({1, 2, 3}, {3}));
      },
      "rot_mat_and_cam_center_to_ext_mat", "[...,3,1]");
  expect_error<ivy::ShapeError>([&] { vision::projection_matrix_inverse(rm); },
                                "projection_matrix_inverse", "got [3,3]");
}

TEST(VisionGeometry, CameraGeometryObjects) {
  IVY_VISION_SKIP_ON_STUB();
  const Array rm = make(rotation(), {3, 3});
  const Array c = make({kCentre[0], kCentre[1], kCentre[2]}, {3, 1});
  const Array e = vision::rot_mat_and_cam_center_to_ext_mat(rm, c);
  const vision::Intrinsics in = vision::calib_mat_to_intrinsics_object(calib(), {6, 8});
  const vision::CameraGeometry g = vision::ext_mat_and_intrinsics_to_cam_geometry_object(e, in);
  expect_close(g.extrinsics.cam_centers, c);
  expect_close(g.extrinsics.Rs, rm);
  expect_close(g.extrinsics.inv_Rs, ivy::swapaxes(rm, -1, -2));
  expect_close(ivy::matmul(g.full_mats_homo, g.inv_full_mats_homo), ivy::identity(4, {}, opts()),
               10);
  expect_close(ivy::slice(g.full_mats_homo, {ivy::Slice{0, 3}, ivy::Slice{}}),
               ivy::matmul(calib(), e));
  const vision::CameraGeometry h = vision::inv_ext_mat_and_intrinsics_to_cam_geometry_object(
      vision::projection_matrix_inverse(e), in);
  expect_close(h.extrinsics.ext_mats_homo, g.extrinsics.ext_mats_homo);
  expect_close(h.extrinsics.cam_centers, c);
  expect_close(h.inv_full_mats_homo, g.inv_full_mats_homo, 10);
  const vision::CameraGeometry id = vision::CameraGeometry::as_identity({2}, opts());
  expect_close(id.inv_full_mats_homo, ivy::identity(4, {2}, opts()));
  expect_error<ivy::ShapeError>(
      [&] {
        vision::ext_mat_and_intrinsics_to_cam_geometry_object(ivy::broadcast_to(e, {2, 3, 4}), in);
      },
      "ext_mat_and_intrinsics_to_cam_geometry_object", "batch shapes differ");
}

// The identity camera K = I, E = [I | 0]: a camera point (X, Y, Z) has pixel (X / Z, Y / Z).
TEST(VisionProjection, IdentityCameraAndOpticalAxis) {
  IVY_VISION_SKIP_ON_STUB();
  const Array eye3 = ivy::identity(3, {}, opts());
  const Array pts = make({0, 0, 5, 2, -3, 4}, {2, 3});
  expect_close(vision::cam_to_ds_pixel_coords(pts, eye3), pts);
  // A point on the optical axis lands on the principal point whatever its depth.
  const Array ds = vision::cam_to_ds_pixel_coords(make({0, 0, 7}, {1, 3}), calib());
  expect_close(ds, {kPx * 7, kPy * 7, 7}, {1, 3});
  const Array ds2 = vision::cam_to_ds_pixel_coords(pts, calib());
  expect_close(ds2, {kPx * 5, kPy * 5, 5, kFx * 2 + kPx * 4, -kFy * 3 + kPy * 4, 4}, {2, 3});
  expect_close(
      vision::cam_coords_to_depth(vision::sphere_to_cam_coords(make({0.2, 1.0, 3}, {3})), calib()),
      {3 * std::sin(1.0) * std::cos(0.2)}, {1});
  // Homogeneous input uses only the first three components.
  expect_close(vision::cam_to_ds_pixel_coords(make({2, -3, 4, 1}, {1, 4}), calib()),
               {kFx * 2 + kPx * 4, -kFy * 3 + kPy * 4, 4}, {1, 3});
  expect_close(vision::ds_pixel_to_cam_coords(ds2, ivy::inv(calib())), {0, 0, 5, 1, 2, -3, 4, 1},
               {2, 4}, 10);
}

// Depth image -> camera coordinates in closed form: X = (x - px) d / fx, Y = (y - py) d / fy.
TEST(VisionProjection, DepthToCamAndRadialDepth) {
  IVY_VISION_SKIP_ON_STUB();
  const int h = 3, w = 4;
  std::vector<double> depth;
  for (int i = 0; i < 2 * h * w; ++i) depth.push_back(1.0 + 0.25 * i);
  const Array d = make(depth, {2, h, w, 1});
  const Array kinv = ivy::broadcast_to(ivy::inv(calib()), {2, 3, 3});
  std::vector<double> cam, radial, ds;
  for (int b = 0, i = 0; b < 2; ++b)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x, ++i) {
        const double z = depth[static_cast<std::size_t>(i)];
        const double cx = (x - kPx) * z / kFx, cy = (y - kPy) * z / kFy;
        cam.insert(cam.end(), {cx, cy, z, 1});
        ds.insert(ds.end(), {x * z, y * z, z});
        radial.push_back(std::sqrt(cx * cx + cy * cy + z * z));
      }
  expect_close(vision::depth_to_ds_pixel_coords(d), ds, {2, h, w, 3});
  expect_close(vision::depth_to_cam_coords(d, kinv), cam, {2, h, w, 4}, 10);
  expect_close(vision::depth_to_radial_depth(d, kinv), radial, {2, h, w, 1}, 10);
  expect_close(vision::ds_pixel_coords_to_radial_depth(vision::depth_to_ds_pixel_coords(d), kinv),
               radial, {2, h, w, 1}, 10);
  // Given pixel coordinates are used as they are.
  const Array pix = vision::create_uniform_pixel_coords_image({h, w}, {2}, false, true, opts());
  expect_close(vision::depth_to_cam_coords(d, kinv, pix), cam, {2, h, w, 4}, 10);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::depth_to_cam_coords(make({1, 2}, {2}), kinv);
      },
      "depth_to_cam_coords");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::depth_to_cam_coords(d, ivy::broadcast_to(ivy::inv(calib()), {3, 3, 3}));
      },
      "depth_to_cam_coords", "must lead");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::depth_to_cam_coords(d, kinv, ivy::slice(pix, {{}, {0, 2}}));
      },
      "depth_to_cam_coords", "uniform_pixel_coords");
}

// depth -> world -> depth and world -> pixels -> world with a full camera, batched [2] with an
// image [3, 4], and unbatched.
TEST(VisionProjection, WorldRoundTrips) {
  IVY_VISION_SKIP_ON_STUB();
  const Array e = vision::rot_mat_and_cam_center_to_ext_mat(
      make(rotation(), {3, 3}), make({kCentre[0], kCentre[1], kCentre[2]}, {3, 1}));
  const vision::CameraGeometry g = vision::ext_mat_and_intrinsics_to_cam_geometry_object(
      ivy::broadcast_to(e, {2, 3, 4}),
      vision::calib_mat_to_intrinsics_object(ivy::broadcast_to(calib(), {2, 3, 3}), {3, 4}));
  std::vector<double> depth;
  for (int i = 0; i < 24; ++i) depth.push_back(2.0 + 0.1 * i);
  const Array d = make(depth, {2, 3, 4, 1});
  const Array world = vision::depth_to_world_coords(d, g.inv_full_mats_homo);
  EXPECT_EQ(ivy::shape(world), (ivy::Shape{2, 3, 4, 4}));
  expect_close(vision::world_coords_to_depth(world, g.full_mats_homo), d, 100);
  // The same through camera coordinates and the extrinsics.
  const Array cam = vision::depth_to_cam_coords(d, g.intrinsics.inv_calib_mats);
  expect_close(vision::cam_to_world_coords(cam, g.extrinsics.inv_ext_mats_homo), world, 100);
  expect_close(vision::world_to_cam_coords(world, g.extrinsics.ext_mats_homo), cam, 100);
  const Array ds = vision::world_to_ds_pixel_coords(world, g.full_mats_homo);
  expect_close(ds, vision::depth_to_ds_pixel_coords(d), 100);
  expect_close(vision::ds_pixel_to_world_coords(ds, g.inv_full_mats_homo), world, 100);
  // Unbatched, with [..., 3] world points and 3x4 matrices.
  const Array w3 = make({1, 2, 9, -1, 0.5, 7}, {2, 3});
  const Array full = vision::calib_and_ext_to_full_mat(calib(), e);
  const Array back = vision::ds_pixel_to_world_coords(vision::world_to_ds_pixel_coords(w3, full),
                                                      vision::projection_matrix_inverse(full));
  expect_close(ivy::slice(back, {{}, {0, 3}}), w3, 100);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::world_to_ds_pixel_coords(make({1, 2}, {1, 2}), full);
      },
      "world_to_ds_pixel_coords", "coords_wrt_world");
  expect_error<ivy::ShapeError>([&] { vision::world_coords_to_depth(w3, calib()); },
                                "world_coords_to_depth", "full_mat");
}

// Batch shape [2, 3] with a point list IS = [5]: each batch entry equals the unbatched call.
TEST(VisionProjection, MultiDimBatchMatchesUnbatched) {
  IVY_VISION_SKIP_ON_STUB();
  std::vector<double> mats, pts;
  for (int b = 0; b < 6; ++b) {
    const double s = 1.0 + 0.1 * b;
    const std::vector<double> m = {s * kFx, 0.01 * b, kPx + b, 0.2, 0, s * kFy,
                                   kPy,     -0.1 * b, 0,       0,   1, 0.5 + 0.05 * b};
    mats.insert(mats.end(), m.begin(), m.end());
    for (int i = 0; i < 5; ++i)
      pts.insert(pts.end(), {0.1 * i - b * 0.05, 0.2 - 0.03 * i, 2.0 + i + b});
  }
  const Array full = make(mats, {2, 3, 3, 4});
  const Array world = make(pts, {2, 3, 5, 3});
  const Array ds = vision::world_to_ds_pixel_coords(world, full);
  ASSERT_EQ(ivy::shape(ds), (ivy::Shape{2, 3, 5, 3}));
  const std::vector<double> got = ds.to_vector<double>();
  for (int b = 0; b < 6; ++b) {
    for (int i = 0; i < 5; ++i) {
      for (int r = 0; r < 3; ++r) {
        const double* m = &mats[static_cast<std::size_t>(b * 12 + r * 4)];
        const double* p = &pts[static_cast<std::size_t>((b * 5 + i) * 3)];
        const double want = m[0] * p[0] + m[1] * p[1] + m[2] * p[2] + m[3];
        EXPECT_NEAR(got[static_cast<std::size_t>((b * 5 + i) * 3 + r)], want,
                    tol() * std::max(1.0, std::abs(want)));
      }
    }
  }
  const Array one = vision::world_to_ds_pixel_coords(ivy::slice(world, {{1, 2}, {2, 3}}),
                                                     ivy::slice(full, {{1, 2}, {2, 3}}));
  expect_close(one, ivy::slice(ds, {{1, 2}, {2, 3}}));
  expect_close(vision::world_coords_to_depth(world, full), ivy::slice(ds, {{}, {}, {}, {2, 3}}));
  // Batch [2, 3] against a [3] batch of matrices is a mismatch.
  expect_error<ivy::ShapeError>(
      [&] {
        vision::world_to_ds_pixel_coords(world, ivy::slice(full, {{0, 1}}));
      },
      "world_to_ds_pixel_coords", "must lead");
}

// Two cameras: camera-1 points seen by camera 2 through E2 E1^-1 and P2 P1^-1 equal the
// direct world projections.
TEST(VisionTwoView, CamToCamAndDsPixelToDsPixel) {
  IVY_VISION_SKIP_ON_STUB();
  const Array e1 = vision::rot_mat_and_cam_center_to_ext_mat(
      make(rotation(), {3, 3}), make({kCentre[0], kCentre[1], kCentre[2]}, {3, 1}));
  const Array e2 = vision::rot_mat_and_cam_center_to_ext_mat(ivy::identity(3, {}, opts()),
                                                             make({1, 0.5, -3}, {3, 1}));
  const vision::Intrinsics in = vision::calib_mat_to_intrinsics_object(calib(), {6, 8});
  const vision::CameraGeometry g1 = vision::ext_mat_and_intrinsics_to_cam_geometry_object(e1, in);
  const vision::CameraGeometry g2 = vision::ext_mat_and_intrinsics_to_cam_geometry_object(e2, in);
  const Array world = make({0.3, -0.4, 2.0, 1.0, 0.5, 3.0, -0.7, 0.2, 1.5}, {3, 3});
  const Array cam1 = vision::world_to_cam_coords(world, e1);
  const Array e12 = ivy::matmul(g2.extrinsics.ext_mats_homo, g1.extrinsics.inv_ext_mats_homo);
  expect_close(vision::cam_to_cam_coords(cam1, e12), vision::world_to_cam_coords(world, e2), 100);
  const Array p12 = ivy::matmul(g2.full_mats_homo, g1.inv_full_mats_homo);
  const Array ds1 = vision::world_to_ds_pixel_coords(world, g1.full_mats_homo);
  expect_close(vision::ds_pixel_to_ds_pixel_coords(ds1, p12),
               vision::world_to_ds_pixel_coords(world, g2.full_mats_homo), 1000);
  expect_error<ivy::ShapeError>([&] { vision::ds_pixel_to_ds_pixel_coords(cam1, p12); },
                                "ds_pixel_to_ds_pixel_coords", "ds_pixel_coords1");
  expect_error<ivy::ShapeError>([&] { vision::cam_to_cam_coords(cam1, calib()); },
                                "cam_to_cam_coords", "cam1to2_ext_mat");
}

TEST(VisionRays, PixelAndSphereRayVectors) {
  IVY_VISION_SKIP_ON_STUB();
  // Camera at c looking along R^T z: the ray through the principal point is R^T (0, 0, 1).
  const std::vector<double> r = rotation();
  const Array e = vision::rot_mat_and_cam_center_to_ext_mat(
      make(r, {3, 3}), make({kCentre[0], kCentre[1], kCentre[2]}, {3, 1}));
  const vision::CameraGeometry g = vision::ext_mat_and_intrinsics_to_cam_geometry_object(
      e, vision::calib_mat_to_intrinsics_object(calib(), {6, 8}));
  const double x = 6, y = -1;
  const Array pix = make({kPx, kPy, 1, x, y, 1}, {2, 3});
  std::vector<double> want;
  for (const auto& v :
       std::vector<std::array<double, 3>>{{0, 0, 1}, {(x - kPx) / kFx, (y - kPy) / kFy, 1}}) {
    const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    for (int i = 0; i < 3; ++i)
      want.push_back((r[i] * v[0] + r[3 + i] * v[1] + r[6 + i] * v[2]) / n);
  }
  expect_close(vision::pixel_coords_to_world_ray_vectors(g.inv_full_mats_homo, pix), want, {2, 3},
               100);
  expect_close(vision::pixel_coords_to_world_ray_vectors(g.inv_full_mats_homo, pix,
                                                         g.extrinsics.cam_centers),
               want, {2, 3}, 100);
  // Sphere coordinates: the optical axis is phi = 0, theta = pi / 2.
  const Array sph = make({0, kPi / 2, 3, 0.4, 1.2, 2}, {2, 3});
  const Array rays = vision::sphere_coords_to_world_ray_vectors(sph, g.extrinsics.inv_Rs);
  const double a = 0.4, t = 1.2;
  const std::array<double, 3> v2 = {std::sin(t) * std::sin(a), std::cos(t),
                                    std::sin(t) * std::cos(a)};
  std::vector<double> want_s;
  for (const auto& v : std::vector<std::array<double, 3>>{{0, 0, 1}, v2})
    for (int i = 0; i < 3; ++i) want_s.push_back(r[i] * v[0] + r[3 + i] * v[1] + r[6 + i] * v[2]);
  expect_close(rays, want_s, {2, 3}, 10);
}

TEST(VisionSphere, SphereCamAndAngularPixels) {
  IVY_VISION_SKIP_ON_STUB();
  // The optical axis (0, 0, z): phi = atan2(x, z) = 0, theta = atan2(hypot(z, x), y) = pi / 2.
  expect_close(vision::cam_to_sphere_coords(make({0, 0, 4, 1}, {4})), {0, kPi / 2, 4}, {3});
  expect_close(vision::cam_to_sphere_coords(make({0, 0, 4}, {3}), false), {0, 0, 4}, {3});
  std::vector<double> pts = {0.3, -0.7, 2.0, -1.0, 0.5, 3.0, 0.2, 0.1, 0.9};
  const Array cam = make(pts, {3, 3});
  const Array sph = vision::cam_to_sphere_coords(cam);
  std::vector<double> want;
  for (int i = 0; i < 3; ++i) {
    const double X = pts[3 * i], Y = pts[3 * i + 1], Z = pts[3 * i + 2];
    want.insert(want.end(), {std::atan2(X, Z), std::atan2(std::hypot(Z, X), Y),
                             std::sqrt(X * X + Y * Y + Z * Z)});
  }
  expect_close(sph, want, {3, 3});
  expect_close(ivy::slice(vision::sphere_to_cam_coords(sph), {{}, {0, 3}}), cam, 10);
  expect_close(
      ivy::slice(vision::sphere_to_cam_coords(vision::cam_to_sphere_coords(cam, false), false),
                 {{}, {0, 3}}),
      cam, 10);
  // Through pixels: ds -> sphere -> ds.
  const Array ds = vision::cam_to_ds_pixel_coords(cam, calib());
  const Array s2 = vision::ds_pixel_to_sphere_coords(ds, ivy::inv(calib()));
  expect_close(s2, sph, 10);
  expect_close(vision::sphere_to_ds_pixel_coords(s2, calib()), ds, 100);
  // Angular pixels: x = ((180 - phi_deg) mod 360) ppd, y = (theta_deg mod 180) ppd.
  const double ppd = 2.5;
  const Array ang = vision::sphere_to_angular_pixel_coords(make({0, kPi / 2, 4}, {1, 3}), ppd);
  expect_close(ang, {180 * ppd, 90 * ppd, 4}, {1, 3});
  const Array ang2 = vision::sphere_to_angular_pixel_coords(sph, ppd);
  std::vector<double> want_a;
  for (int i = 0; i < 3; ++i) {
    const double pd = want[3 * i] * 180 / kPi, td = want[3 * i + 1] * 180 / kPi;
    want_a.insert(want_a.end(), {std::fmod(std::fmod(180 - pd, 360) + 360, 360) * ppd,
                                 std::fmod(td, 180) * ppd, want[3 * i + 2]});
  }
  expect_close(ang2, want_a, {3, 3}, 100);
  expect_close(vision::angular_pixel_to_sphere_coords(ang2, ppd), sph, 100);
  expect_error<ivy::ValueError>([&] { vision::sphere_to_angular_pixel_coords(sph, 0.0); },
                                "sphere_to_angular_pixel_coords", "pixels_per_degree");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sphere_to_cam_coords(make({1, 2}, {2}));
      },
      "sphere_to_cam_coords", "[...,3]");
}

// A linear image v = 2 x - 3 y + 1 (two channels, the second 10 v) is interpolated exactly.
TEST(VisionImage, BilinearInterpolation) {
  IVY_VISION_SKIP_ON_STUB();
  const int h = 4, w = 5;
  std::vector<double> img;
  for (int b = 0; b < 2; ++b)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const double v = 2.0 * x - 3.0 * y + 1 + b;
        img.insert(img.end(), {v, 10 * v});
      }
  const Array image = make(img, {2, h, w, 2});
  const std::vector<std::array<double, 2>> at = {{0.5, 0.25}, {3.75, 2.5}, {1, 1},
                                                 {2.2, 0.9},  {0, 0},      {4, 3}};
  std::vector<double> coords, want;
  for (int b = 0; b < 2; ++b)
    for (const auto& p : at) {
      coords.insert(coords.end(), {p[0], p[1]});
      const double v = 2 * p[0] - 3 * p[1] + 1 + b;
      want.insert(want.end(), {v, 10 * v});
    }
  const Array out = vision::bilinearly_interpolate_image(image, make(coords, {2, 2, 3, 2}));
  expect_close(out, want, {2, 2, 3, 2}, 10);
  expect_error<ivy::ShapeError>(
      [&] {
        vision::bilinearly_interpolate_image(image, make({1, 2, 3, 4, 5, 6}, {1, 1, 3, 2}));
      },
      "bilinearly_interpolate_image", "batch shapes differ");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::bilinearly_interpolate_image(image, make({1, 2, 3}, {1, 1, 3}));
      },
      "bilinearly_interpolate_image", "sampling_pixel_coords");
}

// ---- Gradients against central finite differences (float64) ----

using GradCase = ivy::testing::GradientCase;

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}
Array calib64() { return f64({kFx, 0, kPx, 0, kFy, kPy, 0, 0, 1}, {3, 3}); }

std::vector<GradCase> grad_cases() {
  const std::vector<double> depth = {2.0, 2.5, 3.0, 1.5, 4.0, 2.2};
  return {
      {"persp_angles_to_focal_lengths",
       [](const Array& a) {
         return vision::persp_angles_to_focal_lengths(a, {48, 64});
       },
       {1.1, 0.8},
       {2}},
      {"focal_lengths_to_persp_angles",
       [](const Array& f) {
         return vision::focal_lengths_to_persp_angles(f, {48, 64});
       },
       {-40, -30},
       {2}},
      {"depth_to_cam_coords",
       [](const Array& d) { return vision::depth_to_cam_coords(d, ivy::inv(calib64())); },
       depth,
       {2, 3, 1}},
      {"depth_to_radial_depth",
       [](const Array& d) { return vision::depth_to_radial_depth(d, ivy::inv(calib64())); },
       depth,
       {2, 3, 1}},
      {"cam_to_ds_pixel_coords_wrt_calib",
       [](const Array& k) {
         return vision::cam_to_ds_pixel_coords(f64({0.3, -0.2, 2, 1, 1, 3}, {2, 3}), k);
       },
       {kFx, 0, kPx, 0, kFy, kPy, 0, 0, 1},
       {3, 3}},
      {"world_to_ds_pixel_coords",
       [](const Array& w) {
         return vision::world_to_ds_pixel_coords(
             w, vision::calib_and_ext_to_full_mat(
                    calib64(), f64({1, 0, 0, 0.1, 0, 1, 0, -0.2, 0, 0, 1, 0.5}, {3, 4})));
       },
       {0.3, -0.4, 2.0, 1.0, 0.5, 3.0},
       {2, 3}},
      {"projection_matrix_inverse",
       [](const Array& p) { return vision::projection_matrix_inverse(p); },
       {2, 0.1, 0.3, 1, -0.2, 1.5, 0.4, 2, 0.1, 0.2, 1.2, -1},
       {3, 4}},
      {"cam_to_sphere_coords",
       [](const Array& c) { return vision::cam_to_sphere_coords(c); },
       {0.3, -0.7, 2.0, -1.0, 0.5, 3.0},
       {2, 3}},
      {"sphere_to_cam_coords",
       [](const Array& s) { return vision::sphere_to_cam_coords(s); },
       {0.3, 1.1, 2.0, -0.5, 0.7, 3.0},
       {2, 3}},
      {"pixel_coords_to_world_ray_vectors",
       [](const Array& p) {
         const Array full =
             ivy::mech::make_transformation_homogeneous(vision::calib_and_ext_to_full_mat(
                 calib64(), f64({1, 0, 0, 0.1, 0, 1, 0, -0.2, 0, 0, 1, 0.5}, {3, 4})));
         return vision::pixel_coords_to_world_ray_vectors(ivy::inv(full), p);
       },
       {1, 2, 1, 6, 3, 1},
       {2, 3}},
      {"bilinearly_interpolate_image_wrt_image",
       [](const Array& img) {
         return vision::bilinearly_interpolate_image(img, f64({0.3, 0.6, 1.5, 0.2}, {1, 2, 2}));
       },
       {1, 2, 3, 5, 8, 13},
       {2, 3, 1}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(Vision, VisionGradient, grad_cases, 1e-5);

}  // namespace
