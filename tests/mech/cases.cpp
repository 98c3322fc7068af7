// Case handlers for the ivy::mech fixtures (tests/data/mech.json, scripts/fixtures/mech.py):
// the fixture cases name their function "mech::<name>", so error messages must name
// "ivy::mech::<name>".
#include <string>

#include "ivy/mech.hpp"
#include "support/cases.hpp"

namespace {
using ivy::testing::CaseContext;
using ivy::testing::Outputs;

std::string convention(const CaseContext& c) { return c.param<std::string>("convention"); }

#define IVY_MECH_CASE(name, ...)                                                  \
  [[maybe_unused]] const bool ivy_mech_case_##name = ivy::testing::register_case( \
      "mech::" #name, [](const CaseContext& c) -> Outputs { return {__VA_ARGS__}; })

#define IVY_MECH_UNARY(name) IVY_MECH_CASE(name, ivy::mech::name(c.in(0)))
#define IVY_MECH_WITH_CONVENTION(name) IVY_MECH_CASE(name, ivy::mech::name(c.in(0), convention(c)))

// Orientation.
IVY_MECH_UNARY(rot_mat_to_axis_angle);
IVY_MECH_WITH_CONVENTION(euler_to_axis_angle);
IVY_MECH_UNARY(quaternion_to_axis_angle);
IVY_MECH_UNARY(quaternion_to_polar_axis_angle);
IVY_MECH_UNARY(quaternion_to_rotation_vector);
IVY_MECH_WITH_CONVENTION(rot_mat_to_euler);
IVY_MECH_WITH_CONVENTION(quaternion_to_euler);
IVY_MECH_WITH_CONVENTION(axis_angle_to_euler);
IVY_MECH_UNARY(axis_angle_to_quaternion);
IVY_MECH_UNARY(polar_axis_angle_to_quaternion);
IVY_MECH_UNARY(rot_mat_to_quaternion);
IVY_MECH_UNARY(rotation_vector_to_quaternion);
IVY_MECH_WITH_CONVENTION(euler_to_quaternion);
IVY_MECH_UNARY(inverse_quaternion);
IVY_MECH_CASE(scale_quaternion_rotation_angle,
              ivy::mech::scale_quaternion_rotation_angle(c.in(0), c.param<double>("scale")));
IVY_MECH_CASE(hamilton_product, ivy::mech::hamilton_product(c.in(0), c.in(1)));
IVY_MECH_UNARY(rot_vec_to_rot_mat);
IVY_MECH_UNARY(quaternion_to_rot_mat);
IVY_MECH_WITH_CONVENTION(euler_to_rot_mat);
IVY_MECH_CASE(target_facing_rotation_matrix,
              ivy::mech::target_facing_rotation_matrix(c.in(0), c.in(1)));
IVY_MECH_UNARY(axis_angle_to_rot_mat);

// Pose.
IVY_MECH_WITH_CONVENTION(euler_pose_to_axis_angle_pose);
IVY_MECH_UNARY(mat_pose_to_rot_vec_pose);
IVY_MECH_UNARY(quaternion_pose_to_rot_vec_pose);
IVY_MECH_WITH_CONVENTION(mat_pose_to_euler_pose);
IVY_MECH_WITH_CONVENTION(quaternion_pose_to_euler_pose);
IVY_MECH_WITH_CONVENTION(axis_angle_pose_to_euler_pose);
IVY_MECH_UNARY(quaternion_pose_to_mat_pose);
IVY_MECH_WITH_CONVENTION(euler_pose_to_mat_pose);
IVY_MECH_UNARY(rot_vec_pose_to_mat_pose);
IVY_MECH_UNARY(axis_angle_pose_to_mat_pose);
IVY_MECH_UNARY(axis_angle_pose_to_quaternion_pose);
IVY_MECH_UNARY(mat_pose_to_quaternion_pose);
IVY_MECH_WITH_CONVENTION(euler_pose_to_quaternion_pose);
IVY_MECH_CASE(increment_quaternion_pose_with_velocity,
              ivy::mech::increment_quaternion_pose_with_velocity(c.in(0), c.in(1),
                                                                 c.param<double>("delta_t")));

// Position.
IVY_MECH_UNARY(polar_to_cartesian_coords);
IVY_MECH_UNARY(cartesian_to_polar_coords);
IVY_MECH_UNARY(make_coordinates_homogeneous);
IVY_MECH_UNARY(make_transformation_homogeneous);

}  // namespace
