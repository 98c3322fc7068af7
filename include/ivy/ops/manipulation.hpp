#pragma once
/// Shape manipulation and sorting.
#include <optional>
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

}  // namespace ivy
