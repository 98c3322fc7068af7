// ivy::mech orientation functions compiled once for ivy::Array, and the random rotations.
#include "ivy/mech/orientation.hpp"

#include <cmath>
#include <string>

namespace ivy::mech {

IVY_MECH_ORIENTATION_INSTANTIATIONS()

namespace {
Shape with_tail(Shape s, std::int64_t n) {
  s.push_back(n);
  return s;
}
Options float_options(Options opts) {
  if (!opts.dtype) opts.dtype = float32;
  return opts;
}
}  // namespace

Array get_random_quaternion(double max_rot_ang, const Shape& batch_shape, const Options& opts) {
  const Options o = float_options(opts);
  // Checked here so that the error names this function, not the random_uniform it calls.
  if (!(max_rot_ang >= 0.0) || !std::isfinite(max_rot_ang))
    ivy::detail::raise<ValueError>(
        "mech::get_random_quaternion", backend_name(o.backend ? *o.backend : current_backend()),
        "max_rot_ang must be finite and >= 0, got " + std::to_string(max_rot_ang));
  const Array axis = random_uniform(0.0, 1.0, with_tail(batch_shape, 3), o);
  // Divided by max(norm, MIN_DENOMINATOR), not the original's norm + MIN_DENOMINATOR, so that
  // the axis (hence the quaternion) is a unit vector to rounding, not to 1e-12 / norm.
  const Array unit = divide(axis, maximum(vector_norm(axis, 2.0, Axes{-1}, true), MIN_DENOMINATOR));
  const Array angle = random_uniform(-max_rot_ang, max_rot_ang, with_tail(batch_shape, 1), o);
  return axis_angle_to_quaternion(concat({unit, angle}, -1));
}

Array get_random_axis_angle(const Shape& batch_shape, const Options& opts) {
  return quaternion_to_axis_angle(get_random_quaternion(PI, batch_shape, opts));
}

Array get_random_euler(const Shape& batch_shape, const Options& opts) {
  return random_uniform(0.0, 2 * PI, with_tail(batch_shape, 3), float_options(opts));
}

Array get_random_rot_mat(const Shape& batch_shape, const Options& opts) {
  return quaternion_to_rot_mat(get_random_quaternion(PI, batch_shape, opts));
}

}  // namespace ivy::mech
