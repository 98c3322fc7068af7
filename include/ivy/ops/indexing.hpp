#pragma once
/// Slicing, gather and scatter.
#include <optional>
#include <vector>

#include "ivy/backend/manipulation_kernels.hpp"
#include "ivy/core/array.hpp"

namespace ivy {

/**
 * One axis of a basic slice with Python semantics: missing start/stop mean the whole axis in
 * the step's direction, negative values count from the end, out-of-range values clamp, and
 * step may be negative but not 0.
 */
struct Slice {
  std::optional<std::int64_t> start, stop;
  std::int64_t step = 1;
};

/** x[s0, s1, ...]: one Slice per leading axis (missing trailing axes are taken whole). */
Array slice(const Array& x, const std::vector<Slice>& slices);
/** Slicing with ranges already normalised (0 <= start <= stop <= dim, step > 0). */
Array slice_ranges(const Array& x, const std::vector<SliceRange>& ranges);

/**
 * Elements of x at integer indices along axis (numpy take): the result has shape
 * x.shape[:axis] + indices.shape + x.shape[axis+1:]. Indices may be negative (from the end);
 * out-of-range indices are an IndexError.
 */
Array take(const Array& x, const Array& indices, int axis = 0);

}  // namespace ivy
