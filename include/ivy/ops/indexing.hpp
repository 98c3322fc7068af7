#pragma once
/// Slicing, gather and scatter.
#include <optional>
#include <string_view>
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

/**
 * np.take_along_axis: out[..., j, ...] = params[..., indices[..., j, ...], ...] along axis.
 * params and indices have the same rank; their other dimensions broadcast. The result has the
 * broadcast shape with indices' length along axis. Negative indices count from the end;
 * out-of-range ones are an IndexError.
 */
Array gather(const Array& params, const Array& indices, int axis = -1);

/**
 * TF gather_nd: the last axis of indices (length k) holds index tuples into the leading k
 * dimensions of params; the result has shape indices.shape[:-1] + params.shape[k:].
 */
Array gather_nd(const Array& params, const Array& indices);

/**
 * A new 1-D array of length size, zero everywhere except at indices, where the updates landing
 * on one slot are combined by reduction: "sum", "min", "max" or "replace" (the last update in
 * order wins). indices and updates are 1-D of the same length; the result has updates' dtype.
 */
Array scatter_flat(const Array& indices, const Array& updates, std::int64_t size,
                   std::string_view reduction = "sum");

/**
 * The N-d scatter_flat: a new zero array of shape `shape` where the index tuples in the last
 * axis of indices (length k) address the leading k dimensions; updates has shape
 * indices.shape[:-1] + shape[k:]. Duplicates are combined by reduction as in scatter_flat.
 */
Array scatter_nd(const Array& indices, const Array& updates, const Shape& shape,
                 std::string_view reduction = "sum");

/** int64 [N, ndim] coordinates of the non-zero (true) elements of x in row-major order. */
Array indices_where(const Array& x);

}  // namespace ivy
