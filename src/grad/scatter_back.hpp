#pragma once
// The cotangent of an op that selects elements of x (a gather, a slice, a sort): apply the
// same selection to the flat positions of x, then add the cotangent at those positions.
// Private to the library.
#include "ivy/core/array.hpp"

namespace ivy::detail {

/** int64 array of shape xs holding 0, 1, ..., on like's backend and device. */
Array positions(const Array& like, const Shape& xs);
/** A zero array of shape xs (g's dtype) with g[i] added at flat position pos[i]. */
Array scatter_back(const Array& pos, const Array& g, const Shape& xs);

}  // namespace ivy::detail
