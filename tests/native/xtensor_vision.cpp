// ivy::vision on xt::xarray (vision/native.hpp): xarray arguments give ivy::XtensorResult,
// which converts to the xt::xarray the caller asks for, equal to a projection computed here.
#include <gtest/gtest.h>

#include <string>

#include "ivy/vision.hpp"
#include "ivy/xtensor.hpp"

namespace {

namespace vision = ivy::vision;

TEST(XtensorVision, ProjectionOnXarray) {
  // K for fx = 50, fy = 40, principal point (3.5, 2.5); the identity extrinsics.
  const xt::xarray<double> f = {50.0, 40.0}, pp = {3.5, 2.5};
  const xt::xarray<double> k = vision::focal_lengths_and_pp_offsets_to_calib_mat(f, pp);
  const xt::xarray<double> cam = {{1.0, 0.5, 4.0}, {-0.4, 0.2, 2.0}};
  const xt::xarray<double> ds = vision::cam_to_ds_pixel_coords(cam, k);
  ASSERT_EQ(ds.shape(), (std::vector<std::size_t>{2, 3}));
  for (std::size_t i = 0; i < 2; ++i) {
    const double x = cam(i, 0), y = cam(i, 1), z = cam(i, 2);
    EXPECT_NEAR(ds(i, 0), 50.0 * x + 3.5 * z, 1e-12);
    EXPECT_NEAR(ds(i, 1), 40.0 * y + 2.5 * z, 1e-12);
    EXPECT_NEAR(ds(i, 2), z, 1e-12);
  }
  // Focal lengths from fields of view with a braced image size, and back.
  const xt::xarray<double> angles = {1.0, 0.8};
  const xt::xarray<double> back = vision::focal_lengths_to_persp_angles(
      vision::persp_angles_to_focal_lengths(angles, {480, 640}), {480, 640});
  EXPECT_NEAR(back(0), 1.0, 1e-12);
  EXPECT_NEAR(back(1), 0.8, 1e-12);
}

TEST(XtensorVision, ErrorsNameTheFunctionAndXtensor) {
  try {
    vision::persp_angles_to_focal_lengths(xt::xarray<double>{1.0, 0.8}, {480});
    ADD_FAILURE() << "no ShapeError for a one-entry image size";
  } catch (const ivy::ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("expected 2 integers"), std::string::npos) << e.what();
  }
  try {
    vision::cam_to_ds_pixel_coords(xt::xarray<double>::from_shape({4, 2}),
                                   xt::xarray<double>::from_shape({3, 3}));
    ADD_FAILURE() << "no ShapeError";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::vision::cam_to_ds_pixel_coords [xtensor]"), std::string::npos) << msg;
  }
}

}  // namespace
