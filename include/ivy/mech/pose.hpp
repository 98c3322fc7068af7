#pragma once
/// ivy::mech pose: conversions between the four pose forms, each position [x,y,z] followed by
/// an orientation: Euler pose [...,6] (angles in a convention, default "zyx"), rotation-vector
/// pose [...,6], axis-angle pose [...,7], quaternion pose [...,7] (scalar last), and the matrix
/// pose [...,3,4] = [R | t]. Batched over arbitrary leading dimensions; see orientation.hpp for
/// the conventions and docs/mech.md for the table.
#include <string_view>

#include "ivy/core/array_like.hpp"
#include "ivy/mech/constants.hpp"
#include "ivy/mech/detail.hpp"
#include "ivy/mech/orientation_impl.hpp"

namespace ivy::mech {

namespace detail {

/** [pose[..., :n], rotation]: the position of a pose followed by a new orientation. */
template <class R>
R with_rotation(const R& pose, std::int64_t n, const R& rotation) {
  return ivy::concat(std::vector<R>{last_range(pose, 0, n), rotation}, -1);
}

/** The rotation block R of a matrix pose [R|t]. */
template <class R>
R mat_pose_rotation(const R& mat_pose) {
  return last_range(mat_pose, 0, 3);
}

/** [t, rotation] from a matrix pose [R|t] and an orientation. */
template <class R>
R mat_pose_with(const R& mat_pose, const R& rotation) {
  const R t = ivy::squeeze(last_range(mat_pose, 3, 4), Axes{-1});
  return ivy::concat(std::vector<R>{t, rotation}, -1);
}

/** [R | t] from a rotation matrix and a pose whose first three entries are t. */
template <class R>
R mat_pose_from(const R& rot_mat, const R& pose) {
  return ivy::concat(std::vector<R>{rot_mat, ivy::expand_dims(last_range(pose, 0, 3), -1)}, -1);
}

}  // namespace detail

/** 6 -> 7: [x,y,z,a,b,c] -> [x,y,z,ex,ey,ez,theta]. */
template <ArrayLike A>
result_of_t<A> euler_pose_to_axis_angle_pose(
    const A& euler_pose, std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("euler_pose_to_axis_angle_pose", euler_pose, {6});
  const auto conv =
      detail::parse_convention("euler_pose_to_axis_angle_pose", euler_pose, convention);
  return detail::with_rotation(
      x, 3, detail::quat_to_axis_angle(detail::euler_to_quat(detail::last_range(x, 3, 6), conv)));
}

/** [...,3,4] [R|t] -> 6: [x,y,z, rotation vector]. */
template <ArrayLike A>
result_of_t<A> mat_pose_to_rot_vec_pose(const A& mat_pose) {
  const auto x = detail::enter("mat_pose_to_rot_vec_pose", mat_pose, {3, 4});
  return detail::mat_pose_with(
      x, detail::quat_to_rotation_vector(detail::rot_mat_to_quat(detail::mat_pose_rotation(x))));
}

/** 7 -> 6: [x,y,z,qi,qj,qk,qr] -> [x,y,z, rotation vector]. */
template <ArrayLike A>
result_of_t<A> quaternion_pose_to_rot_vec_pose(const A& quaternion_pose) {
  const auto x = detail::enter("quaternion_pose_to_rot_vec_pose", quaternion_pose, {7});
  return detail::with_rotation(x, 3, detail::quat_to_rotation_vector(detail::last_range(x, 3, 7)));
}

/** [...,3,4] -> 6: [x,y,z,a,b,c] (gimbal lock as in rot_mat_to_euler). */
template <ArrayLike A>
result_of_t<A> mat_pose_to_euler_pose(const A& mat_pose,
                                      std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("mat_pose_to_euler_pose", mat_pose, {3, 4});
  const auto conv = detail::parse_convention("mat_pose_to_euler_pose", mat_pose, convention);
  return detail::mat_pose_with(
      x, detail::quat_to_euler(detail::rot_mat_to_quat(detail::mat_pose_rotation(x)), conv));
}

/** 7 -> 6: [x,y,z,qi,qj,qk,qr] -> [x,y,z,a,b,c]. */
template <ArrayLike A>
result_of_t<A> quaternion_pose_to_euler_pose(
    const A& quaternion_pose, std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("quaternion_pose_to_euler_pose", quaternion_pose, {7});
  const auto conv =
      detail::parse_convention("quaternion_pose_to_euler_pose", quaternion_pose, convention);
  return detail::with_rotation(x, 3, detail::quat_to_euler(detail::last_range(x, 3, 7), conv));
}

/** 7 -> 6: [x,y,z,ex,ey,ez,theta] -> [x,y,z,a,b,c]. */
template <ArrayLike A>
result_of_t<A> axis_angle_pose_to_euler_pose(
    const A& axis_angle_pose, std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("axis_angle_pose_to_euler_pose", axis_angle_pose, {7});
  const auto conv =
      detail::parse_convention("axis_angle_pose_to_euler_pose", axis_angle_pose, convention);
  return detail::with_rotation(
      x, 3, detail::quat_to_euler(detail::axis_angle_to_quat(detail::last_range(x, 3, 7)), conv));
}

/** 7 -> [...,3,4] [R|t]. */
template <ArrayLike A>
result_of_t<A> quaternion_pose_to_mat_pose(const A& quaternion_pose) {
  const auto x = detail::enter("quaternion_pose_to_mat_pose", quaternion_pose, {7});
  return detail::mat_pose_from(detail::quat_to_rot_mat(detail::last_range(x, 3, 7)), x);
}

/** 6 -> [...,3,4] [R|t]. */
template <ArrayLike A>
result_of_t<A> euler_pose_to_mat_pose(const A& euler_pose,
                                      std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("euler_pose_to_mat_pose", euler_pose, {6});
  const auto conv = detail::parse_convention("euler_pose_to_mat_pose", euler_pose, convention);
  return detail::mat_pose_from(detail::euler_to_rot_mat(detail::last_range(x, 3, 6), conv), x);
}

/** 6 -> [...,3,4] [R|t]. */
template <ArrayLike A>
result_of_t<A> rot_vec_pose_to_mat_pose(const A& rot_vec_pose) {
  const auto x = detail::enter("rot_vec_pose_to_mat_pose", rot_vec_pose, {6});
  return detail::mat_pose_from(detail::rot_vec_to_rot_mat(detail::last_range(x, 3, 6)), x);
}

/** 7 -> [...,3,4] [R|t]. */
template <ArrayLike A>
result_of_t<A> axis_angle_pose_to_mat_pose(const A& axis_angle_pose) {
  const auto x = detail::enter("axis_angle_pose_to_mat_pose", axis_angle_pose, {7});
  return detail::mat_pose_from(detail::axis_angle_to_rot_mat(detail::last_range(x, 3, 7)), x);
}

/** 7 -> 7: [x,y,z,ex,ey,ez,theta] -> [x,y,z,qi,qj,qk,qr]. */
template <ArrayLike A>
result_of_t<A> axis_angle_pose_to_quaternion_pose(const A& axis_angle_pose) {
  const auto x = detail::enter("axis_angle_pose_to_quaternion_pose", axis_angle_pose, {7});
  return detail::with_rotation(x, 3, detail::axis_angle_to_quat(detail::last_range(x, 3, 7)));
}

/** [...,3,4] -> 7: [x,y,z,qi,qj,qk,qr] (qr >= 0). */
template <ArrayLike A>
result_of_t<A> mat_pose_to_quaternion_pose(const A& mat_pose) {
  const auto x = detail::enter("mat_pose_to_quaternion_pose", mat_pose, {3, 4});
  return detail::mat_pose_with(x, detail::rot_mat_to_quat(detail::mat_pose_rotation(x)));
}

/** 6 -> 7: [x,y,z,a,b,c] -> [x,y,z,qi,qj,qk,qr]. */
template <ArrayLike A>
result_of_t<A> euler_pose_to_quaternion_pose(
    const A& euler_pose, std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("euler_pose_to_quaternion_pose", euler_pose, {6});
  const auto conv =
      detail::parse_convention("euler_pose_to_quaternion_pose", euler_pose, convention);
  return detail::with_rotation(x, 3, detail::euler_to_quat(detail::last_range(x, 3, 6), conv));
}
/**
 * The quaternion pose [...,7] after moving for delta_t at velocity quat_vel [...,7] (laid out as
 * a quaternion pose): position + v * delta_t, and orientation q * scale(q_vel, delta_t) where
 * scale multiplies the rotation angle of q_vel.
 */
template <ArrayLike A>
result_of_t<A> increment_quaternion_pose_with_velocity(const A& quat_pose, const A& quat_vel,
                                                       double delta_t) {
  const auto x = detail::enter("increment_quaternion_pose_with_velocity", quat_pose, {7});
  const auto v = detail::enter("increment_quaternion_pose_with_velocity", quat_vel, {7});
  const auto position =
      ivy::add(detail::last_range(x, 0, 3), ivy::multiply(detail::last_range(v, 0, 3), delta_t));
  const auto step = detail::scale_quat_angle(detail::last_range(v, 3, 7), delta_t);
  const auto orientation = detail::hamilton(detail::last_range(x, 3, 7), step);
  return ivy::concat(std::vector<result_of_t<A>>{position, orientation}, -1);
}

// Compiled once for ivy::Array in the library (src/mech/pose.cpp).
#define IVY_MECH_POSE_INSTANTIATIONS(PREFIX)                                                       \
  PREFIX template Array euler_pose_to_axis_angle_pose<Array>(const Array&, std::string_view);      \
  PREFIX template Array mat_pose_to_rot_vec_pose<Array>(const Array&);                             \
  PREFIX template Array quaternion_pose_to_rot_vec_pose<Array>(const Array&);                      \
  PREFIX template Array mat_pose_to_euler_pose<Array>(const Array&, std::string_view);             \
  PREFIX template Array quaternion_pose_to_euler_pose<Array>(const Array&, std::string_view);      \
  PREFIX template Array axis_angle_pose_to_euler_pose<Array>(const Array&, std::string_view);      \
  PREFIX template Array quaternion_pose_to_mat_pose<Array>(const Array&);                          \
  PREFIX template Array euler_pose_to_mat_pose<Array>(const Array&, std::string_view);             \
  PREFIX template Array rot_vec_pose_to_mat_pose<Array>(const Array&);                             \
  PREFIX template Array axis_angle_pose_to_mat_pose<Array>(const Array&);                          \
  PREFIX template Array axis_angle_pose_to_quaternion_pose<Array>(const Array&);                   \
  PREFIX template Array mat_pose_to_quaternion_pose<Array>(const Array&);                          \
  PREFIX template Array euler_pose_to_quaternion_pose<Array>(const Array&, std::string_view);      \
  PREFIX template Array increment_quaternion_pose_with_velocity<Array>(const Array&, const Array&, \
                                                                       double);

IVY_MECH_POSE_INSTANTIATIONS(extern)

}  // namespace ivy::mech
