// ivycpp.mech: ivy::mech (rotations, poses, positions) under the original ivy_mech names.
// Arguments may be ivycpp arrays or any DLPack producer (NumPy, PyTorch...), imported into the
// current backend; results are ivycpp arrays. Generated from the instantiation lists in
// include/ivy/mech/*.hpp (one binding per function).
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include "common.hpp"
#include "ivy/mech.hpp"

namespace ivypy {
namespace {

ivy::Array as_array(nb::handle h, const char* fn) {
  if (nb::isinstance<ivy::Array>(h)) return nb::cast<const ivy::Array&>(h);
  return array_from_python(h, ivy::Options(), fn);
}

}  // namespace

void bind_mech(nb::module_& parent) {
  nb::module_ m = parent.def_submodule("mech", "ivy::mech under the original ivy_mech names.");
  m.def(
      "rot_mat_to_axis_angle",
      [](nb::handle a0) {
        return ivy::mech::rot_mat_to_axis_angle(as_array(a0, "mech.rot_mat_to_axis_angle"));
      },
      nb::arg("rot_mat"));
  m.def(
      "euler_to_axis_angle",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::euler_to_axis_angle(as_array(a0, "mech.euler_to_axis_angle"), a1);
      },
      nb::arg("euler"), nb::arg("convention") = "zyx");
  m.def(
      "quaternion_to_axis_angle",
      [](nb::handle a0) {
        return ivy::mech::quaternion_to_axis_angle(as_array(a0, "mech.quaternion_to_axis_angle"));
      },
      nb::arg("quaternion"));
  m.def(
      "quaternion_to_polar_axis_angle",
      [](nb::handle a0) {
        return ivy::mech::quaternion_to_polar_axis_angle(
            as_array(a0, "mech.quaternion_to_polar_axis_angle"));
      },
      nb::arg("quaternion"));
  m.def(
      "quaternion_to_rotation_vector",
      [](nb::handle a0) {
        return ivy::mech::quaternion_to_rotation_vector(
            as_array(a0, "mech.quaternion_to_rotation_vector"));
      },
      nb::arg("quaternion"));
  m.def(
      "rot_mat_to_euler",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::rot_mat_to_euler(as_array(a0, "mech.rot_mat_to_euler"), a1);
      },
      nb::arg("rot_mat"), nb::arg("convention") = "zyx");
  m.def(
      "quaternion_to_euler",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::quaternion_to_euler(as_array(a0, "mech.quaternion_to_euler"), a1);
      },
      nb::arg("quaternion"), nb::arg("convention") = "zyx");
  m.def(
      "axis_angle_to_euler",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::axis_angle_to_euler(as_array(a0, "mech.axis_angle_to_euler"), a1);
      },
      nb::arg("axis_angle"), nb::arg("convention") = "zyx");
  m.def(
      "axis_angle_to_quaternion",
      [](nb::handle a0) {
        return ivy::mech::axis_angle_to_quaternion(as_array(a0, "mech.axis_angle_to_quaternion"));
      },
      nb::arg("axis_angle"));
  m.def(
      "polar_axis_angle_to_quaternion",
      [](nb::handle a0) {
        return ivy::mech::polar_axis_angle_to_quaternion(
            as_array(a0, "mech.polar_axis_angle_to_quaternion"));
      },
      nb::arg("polar_axis_angle"));
  m.def(
      "rot_mat_to_quaternion",
      [](nb::handle a0) {
        return ivy::mech::rot_mat_to_quaternion(as_array(a0, "mech.rot_mat_to_quaternion"));
      },
      nb::arg("rot_mat"));
  m.def(
      "rotation_vector_to_quaternion",
      [](nb::handle a0) {
        return ivy::mech::rotation_vector_to_quaternion(
            as_array(a0, "mech.rotation_vector_to_quaternion"));
      },
      nb::arg("rotation_vector"));
  m.def(
      "euler_to_quaternion",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::euler_to_quaternion(as_array(a0, "mech.euler_to_quaternion"), a1);
      },
      nb::arg("euler"), nb::arg("convention") = "zyx");
  m.def(
      "inverse_quaternion",
      [](nb::handle a0) {
        return ivy::mech::inverse_quaternion(as_array(a0, "mech.inverse_quaternion"));
      },
      nb::arg("x"));
  m.def(
      "scale_quaternion_rotation_angle",
      [](nb::handle a0, double a1) {
        return ivy::mech::scale_quaternion_rotation_angle(
            as_array(a0, "mech.scale_quaternion_rotation_angle"), a1);
      },
      nb::arg("x"), nb::arg("scale"));
  m.def(
      "hamilton_product",
      [](nb::handle a0, nb::handle a1) {
        return ivy::mech::hamilton_product(as_array(a0, "mech.hamilton_product"),
                                           as_array(a1, "mech.hamilton_product"));
      },
      nb::arg("q1"), nb::arg("q2"));
  m.def(
      "rot_vec_to_rot_mat",
      [](nb::handle a0) {
        return ivy::mech::rot_vec_to_rot_mat(as_array(a0, "mech.rot_vec_to_rot_mat"));
      },
      nb::arg("rot_vec"));
  m.def(
      "quaternion_to_rot_mat",
      [](nb::handle a0) {
        return ivy::mech::quaternion_to_rot_mat(as_array(a0, "mech.quaternion_to_rot_mat"));
      },
      nb::arg("quaternion"));
  m.def(
      "euler_to_rot_mat",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::euler_to_rot_mat(as_array(a0, "mech.euler_to_rot_mat"), a1);
      },
      nb::arg("euler"), nb::arg("convention") = "zyx");
  m.def(
      "target_facing_rotation_matrix",
      [](nb::handle a0, nb::handle a1) {
        return ivy::mech::target_facing_rotation_matrix(
            as_array(a0, "mech.target_facing_rotation_matrix"),
            as_array(a1, "mech.target_facing_rotation_matrix"));
      },
      nb::arg("body_pos"), nb::arg("target_pos"));
  m.def(
      "axis_angle_to_rot_mat",
      [](nb::handle a0) {
        return ivy::mech::axis_angle_to_rot_mat(as_array(a0, "mech.axis_angle_to_rot_mat"));
      },
      nb::arg("axis_angle"));
  m.def(
      "euler_pose_to_axis_angle_pose",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::euler_pose_to_axis_angle_pose(
            as_array(a0, "mech.euler_pose_to_axis_angle_pose"), a1);
      },
      nb::arg("euler_pose"), nb::arg("convention") = "zyx");
  m.def(
      "mat_pose_to_rot_vec_pose",
      [](nb::handle a0) {
        return ivy::mech::mat_pose_to_rot_vec_pose(as_array(a0, "mech.mat_pose_to_rot_vec_pose"));
      },
      nb::arg("mat_pose"));
  m.def(
      "quaternion_pose_to_rot_vec_pose",
      [](nb::handle a0) {
        return ivy::mech::quaternion_pose_to_rot_vec_pose(
            as_array(a0, "mech.quaternion_pose_to_rot_vec_pose"));
      },
      nb::arg("quaternion_pose"));
  m.def(
      "mat_pose_to_euler_pose",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::mat_pose_to_euler_pose(as_array(a0, "mech.mat_pose_to_euler_pose"), a1);
      },
      nb::arg("mat_pose"), nb::arg("convention") = "zyx");
  m.def(
      "quaternion_pose_to_euler_pose",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::quaternion_pose_to_euler_pose(
            as_array(a0, "mech.quaternion_pose_to_euler_pose"), a1);
      },
      nb::arg("quaternion_pose"), nb::arg("convention") = "zyx");
  m.def(
      "axis_angle_pose_to_euler_pose",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::axis_angle_pose_to_euler_pose(
            as_array(a0, "mech.axis_angle_pose_to_euler_pose"), a1);
      },
      nb::arg("axis_angle_pose"), nb::arg("convention") = "zyx");
  m.def(
      "quaternion_pose_to_mat_pose",
      [](nb::handle a0) {
        return ivy::mech::quaternion_pose_to_mat_pose(
            as_array(a0, "mech.quaternion_pose_to_mat_pose"));
      },
      nb::arg("quaternion_pose"));
  m.def(
      "euler_pose_to_mat_pose",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::euler_pose_to_mat_pose(as_array(a0, "mech.euler_pose_to_mat_pose"), a1);
      },
      nb::arg("euler_pose"), nb::arg("convention") = "zyx");
  m.def(
      "rot_vec_pose_to_mat_pose",
      [](nb::handle a0) {
        return ivy::mech::rot_vec_pose_to_mat_pose(as_array(a0, "mech.rot_vec_pose_to_mat_pose"));
      },
      nb::arg("rot_vec_pose"));
  m.def(
      "axis_angle_pose_to_mat_pose",
      [](nb::handle a0) {
        return ivy::mech::axis_angle_pose_to_mat_pose(
            as_array(a0, "mech.axis_angle_pose_to_mat_pose"));
      },
      nb::arg("axis_angle_pose"));
  m.def(
      "axis_angle_pose_to_quaternion_pose",
      [](nb::handle a0) {
        return ivy::mech::axis_angle_pose_to_quaternion_pose(
            as_array(a0, "mech.axis_angle_pose_to_quaternion_pose"));
      },
      nb::arg("axis_angle_pose"));
  m.def(
      "mat_pose_to_quaternion_pose",
      [](nb::handle a0) {
        return ivy::mech::mat_pose_to_quaternion_pose(
            as_array(a0, "mech.mat_pose_to_quaternion_pose"));
      },
      nb::arg("mat_pose"));
  m.def(
      "euler_pose_to_quaternion_pose",
      [](nb::handle a0, const std::string& a1) {
        return ivy::mech::euler_pose_to_quaternion_pose(
            as_array(a0, "mech.euler_pose_to_quaternion_pose"), a1);
      },
      nb::arg("euler_pose"), nb::arg("convention") = "zyx");
  m.def(
      "increment_quaternion_pose_with_velocity",
      [](nb::handle a0, nb::handle a1, double a2) {
        return ivy::mech::increment_quaternion_pose_with_velocity(
            as_array(a0, "mech.increment_quaternion_pose_with_velocity"),
            as_array(a1, "mech.increment_quaternion_pose_with_velocity"), a2);
      },
      nb::arg("quat_pose"), nb::arg("quat_vel"), nb::arg("delta_t"));
  m.def(
      "polar_to_cartesian_coords",
      [](nb::handle a0) {
        return ivy::mech::polar_to_cartesian_coords(as_array(a0, "mech.polar_to_cartesian_coords"));
      },
      nb::arg("polar"));
  m.def(
      "cartesian_to_polar_coords",
      [](nb::handle a0) {
        return ivy::mech::cartesian_to_polar_coords(as_array(a0, "mech.cartesian_to_polar_coords"));
      },
      nb::arg("cartesian"));
  m.def(
      "make_coordinates_homogeneous",
      [](nb::handle a0) {
        return ivy::mech::make_coordinates_homogeneous(
            as_array(a0, "mech.make_coordinates_homogeneous"));
      },
      nb::arg("x"));
  m.def(
      "make_transformation_homogeneous",
      [](nb::handle a0) {
        return ivy::mech::make_transformation_homogeneous(
            as_array(a0, "mech.make_transformation_homogeneous"));
      },
      nb::arg("x"));
  m.def(
      "get_random_quaternion",
      [](double max_rot_ang, nb::handle batch_shape, nb::handle dtype, nb::handle backend) {
        const char* fn = "mech.get_random_quaternion";
        return ivy::mech::get_random_quaternion(max_rot_ang, to_shape(batch_shape, fn),
                                                make_options(dtype, nb::none(), backend, fn));
      },
      nb::arg("max_rot_ang") = ivy::mech::PI, nb::arg("batch_shape") = nb::tuple(), nb::kw_only(),
      nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none());
#define IVY_PY_RANDOM(name)                                                                      \
  m.def(                                                                                         \
      #name,                                                                                     \
      [](nb::handle batch_shape, nb::handle dtype, nb::handle backend) {                         \
        return ivy::mech::name(to_shape(batch_shape, "mech." #name),                             \
                               make_options(dtype, nb::none(), backend, "mech." #name));         \
      },                                                                                         \
      nb::arg("batch_shape") = nb::tuple(), nb::kw_only(), nb::arg("dtype").none() = nb::none(), \
      nb::arg("backend").none() = nb::none());
  IVY_PY_RANDOM(get_random_axis_angle)
  IVY_PY_RANDOM(get_random_euler)
  IVY_PY_RANDOM(get_random_rot_mat)
#undef IVY_PY_RANDOM
}

}  // namespace ivypy
