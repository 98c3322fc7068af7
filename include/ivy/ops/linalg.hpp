#pragma once
/// Linear algebra, batched over leading dimensions.
#include "ivy/core/array.hpp"

namespace ivy {

/**
 * Matrix product with numpy/Array API semantics: 1-D operands are promoted to a row (left)
 * or column (right) vector and the added axis removed; batch dimensions broadcast.
 * Bool operands are a DTypeError; mismatched inner dimensions a ShapeError.
 */
Array matmul(const Array& a, const Array& b);

}  // namespace ivy
