// Binary element-wise operations as StableHLO. StableHLO's divide and remainder truncate, so
// NumPy's floored division is composed (for floats NumPy's fmod-based algorithm, npy_divmod);
// minimum/maximum keep the first operand on ties and propagate NaN.
#include "backends/xla/elementwise.hpp"

namespace ivy::backends::xla_impl {
namespace {

Value is_nan(Builder& m, const Value& x) { return m.compare("NE", x, x); }

// Where a truncated remainder r is non-zero with the other sign than the divisor: there the
// floored quotient is one lower and the floored remainder r + divisor.
Value floors_further(Builder& m, const Value& r, const Value& divisor) {
  const Value zero = constant_like(m, 0, r);
  return m.binary("and", m.compare("NE", r, zero),
                  m.binary("xor", m.compare("LT", r, zero), m.compare("LT", divisor, zero)));
}

// copysign(0, x).
Value zero_signed_as(Builder& m, const Value& x) {
  return m.select(sign_bit(m, x), constant_like(m, -0.0, x), constant_like(m, 0.0, x));
}

Value floor_divide(Builder& m, const Value& a, const Value& b) {
  const Value one = constant_like(m, 1, a);
  const Value mod = m.binary("remainder", a, b);
  if (!is_floating(a.dtype)) {
    const Value q = m.binary("divide", a, b);
    return m.select(floors_further(m, mod, b), m.binary("subtract", q, one), q);
  }
  // npy_divmod: the quotient of a - fmod(a, b), snapped to the nearest integer; a zero takes
  // the sign of a / b, and a zero divisor gives a / b.
  const Value quotient = m.binary("divide", a, b);
  Value div = m.binary("divide", m.binary("subtract", a, mod), b);
  div = m.select(floors_further(m, mod, b), m.binary("subtract", div, one), div);
  Value floored = m.unary("floor", div);
  const Value round_up =
      m.compare("GT", m.binary("subtract", div, floored), constant_like(m, 0.5, a));
  floored = m.select(round_up, m.binary("add", floored, one), floored);
  const Value zero = constant_like(m, 0, a);
  floored = m.select(m.compare("EQ", div, zero), zero_signed_as(m, quotient), floored);
  return m.select(m.compare("EQ", b, zero), quotient, floored);
}

// The remainder has the divisor's sign; a zero float remainder too (NumPy), and a zero float
// divisor keeps fmod's NaN.
Value remainder(Builder& m, const Value& a, const Value& b) {
  const Value mod = m.binary("remainder", a, b);
  const Value floored = m.select(floors_further(m, mod, b), m.binary("add", mod, b), mod);
  if (!is_floating(a.dtype)) return floored;
  return m.select(m.compare("EQ", mod, constant_like(m, 0, mod)), zero_signed_as(m, b), floored);
}

// The first operand wins ties (maximum(-0.0, 0.0) is -0.0) and NaN propagates from either.
Value first_on_ties(Builder& m, const Value& a, const Value& b, bool is_max) {
  Value keep_a = m.compare(is_max ? "GE" : "LE", a, b);
  if (is_floating(a.dtype)) keep_a = m.binary("or", keep_a, is_nan(m, a));
  return m.select(keep_a, a, b);
}

Value right_shift(Builder& m, const Value& a, const Value& b) {
  return m.binary(is_unsigned(a.dtype) ? "shift_right_logical" : "shift_right_arithmetic", a, b);
}

}  // namespace

Value emit_binary(Builder& m, BinaryOp op, const Value& a, const Value& b) {
  // float16 and bfloat16 compute in float32 and round back once, as NumPy does.
  if (is_half(a.dtype) && !is_comparison(op)) {
    const Value y = emit_binary(m, op, m.convert(a, DType::float32), m.convert(b, DType::float32));
    return y.dtype == DType::float32 ? m.convert(y, a.dtype) : y;
  }
  switch (op) {
    case BinaryOp::add:
      return m.binary("add", a, b);
    case BinaryOp::subtract:
      return m.binary("subtract", a, b);
    case BinaryOp::multiply:
      return m.binary("multiply", a, b);
    case BinaryOp::divide:
      return m.binary("divide", a, b);
    case BinaryOp::pow:
      return m.binary("power", a, b);
    case BinaryOp::floor_divide:
      return floor_divide(m, a, b);
    case BinaryOp::remainder:
      return remainder(m, a, b);
    case BinaryOp::minimum:
      return first_on_ties(m, a, b, false);
    case BinaryOp::maximum:
      return first_on_ties(m, a, b, true);
    case BinaryOp::atan2:
      return m.binary("atan2", a, b);
    case BinaryOp::equal:
      return m.compare("EQ", a, b);
    case BinaryOp::not_equal:
      return m.compare("NE", a, b);
    case BinaryOp::less:
      return m.compare("LT", a, b);
    case BinaryOp::less_equal:
      return m.compare("LE", a, b);
    case BinaryOp::greater:
      return m.compare("GT", a, b);
    case BinaryOp::greater_equal:
      return m.compare("GE", a, b);
    case BinaryOp::logical_and:
    case BinaryOp::bitwise_and:
      return m.binary("and", a, b);
    case BinaryOp::logical_or:
    case BinaryOp::bitwise_or:
      return m.binary("or", a, b);
    case BinaryOp::logical_xor:
    case BinaryOp::bitwise_xor:
      return m.binary("xor", a, b);
    case BinaryOp::left_shift:
      return m.binary("shift_left", a, b);
    case BinaryOp::right_shift:
      return right_shift(m, a, b);
  }
  return a;
}

}  // namespace ivy::backends::xla_impl
