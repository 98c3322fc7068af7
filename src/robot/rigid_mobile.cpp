// ivy::robot::RigidMobile: body points fixed in a robot's frame placed in the world by its poses
// (the original ivy_robot.rigid_mobile), written over the unified functions.
#include "ivy/robot/rigid_mobile.hpp"

#include <string_view>

#include "robot/detail.hpp"

namespace ivy::robot {
using namespace ivy::robot::detail;

RigidMobile::RigidMobile(const Array& rel_body_points) : rel_body_points_(rel_body_points) {
  constexpr std::string_view fn = "RigidMobile";
  need_float(fn, "rel_body_points", rel_body_points);
  const Shape s = rel_body_points.shape();
  if (s.size() != 2 || s[1] != 3 || s[0] < 1)
    shape_error(fn, rel_body_points,
                "rel_body_points: expected shape [NBP,3] with NBP >= 1, got " + shape_str(s));
}

Array RigidMobile::sample_body(const Array& inv_ext_mats) const {
  constexpr std::string_view fn = "RigidMobile.sample_body";
  need_float(fn, "inv_ext_mats", inv_ext_mats);
  const Shape s = inv_ext_mats.shape();
  if (s.size() < 2 || s.back() != 4 || (s[s.size() - 2] != 3 && s[s.size() - 2] != 4))
    shape_error(fn, inv_ext_mats,
                "inv_ext_mats: expected shape [...,3,4] or [...,4,4], got " + shape_str(s));
  const Array rotation_translation = row_range(inv_ext_mats, 0, 3);  // BS x 3 x 4
  // The body points on the poses' backend (a robot built on one backend serves every backend).
  const Array body = rel_body_points_.backend_name() == inv_ext_mats.backend_name()
                         ? rel_body_points_
                         : ivy::to_backend(rel_body_points_, inv_ext_mats.backend());
  // BS x NBP x 3: p R^T + t^T for every body point p.
  const Array rotated =
      ivy::matmul(body, ivy::swapaxes(last_range(rotation_translation, 0, 3), -1, -2));
  return ivy::add(rotated, ivy::swapaxes(last_range(rotation_translation, 3, 4), -1, -2));
}

}  // namespace ivy::robot
