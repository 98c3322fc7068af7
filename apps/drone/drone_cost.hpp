#pragma once
// The drone demo's cost, written once over ArrayLike (the original ivy_robot demo's
// compute_cost_and_sdfs): it runs on ivy::Array on every backend and, with ivy/torch.hpp
// included first, on at::Tensor (the static path the benchmark measures).
#include <vector>

#include "ivy/core/array_like.hpp"
#include "ivy/mech.hpp"
#include "ivy/robot.hpp"
#include "ivy/vision.hpp"
#include "planning_loop.hpp"

namespace ivy_drone {

/** Which path length the cost adds to the collision term. */
enum class CostKind {
  /** The length of the drone's path: the mean over the body points of each one's path length
   * over the samples. (Their sum weighs the length 5x against the collision term, and SGD at
   * lr 0.05 then oscillates without reaching the clearance, in the original library too.) */
  path,
  /** The original's: distances between neighbouring body points at each sample, a constant. */
  original,
};

/** The fixed inputs of the cost, on one backend. */
template <class A>
struct Problem {
  A anchor_points;    // [NA, 1], locations in [0, 1]
  A query_points;     // [S, 1]
  A start_pose;       // [1, 6] rotation-vector pose
  A target_pose;      // [1, 6]
  A rel_body_points;  // [NBP, 3]
  A cuboid_ext_mats;  // [NC, 3, 4] world-to-cuboid
  A cuboid_dims;      // [NC, 3]
  CostKind cost_kind = CostKind::path;
};

/** The cost of a path and what it was made of. */
template <class A>
struct Evaluation {
  A cost;       // 0-d: length + 10 * collision
  A length;     // 0-d
  A collision;  // 0-d: -mean(sdf)
  A sdf;        // [S, NBP] signed distances of the body points
  A poses;      // [S, 6] rotation-vector poses along the path
  A body;       // [S, NBP, 3] body points along the path
};

/** The cost of the path through start, the learnable anchors [NL, 6] and target. */
template <class A>
Evaluation<A> evaluate(const Problem<A>& p, const A& learnable_anchors) {
  const A anchor_vals =
      ivy::concat(std::vector<A>{p.start_pose, learnable_anchors, p.target_pose}, 0);
  const A poses = ivy::robot::sample_spline_path(p.anchor_points, anchor_vals, p.query_points);
  const A inv_ext_mats = ivy::mech::rot_vec_pose_to_mat_pose(poses);
  // S x NBP x 3: every body point at every sample.
  const A body =
      ivy::robot::RigidMobile(ivy::detail::lift(p.rel_body_points)).sample_body(inv_ext_mats);
  const A length = p.cost_kind == CostKind::path
                       ? ivy::divide(ivy_demo::polyline_length(body, 0),
                                     static_cast<double>(ivy::shape(body)[1]))
                       : ivy_demo::polyline_length(body, 1);
  const auto& s = ivy::shape(body);
  const A sdf_column = ivy::vision::cuboid_signed_distances(
      p.cuboid_ext_mats, p.cuboid_dims, ivy::reshape(body, ivy::Shape{s[0] * s[1], 3}));
  const A sdf = ivy::reshape(sdf_column, ivy::Shape{s[0], s[1]});
  const A collision = ivy::negative(ivy::mean(sdf));
  const A cost = ivy::add(length, ivy::multiply(collision, 10.0));
  return {cost, length, collision, sdf, poses, body};
}

}  // namespace ivy_drone
