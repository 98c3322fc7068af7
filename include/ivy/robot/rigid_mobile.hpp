#pragma once
/// ivy::robot rigid mobile robots (the drone of the planning demo): a set of body points fixed
/// in the robot's frame, placed in the world by the robot's poses. See docs/robot.md.
#include "ivy/core/array.hpp"
#include "ivy/native.hpp"

namespace ivy::robot {

class RigidMobile {
 public:
  /** rel_body_points [NBP, 3]: the body points in the robot's frame (float). ShapeError
   * otherwise, and for NBP = 0. */
  explicit RigidMobile(const Array& rel_body_points);

  /** The body points in the world for each pose: inv_ext_mats [BS..., 3|4, 4] (robot-to-world
   * [R | t]) -> [BS..., NBP, 3], p_world = R p + t. ShapeError for other shapes. */
  Array sample_body(const Array& inv_ext_mats) const;

  /** sample_body on an engine's own array (at::Tensor, ...), returning the same type. */
  template <NativeArray N>
  auto sample_body(const N& inv_ext_mats) const {
    return ::ivy::detail::lower<N>(sample_body(::ivy::detail::lift(inv_ext_mats)));
  }

  /** The body points as given, [NBP, 3]. */
  const Array& rel_body_points() const { return rel_body_points_; }

 private:
  Array rel_body_points_;
};

}  // namespace ivy::robot
