// ivy::vision single-view geometry (part 1) on the backend under test: closed forms (pixel
// coordinates, a 90-degree field of view, a calibration and an extrinsic matrix written out, a
// point on the optical axis), round trips (depth -> camera -> world -> camera -> depth,
// perspective angles <-> focal lengths), batched matrices, finite-difference gradients and
// errors naming the function.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "support/support_record.hpp"

namespace {

namespace vision = ivy::vision;
using ivy::Array;
using ivy::testing::backend_under_test;

#define IVY_VISION_SKIP_ON_STUB() \
  if (backend_under_test() == "stub") GTEST_SKIP() << "the stub backend holds no arrays"

const double kPi = std::acos(-1.0);

ivy::Options f64() { return ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())); }

Array make(const std::vector<double>& values, const ivy::Shape& shape) {
  return ivy::array(values, shape, f64());
}

void expect_near(const Array& got, const std::vector<double>& want, const ivy::Shape& shape,
                 double tol = 1e-9) {
  ASSERT_EQ(ivy::shape(got), shape);
  const std::vector<double> g = got.to_vector<double>();
  ASSERT_EQ(g.size(), want.size());
  for (std::size_t i = 0; i < g.size(); ++i) EXPECT_NEAR(g[i], want[i], tol) << "element " << i;
}

void expect_close(const Array& a, const Array& b, double tol = 1e-9) {
  expect_near(a, b.to_vector<double>(), ivy::shape(b), tol);
}

// K with f = (-100, -80) and principal point (2, 1.5); E from a rotation about z by 90 degrees
// and centre C = (1, 2, 3).
Array calib() { return make({-100, 0, 2, 0, -80, 1.5, 0, 0, 1}, {3, 3}); }
Array rotation() { return make({0, -1, 0, 1, 0, 0, 0, 0, 1}, {3, 3}); }
Array centre() { return make({1, 2, 3}, {3, 1}); }
Array ext() { return vision::rot_mat_and_cam_center_to_ext_mat(rotation(), centre()); }
// E^-1 = [R^T | C].
Array inv_ext() { return make({0, 1, 0, 1, -1, 0, 0, 2, 0, 0, 1, 3}, {3, 4}); }

TEST(VisionSingleView, UniformPixelCoordsImage) {
  IVY_VISION_SKIP_ON_STUB();
  const Array p = vision::create_uniform_pixel_coords_image({2, 3}, {4}, false, true, f64());
  std::vector<double> want;
  for (int b = 0; b < 4; ++b)
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 3; ++c) want.insert(want.end(), {double(c), double(r), 1.0});
  expect_near(p, want, {4, 2, 3, 3});
  const Array n = vision::create_uniform_pixel_coords_image({2, 3}, {}, true, false, f64());
  expect_near(n, {0, 0, 1.0 / 3, 0, 2.0 / 3, 0, 0, 0.5, 1.0 / 3, 0.5, 2.0 / 3, 0.5}, {2, 3, 2});
  EXPECT_EQ(vision::create_uniform_pixel_coords_image({2, 3}).dtype(), ivy::float32);
}

TEST(VisionSingleView, FocalLengthsAndPerspectiveAngles) {
  IVY_VISION_SKIP_ON_STUB();
  // A 90-degree field of view: f = -(w, h) / (2 tan(45 degrees)).
  const Array f = vision::persp_angles_to_focal_lengths(make({kPi / 2, kPi / 2}, {2}), {480, 640});
  expect_near(f, {-320, -240}, {2}, 1e-6);
  expect_near(vision::focal_lengths_to_persp_angles(f, {480, 640}), {kPi / 2, kPi / 2}, {2},
              1e-9);
  const Array angles = make({0.3, 1.1, 2.0, 0.7}, {2, 2});
  expect_close(vision::focal_lengths_to_persp_angles(
                   vision::persp_angles_to_focal_lengths(angles, {5, 9}), {5, 9}),
               angles);
}

TEST(VisionSingleView, CalibExtrinsicAndFullMatrices) {
  IVY_VISION_SKIP_ON_STUB();
  expect_close(
      vision::focal_lengths_and_pp_offsets_to_calib_mat(make({-100, -80}, {2}), make({2, 1.5}, {2})),
      calib());
  // E = [R | -R C] with R C = (-2, 1, 3).
  expect_near(ext(), {0, -1, 0, 2, 1, 0, 0, -1, 0, 0, 1, -3}, {3, 4});
  expect_near(vision::inv_ext_mat_to_camera_center(inv_ext()), {1, 2, 3}, {3, 1});
  expect_close(vision::calib_and_ext_to_full_mat(calib(), ext()), ivy::matmul(calib(), ext()));
}

TEST(VisionSingleView, PointOnTheOpticalAxisProjectsToThePrincipalPoint) {
  IVY_VISION_SKIP_ON_STUB();
  const Array cam = make({0, 0, 5, 1}, {1, 1, 4});
  expect_near(vision::cam_to_ds_pixel_coords(cam, calib()), {10, 7.5, 5}, {1, 1, 3});
  expect_near(vision::cam_coords_to_depth(cam, calib()), {5}, {1, 1, 1});
  // (0, 0, z) in the camera is C + z * R^T e_z in the world: (1, 2, 3 + z).
  expect_near(vision::cam_to_world_coords(cam, inv_ext()), {1, 2, 8, 1}, {1, 1, 4});
}

TEST(VisionSingleView, DepthCameraWorldRoundTrips) {
  IVY_VISION_SKIP_ON_STUB();
  const Array depth = make({1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7}, {2, 3, 2, 1});
  const Array inv_k = ivy::inv(calib());
  const Array cam = vision::depth_to_cam_coords(depth, inv_k);
  EXPECT_EQ(ivy::shape(cam), (ivy::Shape{2, 3, 2, 4}));
  expect_close(vision::cam_coords_to_depth(cam, calib()), depth);
  expect_close(vision::cam_to_ds_pixel_coords(cam, calib()),
               vision::depth_to_ds_pixel_coords(depth));
  const Array world = vision::cam_to_world_coords(cam, inv_ext());
  expect_close(vision::world_to_cam_coords(world, ext()), cam);
  const Array full = vision::calib_and_ext_to_full_mat(calib(), ext());
  expect_close(vision::world_coords_to_depth(world, full), depth);
  expect_close(vision::world_to_ds_pixel_coords(world, full),
               vision::depth_to_ds_pixel_coords(depth));
  // Radial depth: the distance of the camera point from the origin.
  const std::vector<double> c = cam.to_vector<double>();
  std::vector<double> radial;
  for (std::size_t i = 0; i < c.size(); i += 4)
    radial.push_back(std::sqrt(c[i] * c[i] + c[i + 1] * c[i + 1] + c[i + 2] * c[i + 2]));
  expect_near(vision::ds_pixel_coords_to_radial_depth(vision::depth_to_ds_pixel_coords(depth),
                                                      inv_k),
              radial, {2, 3, 2, 1});
}

TEST(VisionSingleView, BatchedMatricesApplyPerBatch) {
  IVY_VISION_SKIP_ON_STUB();
  // Two calibration matrices, one image of two points each.
  const Array k = ivy::stack(std::vector<Array>{calib(), ivy::multiply(calib(), 2.0)}, 0);
  const Array cam = make({0, 0, 1, 1, 0, 0, 2, 1, 1, 1, 1, 1, 0, 0, 1, 1}, {2, 2, 4});
  const Array ds = vision::cam_to_ds_pixel_coords(cam, k);
  expect_near(ds, {2, 1.5, 1, 4, 3, 2, -196, -157, 2, 4, 3, 2}, {2, 2, 3});
}

TEST(VisionSingleView, GradientsMatchFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  const Array inv_k = ivy::inv(calib());
  const auto loss = [&](const Array& d) {
    const Array world = vision::cam_to_world_coords(vision::depth_to_cam_coords(d, inv_k),
                                                    inv_ext());
    return ivy::sum(ivy::multiply(world, world));
  };
  const std::vector<double> d0{1.5, 2.5, 3.5, 4.5};
  const auto r = ivy::execute_with_gradients(
      [&](const std::vector<Array>& xs) { return loss(xs[0]); },
      std::vector<Array>{make(d0, {1, 2, 2, 1})});
  const std::vector<double> g = r.grads[0].to_vector<double>();
  for (std::size_t i = 0; i < d0.size(); ++i) {
    std::vector<double> up = d0, down = d0;
    up[i] += 1e-6;
    down[i] -= 1e-6;
    const double fd = (loss(make(up, {1, 2, 2, 1})).item<double>() -
                       loss(make(down, {1, 2, 2, 1})).item<double>()) /
                      2e-6;
    EXPECT_NEAR(g[i], fd, 1e-4 * std::max(1.0, std::abs(fd))) << "element " << i;
  }
}

TEST(VisionSingleView, BadInputNamesTheFunction) {
  IVY_VISION_SKIP_ON_STUB();
  const auto names = [](auto&& call, const std::string& fn) {
    try {
      call();
      ADD_FAILURE() << fn << " did not throw";
    } catch (const ivy::Error& e) {
      EXPECT_NE(std::string(e.what()).find("vision::" + fn), std::string::npos) << e.what();
    }
  };
  names([] { (void)vision::cam_to_ds_pixel_coords(make({1, 2}, {1, 2}), calib()); },
        "cam_to_ds_pixel_coords");
  names([] { (void)vision::calib_and_ext_to_full_mat(calib(), calib()); },
        "calib_and_ext_to_full_mat");
  names(
      [] {
        (void)vision::ds_pixel_to_cam_coords(make({1, 2, 3}, {1, 3}),
                                             ivy::stack(std::vector<Array>{calib(), calib()}, 0));
      },
      "ds_pixel_to_cam_coords");
  names([] { (void)vision::create_uniform_pixel_coords_image({0, 3}, {}, false, true, f64()); },
        "create_uniform_pixel_coords_image");
  names([] { (void)vision::persp_angles_to_focal_lengths(make({1, 1, 1}, {3}), {2, 2}); },
        "persp_angles_to_focal_lengths");
  EXPECT_THROW((void)vision::depth_to_ds_pixel_coords(make({1, 2}, {2})), ivy::ShapeError);
  EXPECT_THROW((void)vision::create_uniform_pixel_coords_image({2}, {}, false, true, f64()),
               ivy::ValueError);
}

}  // namespace
