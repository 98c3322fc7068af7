#pragma once
#include <cstdint>

#include "ivy/core/array.hpp"

namespace ivy {

enum class ScatterReduction { sum, min, max, replace };

struct IndexingKernels {
  /** np.take_along_axis: idx is int64, in range, same rank as x. */
  Array (*take_along_axis)(const Array& x, const Array& idx, int axis) = nullptr;
  /** np.take: idx is int64 of any shape, in range. */
  Array (*take)(const Array& x, const Array& idx, int axis) = nullptr;
  /**
   * A new array of shape [rows] + updates.shape[1:], zero-filled, with row idx[i] combined
   * with updates[i] by the reduction (replace: the last update wins). idx is 1-D int64 in range.
   */
  Array (*scatter_rows)(const Array& idx, const Array& updates, std::int64_t rows,
                        ScatterReduction reduction) = nullptr;
  /** int64 [N, ndim] coordinates of the non-zero (true) elements, row-major order. */
  Array (*nonzero)(const Array& x) = nullptr;
};

}  // namespace ivy
