#pragma once
/// ivy::mech position: spherical polar coordinates [phi, theta, r] (phi the azimuth atan2(y, x),
/// theta the inclination from +z, r the radius) and homogeneous coordinates and transforms.
/// Batched over arbitrary leading dimensions; see docs/mech.md.
#include <vector>

#include "ivy/core/array_like.hpp"
#include "ivy/mech/detail.hpp"
#include "ivy/mech/orientation_impl.hpp"

namespace ivy::mech {

/** [phi, theta, r] [...,3] -> [r sin(theta) cos(phi), r sin(theta) sin(phi), r cos(theta)]. */
template <ArrayLike A>
result_of_t<A> polar_to_cartesian_coords(const A& polar_coords) {
  using R = result_of_t<A>;
  const R x = detail::enter("polar_to_cartesian_coords", polar_coords, {3});
  const std::vector<R> p = detail::parts(x);
  const R r_sin = ivy::multiply(p[2], ivy::sin(p[1]));
  return detail::join(std::vector<R>{ivy::multiply(r_sin, ivy::cos(p[0])),
                                     ivy::multiply(r_sin, ivy::sin(p[0])),
                                     ivy::multiply(p[2], ivy::cos(p[1]))});
}

/**
 * [x, y, z] [...,3] -> [phi, theta, r] with theta = atan2(hypot(x, y), z), defined everywhere
 * (the origin gives [0, 0, 0]).
 */
template <ArrayLike A>
result_of_t<A> cartesian_to_polar_coords(const A& cartesian_coords) {
  using R = result_of_t<A>;
  const R x = detail::enter("cartesian_to_polar_coords", cartesian_coords, {3});
  const std::vector<R> p = detail::parts(x);
  const R rho = detail::norm(std::vector<R>{p[0], p[1]});
  return detail::join(
      std::vector<R>{ivy::atan2(p[1], p[0]), ivy::atan2(rho, p[2]), detail::norm(p)});
}

/** [...,d] -> [...,d+1] with a trailing 1. */
template <ArrayLike A>
result_of_t<A> make_coordinates_homogeneous(const A& coords) {
  using R = result_of_t<A>;
  const R x = detail::enter("make_coordinates_homogeneous", coords, {-1});
  // Ones shaped like a one-wide slice (a view), not like sum(x, -1): the sum would read every
  // element. Zero-width points have no slice to take, so they keep the sum.
  const R ones = ivy::shape(x).back() > 0 ? ivy::ones_like(detail::last_range(x, 0, 1))
                                          : ivy::ones_like(ivy::sum(x, Axes{-1}, true));
  return ivy::concat(std::vector<R>{x, ones}, -1);
}

/** [...,3,4] -> [...,4,4] with the row [0, 0, 0, 1] appended. */
template <ArrayLike A>
result_of_t<A> make_transformation_homogeneous(const A& matrices) {
  using R = result_of_t<A>;
  const R x = detail::enter("make_transformation_homogeneous", matrices, {3, 4});
  const R zeros = ivy::zeros_like(detail::last_range(ivy::sum(x, Axes{-2}, true), 0, 3));
  const R row =
      ivy::concat(std::vector<R>{zeros, ivy::ones_like(detail::last_range(zeros, 0, 1))}, -1);
  return ivy::concat(std::vector<R>{x, row}, -2);
}

// Compiled once for ivy::Array in the library (src/mech/position.cpp).
#define IVY_MECH_POSITION_INSTANTIATIONS(PREFIX)                           \
  PREFIX template Array polar_to_cartesian_coords<Array>(const Array&);    \
  PREFIX template Array cartesian_to_polar_coords<Array>(const Array&);    \
  PREFIX template Array make_coordinates_homogeneous<Array>(const Array&); \
  PREFIX template Array make_transformation_homogeneous<Array>(const Array&);

IVY_MECH_POSITION_INSTANTIATIONS(extern)

}  // namespace ivy::mech
