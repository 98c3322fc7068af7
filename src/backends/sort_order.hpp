#pragma once
// The order of ivy's sort and argsort, for backends that sort on the host (xtensor, and
// TensorFlow, which has no stable ascending sort): NaN after every number in ascending order
// and before them in descending order; callers sort stably, so equal keys keep their order.
#include <cmath>
#include <type_traits>

namespace ivy::backends {

template <class T>
bool sorts_before(T x, T y, bool descending) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(x) || std::isnan(y))
      return descending ? (std::isnan(x) && !std::isnan(y)) : (!std::isnan(x) && std::isnan(y));
  }
  return descending ? y < x : x < y;
}

}  // namespace ivy::backends
