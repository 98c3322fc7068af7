// ivy-mech-demo: the original ivy_mech "run through" on the default backend (or the one named
// on the command line): one rotation in every representation, a pose in every form, and polar
// coordinates, printed as they are converted.
#include <iostream>
#include <string>

#include "ivy/ivy.hpp"
#include "ivy/mech.hpp"

namespace {

void show(const std::string& what, const ivy::Array& x) {
  std::cout << what << ":\n" << x << "\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  namespace mech = ivy::mech;
  if (argc > 1) ivy::set_framework(argv[1]);
  const ivy::Array probe = ivy::zeros({1});
  std::cout << "ivy::mech run through on the " << probe.backend_name() << " backend\n\n";

  // Orientation: Euler angles (zyx) to every other representation and back.
  const ivy::Array euler = ivy::array({0.1, 0.6, -0.3});
  show("Euler angles zyx [a, b, c]", euler);
  const ivy::Array rot_mat = mech::euler_to_rot_mat(euler);
  show("rotation matrix R = Rx(c) Ry(b) Rz(a)", rot_mat);
  const ivy::Array quaternion = mech::rot_mat_to_quaternion(rot_mat);
  show("quaternion [qi, qj, qk, qr]", quaternion);
  show("axis-angle [ex, ey, ez, theta]", mech::quaternion_to_axis_angle(quaternion));
  show("polar axis-angle [inclination, azimuth, theta]",
       mech::quaternion_to_polar_axis_angle(quaternion));
  const ivy::Array rot_vec = mech::quaternion_to_rotation_vector(quaternion);
  show("rotation vector theta * e", rot_vec);
  show("back to the matrix from the rotation vector", mech::rot_vec_to_rot_mat(rot_vec));
  show("Euler angles xyx of the same rotation", mech::rot_mat_to_euler(rot_mat, "xyx"));
  show("Euler angles zyx again", mech::quaternion_to_euler(quaternion));
  // The original got this one wrong (gimbal test on the wrong element): a quarter turn about x.
  show("rot_mat_to_euler of a quarter turn about x (zyx): [0, 0, pi/2]",
       mech::rot_mat_to_euler(ivy::array({{1.0, 0.0, 0.0}, {0.0, 0.0, -1.0}, {0.0, 1.0, 0.0}})));

  // Pose: a quaternion pose to every other form.
  const ivy::Array quat_pose = ivy::concat({ivy::array({1.0, -2.0, 0.5}), quaternion}, -1);
  show("quaternion pose [x, y, z, qi, qj, qk, qr]", quat_pose);
  const ivy::Array mat_pose = mech::quaternion_pose_to_mat_pose(quat_pose);
  show("matrix pose [R | t]", mat_pose);
  show("homogeneous transform", mech::make_transformation_homogeneous(mat_pose));
  show("Euler pose", mech::mat_pose_to_euler_pose(mat_pose));
  show("rotation-vector pose", mech::mat_pose_to_rot_vec_pose(mat_pose));
  show("pose after 0.5 s at velocity [0.2, 0, 0, quarter turn about z]",
       mech::increment_quaternion_pose_with_velocity(
           quat_pose, ivy::array({0.2, 0.0, 0.0, 0.0, 0.0, 0.70710678, 0.70710678}), 0.5));

  // Position: spherical polar coordinates [phi, theta, r].
  const ivy::Array points = ivy::array({{1.0, 1.0, 1.0}, {0.0, -2.0, 0.0}});
  const ivy::Array polar = mech::cartesian_to_polar_coords(points);
  show("cartesian points", points);
  show("polar [phi, theta, r]", polar);
  show("back to cartesian", mech::polar_to_cartesian_coords(polar));
  show("homogeneous points", mech::make_coordinates_homogeneous(points));

  // A camera at the origin looking at a target on +y.
  show("target-facing rotation (body at 0, target on +y)",
       mech::target_facing_rotation_matrix(ivy::array({0.0, 0.0, 0.0}),
                                           ivy::array({0.0, 1.0, 0.0})));
  return 0;
}
