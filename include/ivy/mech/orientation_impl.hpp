#pragma once
/// The orientation conversions on already-validated arrays of one type R (ivy::Array or an
/// engine's result type). The public functions in orientation.hpp validate, then call these.
#include <string_view>
#include <vector>

#include "ivy/mech/detail.hpp"

namespace ivy::mech::detail {

// ---- small element-wise helpers (unified functions only) ----

template <class R>
R sum_sq(const std::vector<R>& xs) {
  R acc = ivy::square(xs[0]);
  for (std::size_t i = 1; i < xs.size(); ++i) acc = ivy::add(acc, ivy::square(xs[i]));
  return acc;
}

template <class R>
R norm(const std::vector<R>& xs) {
  return ivy::sqrt(sum_sq(xs));
}

/** x / d where d > MIN_DENOMINATOR, else fallback (no division by zero anywhere). */
template <class R>
R safe_divide(const R& x, const R& d, double fallback) {
  const R big = ivy::greater(d, MIN_DENOMINATOR);
  return ivy::where(big, ivy::divide(x, ivy::maximum(d, MIN_DENOMINATOR)), fallback);
}

/** Angles wrapped into (-pi, pi]. */
template <class R>
R wrap_angle(const R& a) {
  const R up = ivy::where(ivy::less_equal(a, -PI), ivy::add(a, 2 * PI), a);
  return ivy::where(ivy::greater(up, PI), ivy::subtract(up, 2 * PI), up);
}

// ---- quaternions ----

/** [e sin(theta/2), cos(theta/2)] from the axis components and the angle. */
template <class R>
R quat_from_axis_angle(const R& ex, const R& ey, const R& ez, const R& theta) {
  const R half = ivy::multiply(theta, 0.5);
  const R s = ivy::sin(half);
  return join(std::vector<R>{ivy::multiply(ex, s), ivy::multiply(ey, s), ivy::multiply(ez, s),
                             ivy::cos(half)});
}

template <class R>
R axis_angle_to_quat(const R& axis_angle) {
  const std::vector<R> p = parts(axis_angle);
  return quat_from_axis_angle(p[0], p[1], p[2], p[3]);
}

template <class R>
R polar_axis_angle_to_quat(const R& polar) {
  const std::vector<R> p = parts(polar);  // inclination, azimuth, angle
  const R sin_inc = ivy::sin(p[0]);
  return quat_from_axis_angle(ivy::multiply(sin_inc, ivy::cos(p[1])),
                              ivy::multiply(sin_inc, ivy::sin(p[1])), ivy::cos(p[0]), p[2]);
}

template <class R>
R rotation_vector_to_quat(const R& rot_vec) {
  const std::vector<R> p = parts(rot_vec);
  const R theta = norm(p);
  // sin(theta/2)/theta is accurate down to the smallest theta; only theta = 0 needs its limit.
  const R k = safe_divide(ivy::sin(ivy::multiply(theta, 0.5)), theta, 0.5);
  return join(std::vector<R>{ivy::multiply(p[0], k), ivy::multiply(p[1], k), ivy::multiply(p[2], k),
                             ivy::cos(ivy::multiply(theta, 0.5))});
}

/** The Hamilton product of two quaternions given as [qi, qj, qk, qr] components. */
template <class R>
std::vector<R> hamilton_parts(const std::vector<R>& p, const std::vector<R>& q) {
  using ivy::add;
  using ivy::multiply;
  using ivy::subtract;
  const R &x1 = p[0], &y1 = p[1], &z1 = p[2], &w1 = p[3];
  const R &x2 = q[0], &y2 = q[1], &z2 = q[2], &w2 = q[3];
  R w = subtract(subtract(subtract(multiply(w1, w2), multiply(x1, x2)), multiply(y1, y2)),
                 multiply(z1, z2));
  R x = subtract(add(add(multiply(w1, x2), multiply(x1, w2)), multiply(y1, z2)), multiply(z1, y2));
  R y = add(add(subtract(multiply(w1, y2), multiply(x1, z2)), multiply(y1, w2)), multiply(z1, x2));
  R z = add(subtract(add(multiply(w1, z2), multiply(x1, y2)), multiply(y1, x2)), multiply(z1, w2));
  return {x, y, z, w};
}

template <class R>
R hamilton(const R& q1, const R& q2) {
  return join(hamilton_parts(parts(q1), parts(q2)));
}

/** The quaternion of a rotation by angle about coordinate axis `axis`, as components. */
template <class R>
std::vector<R> elementary_quat(int axis, const R& angle) {
  const R half = ivy::multiply(angle, 0.5);
  const R zero = ivy::zeros_like(angle);
  std::vector<R> q{zero, zero, zero, ivy::cos(half)};
  q[static_cast<std::size_t>(axis)] = ivy::sin(half);
  return q;
}

/** R = R_c(angle 2) R_b(angle 1) R_a(angle 0) as a quaternion q_c q_b q_a. */
template <class R>
R euler_to_quat(const R& euler, const Convention& conv) {
  const std::vector<R> a = parts(euler);
  const std::vector<R> q =
      hamilton_parts(elementary_quat(conv[1], a[1]), elementary_quat(conv[0], a[0]));
  return join(hamilton_parts(elementary_quat(conv[2], a[2]), q));
}

/**
 * Shepperd's method: of the four algebraically equal formulas, the one dividing by the largest
 * of |qr|, |qi|, |qj|, |qk| (at least 1/2), so no branch divides by a small number. The result
 * is normalised and has qr >= 0.
 */
template <class R>
R rot_mat_to_quat(const R& rot_mat) {
  using ivy::add;
  using ivy::divide;
  using ivy::subtract;
  const std::vector<R> m = entries(rot_mat);
  const R &m00 = m[0], &m01 = m[1], &m02 = m[2], &m10 = m[3], &m11 = m[4], &m12 = m[5];
  const R &m20 = m[6], &m21 = m[7], &m22 = m[8];
  const R tr = add(add(m00, m11), m22);
  // 4 * (the chosen component); the clamp only matters for the branches not chosen.
  const auto four_times = [](const R& one_plus) {
    return ivy::multiply(ivy::sqrt(ivy::maximum(ivy::add(one_plus, 1.0), 1e-6)), 2.0);
  };
  const R s_w = four_times(tr);
  const R s_x = four_times(subtract(subtract(m00, m11), m22));
  const R s_y = four_times(subtract(subtract(m11, m00), m22));
  const R s_z = four_times(subtract(subtract(m22, m00), m11));
  const R d_x = subtract(m21, m12), d_y = subtract(m02, m20), d_z = subtract(m10, m01);
  const R p_xy = add(m01, m10), p_xz = add(m02, m20), p_yz = add(m12, m21);
  const R q_w = join(std::vector<R>{divide(d_x, s_w), divide(d_y, s_w), divide(d_z, s_w),
                                    ivy::multiply(s_w, 0.25)});
  const R q_x = join(std::vector<R>{ivy::multiply(s_x, 0.25), divide(p_xy, s_x), divide(p_xz, s_x),
                                    divide(d_x, s_x)});
  const R q_y = join(std::vector<R>{divide(p_xy, s_y), ivy::multiply(s_y, 0.25), divide(p_yz, s_y),
                                    divide(d_y, s_y)});
  const R q_z = join(std::vector<R>{divide(p_xz, s_z), divide(p_yz, s_z), ivy::multiply(s_z, 0.25),
                                    divide(d_z, s_z)});
  // The largest of tr, m00, m11, m22 picks the largest quaternion component.
  const R use_w = ivy::greater_equal(tr, ivy::maximum(ivy::maximum(m00, m11), m22));
  const R use_x = ivy::logical_and(ivy::greater_equal(m00, m11), ivy::greater_equal(m00, m22));
  const R use_y = ivy::greater_equal(m11, m22);
  const R q = ivy::where(ivy::expand_dims(use_w, -1), q_w,
                         ivy::where(ivy::expand_dims(use_x, -1), q_x,
                                    ivy::where(ivy::expand_dims(use_y, -1), q_y, q_z)));
  const std::vector<R> c = parts(q);
  const R flipped = ivy::where(ivy::expand_dims(ivy::less(c[3], 0.0), -1), ivy::negative(q), q);
  return ivy::divide(flipped, ivy::expand_dims(norm(c), -1));
}

/** q and -q are one rotation: the components of the representative with qr >= 0. */
template <class R>
std::vector<R> canonical_quat_parts(const R& quaternion) {
  std::vector<R> c = parts(quaternion);
  const R negative_real = ivy::less(c[3], 0.0);
  for (R& v : c) v = ivy::where(negative_real, ivy::negative(v), v);
  return c;
}

/**
 * [axis, angle] with angle = 2 atan2(|v|, qr) in [0, pi] (after choosing qr >= 0), exact near 0
 * and pi where acos would lose half the digits; the axis is +z when |v| <= MIN_DENOMINATOR.
 */
template <class R>
std::vector<R> quat_to_axis_angle_parts(const R& quaternion) {
  const std::vector<R> c = canonical_quat_parts(quaternion);
  const R n = norm(std::vector<R>{c[0], c[1], c[2]});
  return {safe_divide(c[0], n, 0.0), safe_divide(c[1], n, 0.0), safe_divide(c[2], n, 1.0),
          ivy::multiply(ivy::atan2(n, c[3]), 2.0)};
}

template <class R>
R quat_to_axis_angle(const R& quaternion) {
  return join(quat_to_axis_angle_parts(quaternion));
}

template <class R>
R quat_to_polar_axis_angle(const R& quaternion) {
  const std::vector<R> a = quat_to_axis_angle_parts(quaternion);
  const R inclination = ivy::atan2(norm(std::vector<R>{a[0], a[1]}), a[2]);
  return join(std::vector<R>{inclination, ivy::atan2(a[1], a[0]), a[3]});
}

template <class R>
R quat_to_rotation_vector(const R& quaternion) {
  const std::vector<R> a = quat_to_axis_angle_parts(quaternion);
  return join(std::vector<R>{ivy::multiply(a[0], a[3]), ivy::multiply(a[1], a[3]),
                             ivy::multiply(a[2], a[3])});
}

/** The rotation matrix of a quaternion of any non-zero norm (it is normalised first). */
template <class R>
R quat_to_rot_mat(const R& quaternion) {
  using ivy::add;
  using ivy::multiply;
  using ivy::subtract;
  const std::vector<R> c = parts(quaternion);
  const R &x = c[0], &y = c[1], &z = c[2], &w = c[3];
  const R s = safe_divide(ivy::full_like(x, 2.0), sum_sq(c), 0.0);
  const R xx = multiply(x, x), yy = multiply(y, y), zz = multiply(z, z);
  const R xy = multiply(x, y), xz = multiply(x, z), yz = multiply(y, z);
  const R xw = multiply(x, w), yw = multiply(y, w), zw = multiply(z, w);
  const auto one_minus = [&](const R& a, const R& b) {
    return ivy::subtract(1.0, multiply(s, add(a, b)));
  };
  return matrix(
      std::vector<R>{one_minus(yy, zz), multiply(s, subtract(xy, zw)), multiply(s, add(xz, yw)),
                     multiply(s, add(xy, zw)), one_minus(xx, zz), multiply(s, subtract(yz, xw)),
                     multiply(s, subtract(xz, yw)), multiply(s, add(yz, xw)), one_minus(xx, yy)},
      3, 3);
}

/** c I + s [e]x + t e e^T, Rodrigues' formula with its three coefficients given. */
template <class R>
R rodrigues(const R& x, const R& y, const R& z, const R& c, const R& s, const R& t) {
  using ivy::add;
  using ivy::multiply;
  using ivy::subtract;
  const R txy = multiply(t, multiply(x, y)), txz = multiply(t, multiply(x, z));
  const R tyz = multiply(t, multiply(y, z));
  const R sx = multiply(s, x), sy = multiply(s, y), sz = multiply(s, z);
  return matrix(
      std::vector<R>{add(c, multiply(t, ivy::square(x))), subtract(txy, sz), add(txz, sy),
                     add(txy, sz), add(c, multiply(t, ivy::square(y))), subtract(tyz, sx),
                     subtract(txz, sy), add(tyz, sx), add(c, multiply(t, ivy::square(z)))},
      3, 3);
}

template <class R>
R axis_angle_to_rot_mat(const R& axis_angle) {
  const std::vector<R> p = parts(axis_angle);
  const R half_sin = ivy::sin(ivy::multiply(p[3], 0.5));
  // 1 - cos(theta) as 2 sin^2(theta/2): no cancellation for small angles.
  return rodrigues(p[0], p[1], p[2], ivy::cos(p[3]), ivy::sin(p[3]),
                   ivy::multiply(ivy::square(half_sin), 2.0));
}

template <class R>
R rot_vec_to_rot_mat(const R& rot_vec) {
  const std::vector<R> p = parts(rot_vec);
  const R theta = norm(p);
  // With the unnormalised vector: sin(t)/t and (1 - cos t)/t^2, whose limits at 0 are 1 and 1/2.
  const R s = safe_divide(ivy::sin(theta), theta, 1.0);
  const R half = safe_divide(ivy::sin(ivy::multiply(theta, 0.5)), theta, 0.5);
  return rodrigues(p[0], p[1], p[2], ivy::cos(theta), s, ivy::multiply(ivy::square(half), 2.0));
}

/** The rotation by angle about coordinate axis `axis`, [..., 3, 3]. */
template <class R>
R elementary_rot_mat(int axis, const R& angle) {
  const R c = ivy::cos(angle), s = ivy::sin(angle);
  const R zero = ivy::zeros_like(angle);
  std::vector<R> e(9, zero);
  const int p = (axis + 1) % 3, q = (axis + 2) % 3;
  e[static_cast<std::size_t>(axis * 4)] = ivy::ones_like(angle);
  e[static_cast<std::size_t>(p * 4)] = c;
  e[static_cast<std::size_t>(q * 4)] = c;
  e[static_cast<std::size_t>(p * 3 + q)] = ivy::negative(s);
  e[static_cast<std::size_t>(q * 3 + p)] = s;
  return matrix(e, 3, 3);
}

template <class R>
R euler_to_rot_mat(const R& euler, const Convention& conv) {
  const std::vector<R> a = parts(euler);
  return ivy::matmul(
      elementary_rot_mat(conv[2], a[2]),
      ivy::matmul(elementary_rot_mat(conv[1], a[1]), elementary_rot_mat(conv[0], a[0])));
}

/**
 * Euler angles from a quaternion for any of the 12 conventions, after Bernardes and Viollet
 * (2022), "Quaternion to Euler angles conversion: a direct, general and computationally
 * efficient method": the half sum and half difference of the outer angles come from atan2 of
 * well-scaled quaternion combinations, so the angles stay accurate up to gimbal lock, where
 * the third angle is set to 0.
 */
template <class R>
R quat_to_euler(const R& quaternion, const Convention& conv) {
  using ivy::add;
  using ivy::multiply;
  using ivy::subtract;
  const std::vector<R> q = parts(quaternion);
  const int i = conv[0], j = conv[1];
  const bool proper = conv[0] == conv[2];
  const int k = proper ? 3 - i - j : conv[2];
  const double sign = static_cast<double>((i - j) * (j - k) * (k - i) / 2);
  const R &qi = q[static_cast<std::size_t>(i)], &qj = q[static_cast<std::size_t>(j)];
  const R qk = multiply(q[static_cast<std::size_t>(k)], sign);
  const R& w = q[3];
  // Tait-Bryan conventions are proper ones about rotated axes (middle angle shifted by pi/2).
  const R a = proper ? w : subtract(w, qj);
  const R b = proper ? qi : add(qi, qk);
  const R c = proper ? qj : add(qj, w);
  const R d = proper ? qk : subtract(qk, qi);
  const R middle =
      multiply(ivy::atan2(norm(std::vector<R>{c, d}), norm(std::vector<R>{a, b})), 2.0);
  const R half_sum = ivy::atan2(b, a);
  const R half_diff = ivy::atan2(d, c);
  const double tol = ivy::dtype(quaternion) == ivy::float64 ? GIMBAL_TOL_FLOAT64 : GIMBAL_TOL;
  const R at_zero = ivy::less_equal(middle, tol);
  const R at_pi = ivy::greater_equal(middle, PI - tol);
  const R locked = ivy::logical_or(at_zero, at_pi);
  const R first =
      ivy::where(at_zero, multiply(half_sum, 2.0),
                 ivy::where(at_pi, multiply(half_diff, -2.0), subtract(half_sum, half_diff)));
  R third = ivy::where(locked, 0.0, add(half_sum, half_diff));
  R second = middle;
  if (!proper) {
    third = multiply(third, sign);
    second = subtract(middle, PI / 2);
  }
  return join(std::vector<R>{wrap_angle(first), second, wrap_angle(third)});
}

/** Columns x, y, z: z from body to target, x = up x z, y = z x x, with world +z up. */
template <class R>
R target_facing_rot_mat(const R& body_pos, const R& target_pos) {
  using ivy::multiply;
  using ivy::subtract;
  const std::vector<R> dir = parts(ivy::subtract(target_pos, body_pos));
  const R dir_norm = norm(dir);
  const std::vector<R> z{safe_divide(dir[0], dir_norm, 0.0), safe_divide(dir[1], dir_norm, 0.0),
                         safe_divide(dir[2], dir_norm, 0.0)};
  // up x z with up = [0, 0, 1].
  const std::vector<R> x_raw{ivy::negative(z[1]), z[0], ivy::zeros_like(z[0])};
  const R x_norm = norm(x_raw);
  const std::vector<R> x{safe_divide(x_raw[0], x_norm, 0.0), safe_divide(x_raw[1], x_norm, 0.0),
                         x_raw[2]};
  const std::vector<R> y{subtract(multiply(z[1], x[2]), multiply(z[2], x[1])),
                         subtract(multiply(z[2], x[0]), multiply(z[0], x[2])),
                         subtract(multiply(z[0], x[1]), multiply(z[1], x[0]))};
  return matrix(std::vector<R>{x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]}, 3, 3);
}

}  // namespace ivy::mech::detail

namespace ivy::mech::detail {

template <class R>
R inverse_quat(const R& quaternion) {
  const std::vector<R> c = parts(quaternion);
  const R ss = sum_sq(c);
  const R denom = ivy::where(ivy::greater(ss, 0.0), ss, 1.0);
  const R conj =
      join(std::vector<R>{ivy::negative(c[0]), ivy::negative(c[1]), ivy::negative(c[2]), c[3]});
  return ivy::divide(conj, ivy::expand_dims(denom, -1));
}

template <class R>
R scale_quat_angle(const R& quaternion, double scale) {
  const std::vector<R> a = quat_to_axis_angle_parts(quaternion);
  return quat_from_axis_angle(a[0], a[1], a[2], ivy::multiply(a[3], scale));
}

}  // namespace ivy::mech::detail
