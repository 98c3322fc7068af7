#pragma once
// How the element-wise family turns two operands (arrays or host scalars) into arrays of one
// dtype; shared with the composites written on top of it (elementwise_composites.cpp).
// Private to the library.
#include <string_view>

#include "ivy/backend/contract.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy::detail {

/** The common dtype of two operands: arrays promote, a scalar takes the array's dtype. */
DType binary_result_dtype(const Operand& a, const Operand& b);

struct BinaryOperands {
  Array a, b;
};
/**
 * Both operands cast to d on backend bk, scalars as 0-d arrays, after checking that array
 * shapes broadcast (ShapeError naming fn).
 */
BinaryOperands prepare_binary(const Backend& bk, const Operand& a, const Operand& b, DType d,
                              std::string_view fn);
/**
 * Both operands on their common backend in their common floating dtype: arrays promote, a scalar
 * takes the array's dtype, and integers and bools compute in float32 (as atan2). For the
 * composites of elementwise_composites.cpp and elementwise_stable.cpp; errors name fn.
 */
BinaryOperands float_binary_operands(const Operand& a, const Operand& b, std::string_view fn);

}  // namespace ivy::detail
