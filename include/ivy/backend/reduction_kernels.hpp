#pragma once
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

enum class ReduceOp { sum, prod, mean, min, max, all, any };
enum class ArgReduceOp { argmax, argmin };
enum class ScanOp { cumsum, cumprod };

struct ReductionKernels {
  /**
   * Reduces over axes (sorted, unique, non-empty, in range). sum/prod keep the dtype (core
   * casts bool and small integers first), mean is on floats, all/any return bool. min/max are
   * never called on zero-size reductions.
   */
  Array (*reduce)(ReduceOp op, const Array& x, const std::vector<int>& axes,
                  bool keepdims) = nullptr;
  /** int64 index of the first extreme value along axis (axis length > 0). */
  Array (*arg_reduce)(ArgReduceOp op, const Array& x, int axis, bool keepdims) = nullptr;
  /** Inclusive scan along axis, keeping x's dtype. */
  Array (*scan)(ScanOp op, const Array& x, int axis) = nullptr;
};

}  // namespace ivy
