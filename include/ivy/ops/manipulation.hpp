#pragma once
/// Shape manipulation and sorting.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/core/shape.hpp"

namespace ivy {

/** New shape with the same number of elements; one dimension may be -1 (inferred). */
Array reshape(const Array& x, const Shape& shape);
/** Broadcasts x to shape (numpy rules). */
Array broadcast_to(const Array& x, const Shape& shape);
/** Permutes the axes; the default reverses them. */
Array transpose(const Array& x, const std::vector<int>& axes = {});
Array swapaxes(const Array& x, int axis0, int axis1);
/** Inserts a size-1 axis at axis (in the result's numbering). */
Array expand_dims(const Array& x, int axis);
/** Removes the given size-1 axes (all size-1 axes by default); a non-1 axis is a ShapeError. */
Array squeeze(const Array& x, const Axes& axes = {});

}  // namespace ivy

namespace ivy {

/** Joins arrays along an existing axis; all other dimensions must match (dtypes promote). */
Array concat(const std::vector<Array>& xs, int axis = 0);
/** Reverses the order of elements along the given axes (all axes by default). */
Array flip(const Array& x, const Axes& axes = {});
/** Pads with a constant: pad_width holds (before, after) for every axis. */
Array constant_pad(const Array& x,
                   const std::vector<std::pair<std::int64_t, std::int64_t>>& pad_width,
                   Scalar value = 0);
/** constant_pad with zeros. */
Array zero_pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& pad_width);

/** Joins arrays of one shape along a new axis (numbered in the result; dtypes promote). */
Array stack(const std::vector<Array>& xs, int axis = 0);
/** The slices of x along axis, each without that axis (x must have at least one axis). */
std::vector<Array> unstack(const Array& x, int axis = 0);
/**
 * num_sections equal parts of x along axis; a length not divisible by num_sections is a
 * ValueError (no remainder section, unlike torch.chunk).
 */
std::vector<Array> split(const Array& x, std::int64_t num_sections, int axis = 0);
/** Parts of the given lengths along axis; the lengths must sum to the axis' length. */
std::vector<Array> split(const Array& x, const std::vector<std::int64_t>& sizes, int axis = 0);
/**
 * numpy tile: x repeated reps[i] times along axis i. A shorter reps is padded with leading 1s,
 * a shorter x gains leading size-1 axes.
 */
Array tile(const Array& x, const std::vector<std::int64_t>& reps);
/** Each element repeated `repeats` times along axis (of the flattened x when axis is unset). */
Array repeat(const Array& x, std::int64_t repeats, std::optional<int> axis = std::nullopt);
/**
 * Element i along axis repeated repeats[i] times: repeats is an integer array of length 1 (one
 * count for all) or of the axis' length (the flattened length when axis is unset).
 */
Array repeat(const Array& x, const Array& repeats, std::optional<int> axis = std::nullopt);

/** Stable sort along axis; NaNs go last in ascending order and first in descending order. */
Array sort(const Array& x, int axis = -1, bool descending = false);
/**
 * int64 indices that sort x along axis (the order of sort). Always stable: equal elements keep
 * their order, descending too; `stable = false` permits but does not give another order.
 */
Array argsort(const Array& x, int axis = -1, bool descending = false, bool stable = true);
/**
 * int64 insertion points of x2's values into the ascending 1-D x1 (np.searchsorted), of x2's
 * shape (0-d for a 0-d x2): side "left" gives the first, "right" the last place that keeps x1
 * sorted; NaNs sort last. sorter, 1-D integer indices that sort x1, is applied first. x1 and x2
 * compare in their promoted dtype. O((n + m) log(n + m)) time, O(n + m) memory.
 */
Array searchsorted(const Array& x1, const Array& x2, std::string_view side = "left",
                   const std::optional<Array>& sorter = std::nullopt);

/** The Array API's unique_all: x's distinct values and where they are. */
struct UniqueResult {
  Array values;           ///< the distinct values of x, ascending, 1-D, x's dtype
  Array indices;          ///< int64: the flat index in x of each value's first occurrence
  Array inverse_indices;  ///< int64, x's shape: the index in values of each element of x
  Array counts;           ///< int64: how often each value occurs
};
/**
 * The distinct values of x (any shape, flattened) in ascending order, from one stable sort:
 * O(n log n). NaNs are distinct from each other (each its own value, count 1, sorted last), as
 * the Array API says; -0.0 and +0.0 are one value. Not differentiable.
 */
UniqueResult unique_all(const Array& x);
Array unique_values(const Array& x);
/** (values, counts) of unique_all. */
std::pair<Array, Array> unique_counts(const Array& x);
/** (values, inverse_indices) of unique_all. */
std::pair<Array, Array> unique_inverse(const Array& x);

/**
 * np.roll: elements shifted along each axis, wrapping around. One shift for every axis or one
 * per axis (any other count is a ValueError); without axes the flattened array rolls and keeps
 * x's shape. Repeated axes add their shifts.
 */
Array roll(const Array& x, const std::vector<std::int64_t>& shift,
           const std::optional<std::vector<int>>& axis = std::nullopt);
/** roll by a 0-d integer array (read on the host); any other array is a DTypeError. */
Array roll(const Array& x, const Array& shift,
           const std::optional<std::vector<int>>& axis = std::nullopt);
/**
 * np.moveaxis: axes source go to positions destination, the others keep their order. Out-of-range
 * axes are an IndexError; different counts or repeated axes a ValueError.
 */
Array moveaxis(const Array& x, const std::vector<int>& source, const std::vector<int>& destination);
/**
 * np.diff: the n-th forward difference along axis after prepend and append join x there
 * (bools give not_equal). n >= the axis length gives an empty axis; n < 0 and 0-d x are a
 * ValueError.
 */
Array diff(const Array& x, int axis = -1, std::int64_t n = 1,
           const std::optional<Array>& prepend = std::nullopt,
           const std::optional<Array>& append = std::nullopt);

}  // namespace ivy

namespace ivy {

/**
 * Named axis lengths for the einops functions, in the order given: `{{"h", 2}, {"w", 3}}`
 * (einops' keyword arguments `h=2, w=3`). A name may appear once and must be in the pattern.
 */
using AxesLengths = std::vector<std::pair<std::string, std::int64_t>>;

/**
 * einops.rearrange: a pattern "left -> right" of axis names, e.g. "b (h w) c -> b h w c" with
 * `{{"h", 2}}`. Parentheses merge axes on the right and split them on the left (all but one
 * length of a split group known from axes_lengths), "..." stands for the remaining axes, "()"
 * and "1" are unit axes. Every axis appears once on each side. A reshape, a transpose and a
 * reshape, so it is differentiable and the same on every backend. ValueError for a malformed
 * pattern or axis lengths that are missing, unused, or disagree with (do not divide) x's shape;
 * ShapeError when x's rank does not match the left side.
 */
Array einops_rearrange(const Array& x, std::string_view pattern,
                       const AxesLengths& axes_lengths = {});
/**
 * einops.reduce: as einops_rearrange, but axes absent on the right are reduced with reduction
 * "sum", "mean", "min", "max", "prod", "any" or "all" (einops' list; others are a ValueError);
 * numbered axes may appear on the left ("b (h 2) -> b h"). Results take the dtype of the ivy
 * reduction (sum and prod of integers give int64, mean float32, any and all bool); a pattern
 * that reduces no axis is a rearrange, as in einops (the dtype stays).
 */
Array einops_reduce(const Array& x, std::string_view pattern, std::string_view reduction,
                    const AxesLengths& axes_lengths = {});
/**
 * einops.repeat: as einops_rearrange, but axes only on the right are new, of the length
 * axes_lengths gives them or of their number ("h w -> h w 3", "h w -> (h 2) w", "h w -> h w c"
 * with `{{"c", 3}}`); x is broadcast along them. MemoryError when the result cannot fit.
 */
Array einops_repeat(const Array& x, std::string_view pattern, const AxesLengths& axes_lengths = {});

}  // namespace ivy
