#pragma once
// Argument checks shared by the linear-algebra functions. Private to the library.
#include <string_view>

#include "ivy/backend/contract.hpp"
#include "ivy/core/array.hpp"

namespace ivy::detail {

/** x as a float array (integers become float32); DTypeError for bool. */
Array as_float(const Array& x, std::string_view fn, const Backend& b);

/** ShapeError unless x has rank >= 2 (and, when square, equal last two dimensions). */
void require_matrices(const Array& x, std::string_view fn, const Backend& b, bool square);

/** The linalg kernel family of b (UnsupportedError when b has none). */
const LinalgKernels& linalg(const Backend& b, std::string_view fn);

}  // namespace ivy::detail
