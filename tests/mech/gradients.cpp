// Gradients of the smooth ivy::mech conversions against central finite differences, in float64
// on the backend under test (through its native autodiff where it has one, else ivy's tape).
// Inputs are generic points, away from the identity, half turns and gimbal lock, where the
// conversions are smooth.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/mech.hpp"
#include "support/finite_differences.hpp"
#include "support/support_record.hpp"

namespace {
namespace mech = ivy::mech;
using ivy::Array;
using ivy::testing::backend_under_test;
using Case = ivy::testing::GradientCase;

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}

std::vector<Case> cases() {
  const std::vector<double> q = {0.2, -0.4, 0.3, 0.8};  // not unit: the conversions normalise
  const std::vector<double> e = {0.3, -0.8, 1.2};
  return {
      {"euler_to_rot_mat", [](const Array& x) { return mech::euler_to_rot_mat(x, "zyx"); }, e, {3}},
      {"euler_to_quaternion",
       [](const Array& x) { return mech::euler_to_quaternion(x, "xyx"); },
       e,
       {3}},
      {"quaternion_to_rot_mat",
       [](const Array& x) { return mech::quaternion_to_rot_mat(x); },
       q,
       {4}},
      {"quaternion_to_euler",
       [](const Array& x) { return mech::quaternion_to_euler(x, "yzx"); },
       q,
       {4}},
      {"quaternion_to_axis_angle",
       [](const Array& x) { return mech::quaternion_to_axis_angle(x); },
       q,
       {4}},
      {"axis_angle_to_quaternion",
       [](const Array& x) { return mech::axis_angle_to_quaternion(x); },
       {0.48, -0.6, 0.64, 1.3},
       {4}},
      {"rotation_vector_to_quaternion",
       [](const Array& x) { return mech::rotation_vector_to_quaternion(x); },
       {0.4, -0.2, 0.9},
       {3}},
      {"rot_vec_to_rot_mat",
       [](const Array& x) { return mech::rot_vec_to_rot_mat(x); },
       {0.4, -0.2, 0.9},
       {3}},
      {"rot_mat_to_quaternion",
       [](const Array& x) { return mech::rot_mat_to_quaternion(mech::euler_to_rot_mat(x)); },
       e,
       {3}},
      {"hamilton_product",
       [](const Array& x) { return mech::hamilton_product(x, ivy::flip(x, std::vector<int>{-1})); },
       q,
       {4}},
      {"polar_to_cartesian_coords",
       [](const Array& x) { return mech::polar_to_cartesian_coords(x); },
       {0.7, 1.1, 2.5},
       {3}},
      {"cartesian_to_polar_coords",
       [](const Array& x) { return mech::cartesian_to_polar_coords(x); },
       {0.7, -1.1, 2.5},
       {3}},
      {"quaternion_pose_to_mat_pose",
       [](const Array& x) { return mech::quaternion_pose_to_mat_pose(x); },
       {1.0, -2.0, 0.5, 0.2, -0.4, 0.3, 0.8},
       {7}},
      {"euler_pose_to_quaternion_pose",
       [](const Array& x) { return mech::euler_pose_to_quaternion_pose(x); },
       {1.0, -2.0, 0.5, 0.3, -0.8, 1.2},
       {6}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(Mech, MechGradient, cases, 1e-6);

}  // namespace
