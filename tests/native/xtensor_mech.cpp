// ivy::mech on xt::xarray: the templates take xt::xarray<T> and return ivy::XtensorResult,
// which converts to the xt::xarray the caller asks for.
#include <gtest/gtest.h>

#include <cmath>

#include "ivy/xtensor.hpp"
// After the engine header, so the templates see the xt::xarray overloads.
#include "ivy/mech.hpp"

namespace {

TEST(XtensorMech, ConversionsOnXarray) {
  const xt::xarray<double> rv = {{0.0, 0.0, 0.5}, {0.1, -0.2, 0.3}};
  const xt::xarray<double> m = ivy::mech::rot_vec_to_rot_mat(rv);
  ASSERT_EQ(m.shape(), (std::vector<std::size_t>{2, 3, 3}));
  // A rotation by 0.5 about z.
  EXPECT_NEAR(m(0, 0, 0), std::cos(0.5), 1e-12);
  EXPECT_NEAR(m(0, 0, 1), -std::sin(0.5), 1e-12);
  EXPECT_NEAR(m(0, 1, 0), std::sin(0.5), 1e-12);
  EXPECT_NEAR(m(0, 2, 2), 1.0, 1e-12);
  // Results chain without converting back.
  const xt::xarray<double> back =
      ivy::mech::quaternion_to_rotation_vector(ivy::mech::rot_mat_to_quaternion(m));
  for (std::size_t i = 0; i < rv.size(); ++i) EXPECT_NEAR(back.flat(i), rv.flat(i), 1e-12);
  const xt::xarray<float> polar = ivy::mech::cartesian_to_polar_coords(xt::xarray<float>{0, 2, 0});
  EXPECT_NEAR(polar(0), static_cast<float>(M_PI / 2), 1e-6);
  EXPECT_NEAR(polar(1), static_cast<float>(M_PI / 2), 1e-6);
  EXPECT_NEAR(polar(2), 2.0f, 1e-6);
}

TEST(XtensorMech, ErrorsNameTheFunctionAndXtensor) {
  try {
    ivy::mech::rot_mat_to_euler(xt::xarray<double>::from_shape({3, 4}), "zyx");
    ADD_FAILURE() << "no ShapeError";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::mech::rot_mat_to_euler [xtensor]"), std::string::npos) << msg;
  }
}

}  // namespace
