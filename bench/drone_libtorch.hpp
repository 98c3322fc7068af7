#pragma once
// The drone demo's iteration written by hand with LibTorch (ATen) calls only, the baseline of
// bench/bench_drone.cpp: the algorithm of apps/drone/drone_cost.hpp and Planner::iterate
// (polyharmonic spline through the anchors, rotation-vector poses -> [R | t], body points,
// cuboid signed distances, path length, autograd, SGD step, collision check). Its line count
// is the LibTorch entry of the paper's Table 2 (bench/drone_table.py).
#include <ATen/ATen.h>

#include <cstdint>

namespace drone_libtorch {

/** The fixed inputs (float32), as ivy_drone::make_problem builds them. */
struct Inputs {
  at::Tensor anchor_points;            // [NA, 1], locations in [0, 1]
  at::Tensor query_points;             // [S, 1]
  at::Tensor start_pose, target_pose;  // [1, 6] rotation-vector poses
  at::Tensor rel_body_points;          // [NBP, 3]
  at::Tensor cuboid_ext_mats;          // [NC, 3, 4] world-to-cuboid
  at::Tensor cuboid_dims;              // [NC, 3]
  bool path_cost = true;  // false: the original's distances between neighbouring body points
};

struct Terms {
  at::Tensor cost, length, collision, sdf;  // sdf [S, NBP]
};

/** The polyharmonic kernel of order 3, r^1.5 of the squared distances r (clamped at 1e-6)
 * between the points x [N, D] and y [M, D]: [N, M]. */
inline at::Tensor polyharmonic(const at::Tensor& x, const at::Tensor& y) {
  const at::Tensor diff = x.unsqueeze(1) - y.unsqueeze(0);
  return (diff * diff).sum(-1).clamp_min(1e-6).pow(1.5);
}

/** The spline through the values f [NA, PD] at c [NA, D], sampled at s [S, D]: [S, PD]. */
inline at::Tensor sample_spline(const at::Tensor& c, const at::Tensor& f, const at::Tensor& s) {
  const std::int64_t na = c.size(0), d1 = c.size(1) + 1;
  const at::Tensor b = at::cat({c, at::ones({na, 1}, c.options())}, 1);
  const at::Tensor lhs = at::cat(
      {at::cat({polyharmonic(c, c), b}, 1), at::cat({b.t(), at::zeros({d1, d1}, c.options())}, 1)},
      0);
  const at::Tensor rhs = at::cat({f, at::zeros({d1, f.size(1)}, f.options())}, 0);
  const at::Tensor weights = at::matmul(at::linalg_pinv(lhs), rhs);
  const at::Tensor s1 = at::cat({s, at::ones({s.size(0), 1}, s.options())}, 1);
  return at::matmul(polyharmonic(s, c), weights.narrow(0, 0, na)) +
         at::matmul(s1, weights.narrow(0, na, d1));
}

/** Rodrigues' rotation matrices [S, 3, 3] of rotation vectors [S, 3], with sin(t)/t and
 * (1 - cos t)/t^2 = 2 (sin(t/2)/t)^2 replaced by their limits 1 and 1/2 at t = 0. */
inline at::Tensor rot_vec_to_rot_mat(const at::Tensor& rv) {
  const at::Tensor x = rv.select(1, 0), y = rv.select(1, 1), z = rv.select(1, 2);
  const at::Tensor theta = (x * x + y * y + z * z).sqrt();
  const at::Tensor big = theta > 1e-12;
  const at::Tensor safe = theta.clamp_min(1e-12);
  const at::Tensor s = at::where(big, theta.sin() / safe, 1.0);
  const at::Tensor half = at::where(big, (theta * 0.5).sin() / safe, 0.5);
  const at::Tensor c = theta.cos(), t = half * half * 2.0;
  const at::Tensor txy = t * (x * y), txz = t * (x * z), tyz = t * (y * z);
  const at::Tensor sx = s * x, sy = s * y, sz = s * z;
  return at::stack({c + t * (x * x), txy - sz, txz + sy, txy + sz, c + t * (y * y), tyz - sx,
                    txz - sy, tyz + sx, c + t * (z * z)},
                   -1)
      .view({-1, 3, 3});
}

/** Signed distances of the points p [P, 3] to the closest cuboid: [P]. */
inline at::Tensor cuboid_sdf(const at::Tensor& ext, const at::Tensor& dims, const at::Tensor& p) {
  // [NC, P, 3]: the points in each cuboid's frame, then beyond each pair of faces.
  const at::Tensor local =
      at::matmul(p, ext.narrow(2, 0, 3).transpose(1, 2)) + ext.select(2, 3).unsqueeze(1);
  const at::Tensor q = local.abs() - (dims * 0.5).unsqueeze(1);
  const at::Tensor beyond = q.clamp_min(0);
  const at::Tensor sq = (beyond * beyond).sum(-1);
  // |max(q, 0)| with the gradient 0 where it is 0 (sqrt's is 0/0 there).
  const at::Tensor positive = sq > 0;
  const at::Tensor outside = at::where(positive, at::where(positive, sq, 1.0).sqrt(), 0.0);
  return (outside + q.amax(-1).clamp_max(0)).amin(0);
}

/** The length of the polylines along dim of points [..., 3]: sum of |d| over the segments. */
inline at::Tensor polyline_length(const at::Tensor& points, std::int64_t dim) {
  const std::int64_t n = points.size(dim);
  const at::Tensor d = points.narrow(dim, 1, n - 1) - points.narrow(dim, 0, n - 1);
  return (d * d).clamp_min(1e-12).sum(-1).sqrt().sum();
}

/** The cost of the path through start, the anchors [NL, 6] and target. */
inline Terms cost(const Inputs& in, const at::Tensor& anchors) {
  const at::Tensor poses = sample_spline(
      in.anchor_points, at::cat({in.start_pose, anchors, in.target_pose}, 0), in.query_points);
  const at::Tensor rot = rot_vec_to_rot_mat(poses.narrow(1, 3, 3));
  // [S, NBP, 3]: R p + t for every body point p at every sample.
  const at::Tensor body =
      at::matmul(in.rel_body_points, rot.transpose(1, 2)) + poses.narrow(1, 0, 3).unsqueeze(1);
  const at::Tensor length =
      in.path_cost ? polyline_length(body, 0) / body.size(1) : polyline_length(body, 1);
  const at::Tensor sdf = cuboid_sdf(in.cuboid_ext_mats, in.cuboid_dims, body.view({-1, 3}))
                             .view({body.size(0), body.size(1)});
  const at::Tensor collision = -sdf.mean();
  return {length + collision * 10.0, length, collision, sdf};
}

struct Record {
  double cost = 0, length = 0, collision = 0, min_sdf = 0;
  bool colliding = false;
};

/** One iteration on the anchors (a leaf that requires grad): cost, gradients, the collision
 * check and, while colliding, the SGD step in place. */
inline Record iterate(const Inputs& in, at::Tensor& anchors, double lr, double clearance) {
  const Terms t = cost(in, anchors);
  t.cost.backward();
  const at::NoGradGuard no_grad;
  Record r{t.cost.item<double>(), t.length.item<double>(), t.collision.item<double>(),
           t.sdf.min().item<double>()};
  r.colliding = r.min_sdf < clearance;
  if (r.colliding) anchors.sub_(anchors.grad(), lr);
  anchors.mutable_grad().reset();
  return r;
}

}  // namespace drone_libtorch
