#pragma once
/// Reductions over any set of axes (default: all) and scans. Results follow the Array API: a
/// full reduction is 0-d (not [1] as in the original Ivy; see docs/semantics.md).
#include <optional>
#include "ivy/core/array.hpp"

#include "ivy/core/shape.hpp"

namespace ivy {

/** Sum; bool and integer inputs accumulate in int64 (uint8 too), floats keep their dtype. */
Array sum(const Array& x, const Axes& axes = {}, bool keepdims = false);
Array prod(const Array& x, const Axes& axes = {}, bool keepdims = false);
/** Mean of floats; integer inputs are computed in float32. Empty reductions give NaN. */
Array mean(const Array& x, const Axes& axes = {}, bool keepdims = false);
/** Minimum and maximum; a zero-size reduction is a ValueError. */
Array min(const Array& x, const Axes& axes = {}, bool keepdims = false);
Array max(const Array& x, const Axes& axes = {}, bool keepdims = false);
/** Variance with correction (0: population, 1: sample) and standard deviation. */
Array var(const Array& x, const Axes& axes = {}, bool keepdims = false, double correction = 0);
Array std(const Array& x, const Axes& axes = {}, bool keepdims = false, double correction = 0);
Array all(const Array& x, const Axes& axes = {}, bool keepdims = false);
Array any(const Array& x, const Axes& axes = {}, bool keepdims = false);
/** int64 index of the first maximum (minimum) along axis; over the flattened array by default. */
Array argmax(const Array& x, std::optional<int> axis = std::nullopt, bool keepdims = false);
Array argmin(const Array& x, std::optional<int> axis = std::nullopt, bool keepdims = false);
/** Cumulative sum (product) along axis; exclusive starts at 0 (1); reverse scans from the end. */
Array cumsum(const Array& x, int axis = 0, bool exclusive = false, bool reverse = false);
Array cumprod(const Array& x, int axis = 0, bool exclusive = false, bool reverse = false);

/**
 * Whether x holds a NaN or, with include_infs, an infinity: a 0-d bool array (false for
 * integer and bool x, and for an empty x). Checked element by element: the original Ivy
 * tested its sum, which also reports finite values whose sum overflows (docs/reduction.md).
 */
Array has_nans(const Array& x, bool include_infs = true);
/**
 * True when x and y have the same shape and equal elements after type promotion (1 == 1.0,
 * true == 1); NaN is unequal to everything, as numpy.array_equal. Shapes that differ give false,
 * not an error (no broadcasting). BackendError when x and y live on different backends.
 */
bool array_equal(const Array& x, const Array& y);

}  // namespace ivy
