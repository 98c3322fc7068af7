#pragma once
/// ivy::mech orientation: conversions between rotation matrices [...,3,3], quaternions
/// [qi,qj,qk,qr] (scalar last), axis-angle [ex,ey,ez,theta], polar axis-angle
/// [inclination, azimuth, theta], rotation vectors theta*e and Euler angles in the 12
/// conventions, plus quaternion algebra and random rotations. Every function takes arbitrary
/// leading batch dimensions, is written once over ArrayLike (ivy::Array or a native array whose
/// engine header, ivy/torch.hpp or ivy/xtensor.hpp, is included first) and, for ivy::Array, is
/// compiled once in the library. See docs/mech.md.
#include <string_view>

#include "ivy/core/array_like.hpp"
#include "ivy/mech/constants.hpp"
#include "ivy/mech/detail.hpp"
#include "ivy/mech/orientation_impl.hpp"

namespace ivy::mech {

/** Rotation matrix [...,3,3] -> axis-angle [...,4] (unit axis, angle in [0, pi]). */
template <ArrayLike A>
result_of_t<A> rot_mat_to_axis_angle(const A& rot_mat) {
  const auto x = detail::enter("rot_mat_to_axis_angle", rot_mat, {3, 3});
  return detail::quat_to_axis_angle(detail::rot_mat_to_quat(x));
}

/** Euler angles [...,3] -> axis-angle [...,4]. */
template <ArrayLike A>
result_of_t<A> euler_to_axis_angle(const A& euler_angles,
                                   std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("euler_to_axis_angle", euler_angles, {3});
  const auto conv = detail::parse_convention("euler_to_axis_angle", euler_angles, convention);
  return detail::quat_to_axis_angle(detail::euler_to_quat(x, conv));
}

/** Quaternion [...,4] -> axis-angle [...,4]: angle 2 atan2(|v|, |qr|) in [0, pi]; axis +z for the
 * identity. */
template <ArrayLike A>
result_of_t<A> quaternion_to_axis_angle(const A& quaternion) {
  const auto x = detail::enter("quaternion_to_axis_angle", quaternion, {4});
  return detail::quat_to_axis_angle(x);
}

/** Quaternion [...,4] -> polar axis-angle [inclination, azimuth, angle] [...,3]. */
template <ArrayLike A>
result_of_t<A> quaternion_to_polar_axis_angle(const A& quaternion) {
  const auto x = detail::enter("quaternion_to_polar_axis_angle", quaternion, {4});
  return detail::quat_to_polar_axis_angle(x);
}

/** Quaternion [...,4] -> rotation vector angle * axis [...,3] (norm in [0, pi]). */
template <ArrayLike A>
result_of_t<A> quaternion_to_rotation_vector(const A& quaternion) {
  const auto x = detail::enter("quaternion_to_rotation_vector", quaternion, {4});
  return detail::quat_to_rotation_vector(x);
}

/** Rotation matrix [...,3,3] -> Euler angles [...,3]; gimbal lock handled for every convention (the
 * third angle is then 0). Outer angles in (-pi, pi]; the middle one in [0, pi] (proper) or [-pi/2,
 * pi/2] (Tait-Bryan). */
template <ArrayLike A>
result_of_t<A> rot_mat_to_euler(const A& rot_mat,
                                std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("rot_mat_to_euler", rot_mat, {3, 3});
  const auto conv = detail::parse_convention("rot_mat_to_euler", rot_mat, convention);
  return detail::quat_to_euler(detail::rot_mat_to_quat(x), conv);
}

/** Quaternion [...,4] -> Euler angles [...,3] (see rot_mat_to_euler). */
template <ArrayLike A>
result_of_t<A> quaternion_to_euler(const A& quaternion,
                                   std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("quaternion_to_euler", quaternion, {4});
  const auto conv = detail::parse_convention("quaternion_to_euler", quaternion, convention);
  return detail::quat_to_euler(x, conv);
}

/** Axis-angle [...,4] -> Euler angles [...,3] (see rot_mat_to_euler). */
template <ArrayLike A>
result_of_t<A> axis_angle_to_euler(const A& axis_angle,
                                   std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("axis_angle_to_euler", axis_angle, {4});
  const auto conv = detail::parse_convention("axis_angle_to_euler", axis_angle, convention);
  return detail::quat_to_euler(detail::axis_angle_to_quat(x), conv);
}

/** Axis-angle [...,4] -> quaternion [e sin(theta/2), cos(theta/2)] [...,4]. */
template <ArrayLike A>
result_of_t<A> axis_angle_to_quaternion(const A& axis_angle) {
  const auto x = detail::enter("axis_angle_to_quaternion", axis_angle, {4});
  return detail::axis_angle_to_quat(x);
}

/** Polar axis-angle [inclination, azimuth, angle] [...,3] -> quaternion [...,4]. */
template <ArrayLike A>
result_of_t<A> polar_axis_angle_to_quaternion(const A& polar_axis_angle) {
  const auto x = detail::enter("polar_axis_angle_to_quaternion", polar_axis_angle, {3});
  return detail::polar_axis_angle_to_quat(x);
}

/** Rotation matrix [...,3,3] -> unit quaternion [...,4] with qr >= 0 (Shepperd's method). */
template <ArrayLike A>
result_of_t<A> rot_mat_to_quaternion(const A& rot_mat) {
  const auto x = detail::enter("rot_mat_to_quaternion", rot_mat, {3, 3});
  return detail::rot_mat_to_quat(x);
}

/** Rotation vector [...,3] -> quaternion [...,4] (exact at the zero vector). */
template <ArrayLike A>
result_of_t<A> rotation_vector_to_quaternion(const A& rot_vector) {
  const auto x = detail::enter("rotation_vector_to_quaternion", rot_vector, {3});
  return detail::rotation_vector_to_quat(x);
}

/** Euler angles [...,3] -> quaternion [...,4], composed from the three elementary rotations. */
template <ArrayLike A>
result_of_t<A> euler_to_quaternion(const A& euler_angles,
                                   std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("euler_to_quaternion", euler_angles, {3});
  const auto conv = detail::parse_convention("euler_to_quaternion", euler_angles, convention);
  return detail::euler_to_quat(x, conv);
}

/** The inverse conj(q) / |q|^2 [...,4] (0 for the zero quaternion). */
template <ArrayLike A>
result_of_t<A> inverse_quaternion(const A& quaternion) {
  const auto x = detail::enter("inverse_quaternion", quaternion, {4});
  return detail::inverse_quat(x);
}

/** The quaternion [...,4] of the same axis with its angle multiplied by scale (negative reverses
 * it). */
template <ArrayLike A>
result_of_t<A> scale_quaternion_rotation_angle(const A& quaternion, double scale) {
  const auto x = detail::enter("scale_quaternion_rotation_angle", quaternion, {4});
  return detail::scale_quat_angle(x, scale);
}

/** The Hamilton product q1 q2 [...,4] (scalar-last layout; batch dimensions broadcast). */
template <ArrayLike A>
result_of_t<A> hamilton_product(const A& quaternion1, const A& quaternion2) {
  const auto x = detail::enter("hamilton_product", quaternion1, {4});
  const auto y = detail::enter("hamilton_product", quaternion2, {4});
  return detail::hamilton(x, y);
}

/** Rotation vector [...,3] -> rotation matrix [...,3,3] (Rodrigues, exact at the zero vector). */
template <ArrayLike A>
result_of_t<A> rot_vec_to_rot_mat(const A& rot_vec) {
  const auto x = detail::enter("rot_vec_to_rot_mat", rot_vec, {3});
  return detail::rot_vec_to_rot_mat(x);
}

/** Quaternion [...,4] of any non-zero norm -> rotation matrix [...,3,3]. */
template <ArrayLike A>
result_of_t<A> quaternion_to_rot_mat(const A& quaternion) {
  const auto x = detail::enter("quaternion_to_rot_mat", quaternion, {4});
  return detail::quat_to_rot_mat(x);
}

/** Euler angles [...,3] -> R = R_c(angle 2) @ R_b(angle 1) @ R_a(angle 0) [...,3,3] for convention
 * "abc". */
template <ArrayLike A>
result_of_t<A> euler_to_rot_mat(const A& euler_angles,
                                std::string_view convention = DEFAULT_EULER_CONVENTION) {
  const auto x = detail::enter("euler_to_rot_mat", euler_angles, {3});
  const auto conv = detail::parse_convention("euler_to_rot_mat", euler_angles, convention);
  return detail::euler_to_rot_mat(x, conv);
}

/** The rotation [...,3,3] whose +z column points from body_pos to target_pos [...,3], world +z up
 * (glm lookAt). */
template <ArrayLike A>
result_of_t<A> target_facing_rotation_matrix(const A& body_pos, const A& target_pos) {
  const auto x = detail::enter("target_facing_rotation_matrix", body_pos, {3});
  const auto y = detail::enter("target_facing_rotation_matrix", target_pos, {3});
  return detail::target_facing_rot_mat(x, y);
}

/** Axis-angle [...,4] -> rotation matrix [...,3,3]. */
template <ArrayLike A>
result_of_t<A> axis_angle_to_rot_mat(const A& axis_angle) {
  const auto x = detail::enter("axis_angle_to_rot_mat", axis_angle, {4});
  return detail::axis_angle_to_rot_mat(x);
}

// ---- random rotations (no array argument: created with opts, float32 by default) ----

/**
 * Random quaternions [batch_shape..., 4]: an axis drawn from U(0,1)^3 and normalised (so its
 * components are positive, as in the original) and an angle from U(-max_rot_ang, max_rot_ang).
 */
Array get_random_quaternion(double max_rot_ang = PI, const Shape& batch_shape = {},
                            const Options& opts = {});
/** Random axis-angle [batch_shape..., 4] (get_random_quaternion converted). */
Array get_random_axis_angle(const Shape& batch_shape = {}, const Options& opts = {});
/** Random Euler angles [batch_shape..., 3] from U(0, 2 pi). */
Array get_random_euler(const Shape& batch_shape = {}, const Options& opts = {});
/** Random rotation matrices [batch_shape..., 3, 3] (get_random_quaternion converted). */
Array get_random_rot_mat(const Shape& batch_shape = {}, const Options& opts = {});

// Compiled once for ivy::Array in the library (src/mech/orientation.cpp).
#define IVY_MECH_ORIENTATION_INSTANTIATIONS(PREFIX)                                       \
  PREFIX template Array rot_mat_to_axis_angle<Array>(const Array&);                       \
  PREFIX template Array euler_to_axis_angle<Array>(const Array&, std::string_view);       \
  PREFIX template Array quaternion_to_axis_angle<Array>(const Array&);                    \
  PREFIX template Array quaternion_to_polar_axis_angle<Array>(const Array&);              \
  PREFIX template Array quaternion_to_rotation_vector<Array>(const Array&);               \
  PREFIX template Array rot_mat_to_euler<Array>(const Array&, std::string_view);          \
  PREFIX template Array quaternion_to_euler<Array>(const Array&, std::string_view);       \
  PREFIX template Array axis_angle_to_euler<Array>(const Array&, std::string_view);       \
  PREFIX template Array axis_angle_to_quaternion<Array>(const Array&);                    \
  PREFIX template Array polar_axis_angle_to_quaternion<Array>(const Array&);              \
  PREFIX template Array rot_mat_to_quaternion<Array>(const Array&);                       \
  PREFIX template Array rotation_vector_to_quaternion<Array>(const Array&);               \
  PREFIX template Array euler_to_quaternion<Array>(const Array&, std::string_view);       \
  PREFIX template Array inverse_quaternion<Array>(const Array&);                          \
  PREFIX template Array scale_quaternion_rotation_angle<Array>(const Array&, double);     \
  PREFIX template Array hamilton_product<Array>(const Array&, const Array&);              \
  PREFIX template Array rot_vec_to_rot_mat<Array>(const Array&);                          \
  PREFIX template Array quaternion_to_rot_mat<Array>(const Array&);                       \
  PREFIX template Array euler_to_rot_mat<Array>(const Array&, std::string_view);          \
  PREFIX template Array target_facing_rotation_matrix<Array>(const Array&, const Array&); \
  PREFIX template Array axis_angle_to_rot_mat<Array>(const Array&);

IVY_MECH_ORIENTATION_INSTANTIATIONS(extern)

}  // namespace ivy::mech
