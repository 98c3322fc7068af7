#pragma once
/// Element-wise math, comparison and logic. Binary functions broadcast and promote dtypes per
/// docs/semantics.md; a host scalar takes the dtype of the array it meets.
#include <optional>
#include "ivy/backend/elementwise_kernels.hpp"
#include "ivy/core/array.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy {

// Unary functions: abs, negative, sign, sqrt, square, exp, ... (see IVY_UNARY_MATH_KERNELS).
// Functions of floats (sqrt, exp, log, trigonometry, erf, sigmoid) compute integer and bool
// inputs in float32; abs, negative, sign and square reject bool; floor, ceil, round (half to
// even) and trunc return integers unchanged.
#define IVY_DECLARE_UNARY(name) Array name(const Array& x);
IVY_UNARY_MATH_KERNELS(IVY_DECLARE_UNARY)
#undef IVY_DECLARE_UNARY

/**
 * Whether each element's sign bit is set (bool result): true for negative numbers, -0.0, -inf
 * and NaNs whose sign bit is set (e.g. -NaN), false for +0.0, positive numbers and +NaN.
 * Signed integers give x < 0; unsigned integers and bools give false everywhere. As
 * numpy.signbit; x < 0 cannot see the sign of a zero or of a NaN.
 */
Array signbit(const Array& x);

// Binary functions: add, subtract, ... (see IVY_BINARY_MATH_KERNELS). divide of integers gives
// float32; floor_divide and remainder round towards minus infinity and raise ValueError on an
// integer zero divisor; comparisons and logical functions return bool.
#define IVY_DECLARE_BINARY(name) Array name(const Operand& a, const Operand& b);
IVY_BINARY_MATH_KERNELS(IVY_DECLARE_BINARY)
#undef IVY_DECLARE_BINARY

/**
 * Bitwise AND of integers (two's complement), logical AND of bools. Operands promote as in add
 * (int8 with uint8 gives int16; a host integer takes the array's dtype); floats raise DTypeError.
 */
Array bitwise_and(const Operand& a, const Operand& b);
/** Bitwise OR of integers, logical OR of bools; dtypes as bitwise_and. */
Array bitwise_or(const Operand& a, const Operand& b);
/** Bitwise XOR of integers, logical XOR of bools; dtypes as bitwise_and. */
Array bitwise_xor(const Operand& a, const Operand& b);
/** Bitwise NOT of integers (~x == -x - 1), logical NOT of bools; floats raise DTypeError. */
Array bitwise_invert(const Array& x);
/**
 * a * 2^b wrapped to the width of the promoted integer dtype (bool and floats raise DTypeError).
 * Counts outside [0, bits of that dtype) shift every bit out and give 0, as NumPy.
 */
Array bitwise_left_shift(const Operand& a, const Operand& b);
/**
 * floor(a / 2^b): arithmetic shift for signed dtypes (bool and floats raise DTypeError). Counts
 * outside [0, bits of the promoted dtype) shift every bit out and give 0, or -1 where a < 0.
 */
Array bitwise_right_shift(const Operand& a, const Operand& b);

/** Floor modulo: the result has the sign of y (alias of remainder). */
Array floormod(const Operand& x, const Operand& y);
/**
 * sqrt(x1^2 + x2^2) without overflow or underflow in between (hypot(1e200, 1e200) is 1.41e200
 * in float64); inf if either side is infinite, even when the other is NaN (C99, NumPy).
 * Operands promote as in atan2: integers and bools compute in float32.
 */
Array hypot(const Operand& x1, const Operand& x2);
/**
 * log(exp(x1) + exp(x2)) without overflow: max + log1p(exp(-|x1 - x2|)); two equal infinities
 * give that infinity (+inf or -inf). Operands promote as in atan2.
 */
Array logaddexp(const Operand& x1, const Operand& x2);
/**
 * |x1| with the sign bit of x2 (so -0.0 and -NaN count as negative), as numpy.copysign and the
 * Array API. Operands promote as in atan2: integers and bools compute in float32.
 */
Array copysign(const Operand& x1, const Operand& x2);
/**
 * numerator / (denominator + min_denominator): the original Ivy's stable_divide (its default
 * min_denominator, 1e-12). Operands promote as in atan2 (integers compute in float32).
 */
Array stable_divide(const Operand& numerator, const Operand& denominator,
                    double min_denominator = 1e-12);
/**
 * The original Ivy's stable_pow, element by element: base ** exponent where exponent < 1, else
 * (base + min_base) ** exponent (its default min_base, 1e-5). Operands promote as in atan2.
 */
Array stable_pow(const Operand& base, const Operand& exponent, double min_base = 1e-5);
/**
 * min(max(x, lo), hi) element-wise, either bound optional (std::nullopt: no bound). Bounds may be
 * arrays: x and the bounds broadcast together (ShapeError if they do not), as NumPy and the
 * Array API; the result has x's dtype.
 */
Array clip(const Array& x, const std::optional<Operand>& lo, const std::optional<Operand>& hi);
/** Elements of a where cond is true, else of b; all three broadcast together. */
Array where(const Array& cond, const Operand& a, const Operand& b);

inline Array operator+(const Array& a, const Operand& b) { return add(a, b); }
inline Array operator+(Scalar a, const Array& b) { return add(a, b); }
inline Array operator-(const Array& a, const Operand& b) { return subtract(a, b); }
inline Array operator-(Scalar a, const Array& b) { return subtract(a, b); }
inline Array operator*(const Array& a, const Operand& b) { return multiply(a, b); }
inline Array operator*(Scalar a, const Array& b) { return multiply(a, b); }
inline Array operator/(const Array& a, const Operand& b) { return divide(a, b); }
inline Array operator/(Scalar a, const Array& b) { return divide(a, b); }
inline Array operator-(const Array& a) { return negative(a); }
inline Array operator<(const Array& a, const Operand& b) { return less(a, b); }
inline Array operator<=(const Array& a, const Operand& b) { return less_equal(a, b); }
inline Array operator>(const Array& a, const Operand& b) { return greater(a, b); }
inline Array operator>=(const Array& a, const Operand& b) { return greater_equal(a, b); }

}  // namespace ivy
