#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy {

/** One axis of a basic slice, normalised: 0 <= start, stop <= dim, step > 0, start <= stop. */
struct SliceRange {
  std::int64_t start = 0;
  std::int64_t stop = 0;
  std::int64_t step = 1;
};

struct ManipulationKernels {
  Array (*reshape)(const Array& x, const Shape& shape) = nullptr;
  Array (*broadcast_to)(const Array& x, const Shape& shape) = nullptr;
  /** perm is a permutation of 0..ndim-1. */
  Array (*transpose)(const Array& x, const std::vector<int>& perm) = nullptr;
  /** At least one array; all share dtype and every dimension but axis. */
  Array (*concat)(const std::vector<Array>& xs, int axis) = nullptr;
  Array (*flip)(const Array& x, const std::vector<int>& axes) = nullptr;
  /** One range per axis. */
  Array (*slice)(const Array& x, const std::vector<SliceRange>& ranges) = nullptr;
  /** (before, after) per axis, non-negative; value has been checked against x's dtype. */
  Array (*pad)(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
               const Scalar& value) = nullptr;
  /** Stable sort along axis; NaNs last in ascending order. */
  Array (*sort)(const Array& x, int axis, bool descending) = nullptr;
  /** int64 indices of the stable sort along axis. */
  Array (*argsort)(const Array& x, int axis, bool descending) = nullptr;
};

}  // namespace ivy
