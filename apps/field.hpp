#pragma once
// The demo's computation, written once as a template: it runs on ivy::Array (backend chosen at
// run time) and on a native array type such as at::Tensor (backend chosen at compile time).
#include <vector>

#include "ivy/native.hpp"  // the overloads on native arrays must be declared before the template

namespace ivy_demo {

/** f(x, y) = sin(3x) cos(2y) + clip(-sqrt(x^2 + y^2), -1.5, 0) on the grid axis x axis. */
template <class A>
A field(const A& axis, int /*n*/) {
  const std::vector<A> grid = ivy::meshgrid(std::vector<A>{axis, axis}, "ij");
  const A& x = grid[0];
  const A& y = grid[1];
  const A radius = ivy::sqrt(ivy::add(ivy::square(x), ivy::square(y)));
  const A waves = ivy::multiply(ivy::sin(ivy::multiply(x, 3.0)), ivy::cos(ivy::multiply(y, 2.0)));
  return ivy::add(waves, ivy::clip(ivy::negative(radius), -1.5, 0.0));
}

}  // namespace ivy_demo
