#pragma once
#include "ivy/core/array.hpp"

namespace ivy {

// clang-format off
// X(name): element-wise kernels a backend provides. The math, comparison and logic kernels share
// their names with the unified functions; bitwise_invert, bitwise_and/or/xor too, while
// left_shift and right_shift serve bitwise_left_shift and bitwise_right_shift.
#define IVY_UNARY_NUMBER_KERNELS(X) X(abs) X(negative) X(sign) X(square)

// Kernels for floating dtypes only: core answers them itself for integer and bool inputs.
#define IVY_UNARY_FLOAT_KERNELS(X)                                                             \
  X(sqrt)                                                                                      \
  X(exp) X(expm1) X(log) X(log1p) X(log2) X(log10) X(sin) X(cos) X(tan) X(asin) X(acos) X(atan) \
      X(sinh) X(cosh) X(tanh) X(asinh) X(acosh) X(atanh) X(floor) X(ceil) X(round) X(trunc)     \
          X(erf) X(isnan) X(isinf) X(isfinite) X(sigmoid) X(signbit)

#define IVY_UNARY_MATH_KERNELS(X) \
  IVY_UNARY_NUMBER_KERNELS(X) IVY_UNARY_FLOAT_KERNELS(X) X(logical_not)

#define IVY_BINARY_MATH_KERNELS(X)                                                            \
  X(add)                                                                                      \
  X(subtract) X(multiply) X(divide) X(pow) X(floor_divide) X(remainder) X(minimum) X(maximum) \
      X(atan2) X(equal) X(not_equal) X(less) X(less_equal) X(greater) X(greater_equal)        \
          X(logical_and) X(logical_or) X(logical_xor)

#define IVY_BITWISE_BINARY_KERNELS(X) \
  X(bitwise_and) X(bitwise_or) X(bitwise_xor) X(left_shift) X(right_shift)

#define IVY_UNARY_KERNELS(X) IVY_UNARY_MATH_KERNELS(X) X(bitwise_invert)
#define IVY_BINARY_KERNELS(X) IVY_BINARY_MATH_KERNELS(X) IVY_BITWISE_BINARY_KERNELS(X)

// Case labels from the lists above, so that a backend's switch names every op without a
// `default:` and a new op is a compile error (-Werror=switch) wherever it is not handled.
#define IVY_UNARY_OP_CASE(name) case ::ivy::UnaryOp::name:
#define IVY_BINARY_OP_CASE(name) case ::ivy::BinaryOp::name:
// clang-format on

enum class UnaryOp {
#define IVY_ENUM_ENTRY(name) name,
  IVY_UNARY_KERNELS(IVY_ENUM_ENTRY)
#undef IVY_ENUM_ENTRY
};

enum class BinaryOp {
#define IVY_ENUM_ENTRY(name) name,
  IVY_BINARY_KERNELS(IVY_ENUM_ENTRY)
#undef IVY_ENUM_ENTRY
};

/** Comparisons (==, !=, <, <=, >, >=): bool results from operands of any dtype. */
constexpr bool is_comparison(BinaryOp op) {
  return op == BinaryOp::equal || op == BinaryOp::not_equal || op == BinaryOp::less ||
         op == BinaryOp::less_equal || op == BinaryOp::greater || op == BinaryOp::greater_equal;
}
/** logical_and, logical_or, logical_xor. */
constexpr bool is_logical(BinaryOp op) {
  return op == BinaryOp::logical_and || op == BinaryOp::logical_or || op == BinaryOp::logical_xor;
}
/** bitwise_and, bitwise_or, bitwise_xor. */
constexpr bool is_bitwise(BinaryOp op) {
  return op == BinaryOp::bitwise_and || op == BinaryOp::bitwise_or || op == BinaryOp::bitwise_xor;
}
/** left_shift, right_shift. */
constexpr bool is_shift(BinaryOp op) {
  return op == BinaryOp::left_shift || op == BinaryOp::right_shift;
}

struct ElementwiseKernels {
  Array (*cast)(const Array& x, DType d) = nullptr;
  /**
   * x has a dtype core accepted for op. isnan/isinf/isfinite/logical_not/signbit return bool;
   * the others keep x's dtype. signbit receives floating x only (core answers the others).
   * bitwise_invert receives integer x only (core sends bool to logical_not). round is half to
   * even.
   */
  Array (*unary)(UnaryOp op, const Array& x) = nullptr;
  /**
   * a and b have one dtype and broadcastable shapes; comparisons and logical ops give bool.
   * remainder and floor_divide round towards minus infinity (the divisor's sign), integer
   * divisors are non-zero. bitwise_and/or/xor receive integers only (core sends bool to the
   * logical ops); left_shift and right_shift receive integers and counts in [0, bits of the
   * dtype) only; left_shift wraps to the dtype's width, right_shift of signed values is
   * arithmetic.
   */
  Array (*binary)(BinaryOp op, const Array& a, const Array& b) = nullptr;
  /** cond is bool; a and b share a dtype; all three broadcast together. */
  Array (*where)(const Array& cond, const Array& a, const Array& b) = nullptr;
};

}  // namespace ivy
