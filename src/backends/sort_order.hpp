#pragma once
// The order of ivy's sort and argsort, for backends that sort on the host (xtensor, and
// TensorFlow, which has no stable ascending sort): NaN after every number in ascending order
// and before them in descending order; callers sort stably, so equal keys keep their order.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <type_traits>
#include <vector>

namespace ivy::backends {

template <class T>
bool sorts_before(T x, T y, bool descending) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(x) || std::isnan(y))
      return descending ? (std::isnan(x) && !std::isnan(y)) : (!std::isnan(x) && std::isnan(y));
  }
  return descending ? y < x : x < y;
}

/** The stable order of each of `lanes` consecutive runs of n keys (row-major [lanes, n]), as
 *  int64 indices into its run. */
template <class T>
std::vector<std::int64_t> lane_orders(const std::vector<T>& keys, std::int64_t lanes,
                                      std::int64_t n, bool descending) {
  std::vector<std::int64_t> order(keys.size());
  for (std::int64_t l = 0; l < lanes; ++l) {
    std::int64_t* idx = order.data() + l * n;
    const T* v = keys.data() + l * n;
    std::iota(idx, idx + n, std::int64_t{0});
    std::stable_sort(idx, idx + n, [&](std::int64_t i, std::int64_t j) {
      return sorts_before(v[i], v[j], descending);
    });
  }
  return order;
}

}  // namespace ivy::backends
