#pragma once
// The reverse pass over the tape. Private to the library.
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::detail {

/**
 * d root / d leaf for the leaves 0..num_leaves-1 of the tape that recorded root (undefined
 * where no path leads); runs with recording off.
 */
std::vector<Array> backward(const Array& root, int num_leaves);

/** g summed over the axes it was broadcast along, reshaped and cast to fit shape and dtype. */
Array fit_to(Array g, const Shape& shape, DType dtype);

}  // namespace ivy::detail
