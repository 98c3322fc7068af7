#pragma once
// Boxes of the five tasks: actions in [-1, 1], observations unbounded except cosines and sines.
#include <limits>
#include <string_view>
#include <vector>

#include "ivy/gym/env.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy::gym::impl {

inline Box unit_box(std::int64_t n) {
  return Box{{n},
             std::vector<double>(static_cast<std::size_t>(n), -1.0),
             std::vector<double>(static_cast<std::size_t>(n), 1.0)};
}

/** An observation box of len(bounds) values; bound 0 means unbounded, else +-bound. */
inline Box observation_box(const std::vector<double>& bounds) {
  const double inf = std::numeric_limits<double>::infinity();
  Box b{{static_cast<std::int64_t>(bounds.size())}, {}, {}};
  for (double v : bounds) {
    b.low.push_back(v == 0 ? -inf : -v);
    b.high.push_back(v == 0 ? inf : v);
  }
  return b;
}

/** count, when it is at least `least`; else ValueError naming the task and the parameter. */
int at_least(int count, int least, std::string_view task, std::string_view parameter);

/** [*batch, 1] -> [*batch]: a per-environment value. */
inline Array per_env(const Array& x, const Shape& batch) { return ::ivy::reshape(x, batch); }

}  // namespace ivy::gym::impl
