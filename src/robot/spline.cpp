// ivy::robot spline paths: the polyharmonic spline of the original ivy_robot.planning (after
// tensorflow_addons' interpolate_spline), written over the unified functions.
#include "ivy/robot/spline.hpp"

#include <string>
#include <string_view>

#include "ivy/mech.hpp"
#include "robot/detail.hpp"

namespace ivy::robot {
using namespace ivy::robot::detail;

namespace {

/** Squared distances between the points of x [..., NX, D] and y [..., NY, D]: [..., NX, NY]. */
Array pairwise_squared_distances(const Array& x, const Array& y) {
  const Array diff = ivy::subtract(ivy::expand_dims(x, -2), ivy::expand_dims(y, -3));
  return ivy::sum(ivy::multiply(diff, diff), Axes{-1});
}

/** The polyharmonic kernel of the squared distance r, clamped to >= 1e-6 as in the original
 * (this also keeps log(r) finite and the gradient at r = 0 zero). */
Array polyharmonic_kernel(const Array& r, int order) {
  const Array clamped = ivy::maximum(r, 1e-6);
  const Array power = ivy::pow(clamped, 0.5 * order);
  if (order % 2 == 1) return power;
  return ivy::multiply(ivy::multiply(power, ivy::log(clamped)), 0.5);
}

/** Zeros [batch..., rows, cols] like x's dtype and backend. */
Array zero_block(const Array& x, Shape batch, std::int64_t rows, std::int64_t cols) {
  batch.push_back(rows);
  batch.push_back(cols);
  return ivy::zeros(batch, like(x));
}

void check_inputs(std::string_view fn, const Array& anchor_points, const Array& anchor_vals,
                  const Array& sample_points, int order) {
  need_float(fn, "anchor_points", anchor_points);
  need_float(fn, "anchor_vals", anchor_vals);
  need_float(fn, "sample_points", sample_points);
  need_shape(fn, "anchor_points", anchor_points, 2, -1, "[...,NA,D]");
  need_shape(fn, "anchor_vals", anchor_vals, 2, -1, "[...,NA,PD]");
  need_shape(
      fn, "sample_points", sample_points, 2, anchor_points.shape().back(),
      "[...,NS,D] with the anchor points' D = " + std::to_string(anchor_points.shape().back()));
  const Shape ap = anchor_points.shape();
  const Shape av = anchor_vals.shape();
  if (ap[ap.size() - 2] < 1)
    shape_error(fn, anchor_points, "needs at least one anchor, got " + shape_str(ap));
  if (av[av.size() - 2] != ap[ap.size() - 2])
    shape_error(fn, anchor_vals,
                "anchor_vals " + shape_str(av) + " and anchor_points " + shape_str(ap) +
                    " must hold the same number of anchors");
  const std::string_view backend = anchor_points.backend_name();
  const Shape bs = ivy::detail::broadcast_shapes(
      batch_of_matrix(anchor_points), batch_of_matrix(anchor_vals), qualified(fn), backend);
  ivy::detail::broadcast_shapes(bs, batch_of_matrix(sample_points), qualified(fn), backend);
  if (order < 1) value_error(fn, backend, "order must be >= 1, got " + std::to_string(order));
}

}  // namespace

Array sample_spline_path(const Array& anchor_points, const Array& anchor_vals,
                         const Array& sample_points, int order) {
  constexpr std::string_view fn = "sample_spline_path";
  check_inputs(fn, anchor_points, anchor_vals, sample_points, order);
  const std::int64_t na = anchor_points.shape()[anchor_points.ndim() - 2];
  const std::int64_t d1 = anchor_points.shape().back() + 1;
  const std::int64_t pd = anchor_vals.shape().back();

  // The fit: [[A, B], [B^T, 0]] [w; v] = [f; 0], A = phi(|c_i - c_j|^2), B = [c, 1] (the
  // locations as homogeneous coordinates).
  const Array kernel = polyharmonic_kernel(pairwise_squared_distances(anchor_points, anchor_points),
                                           order);                              // BS x NA x NA
  const Array affine = ivy::mech::make_coordinates_homogeneous(anchor_points);  // BS x NA x D+1
  const Array left = ivy::concat({kernel, ivy::swapaxes(affine, -1, -2)}, -2);
  const Array right =
      ivy::concat({affine, zero_block(anchor_points, batch_of_matrix(anchor_points), d1, d1)}, -2);
  const Array lhs = ivy::concat({left, right}, -1);  // BS x NA+D+1 x NA+D+1
  const Array rhs =
      ivy::concat({anchor_vals, zero_block(anchor_vals, batch_of_matrix(anchor_vals), d1, pd)}, -2);
  const Array weights = ivy::matmul(ivy::pinv(lhs), rhs);  // BS x NA+D+1 x PD
  const Array w = row_range(weights, 0, na);
  const Array v = row_range(weights, na, na + d1);

  // The evaluation: phi(|s - c|^2) w + [s, 1] v.
  const Array rbf_term = ivy::matmul(
      polyharmonic_kernel(pairwise_squared_distances(sample_points, anchor_points), order), w);
  return ivy::add(rbf_term, ivy::matmul(ivy::mech::make_coordinates_homogeneous(sample_points), v));
}

}  // namespace ivy::robot
