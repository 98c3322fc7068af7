// Unary element-wise operations as StableHLO: one operation where StableHLO has it with NumPy's
// meaning, CHLO's (the client dialect XLA lowers itself) for the inverse trigonometric and
// hyperbolic functions and erf, a short composite for the rest.
#include <cmath>
#include <limits>

#include "backends/xla/elementwise.hpp"

namespace ivy::backends::xla_impl {
namespace {

Value chlo(Builder& b, std::string_view name, const Value& x) {
  const std::string t = tensor_type(x.dtype, x.shape);
  return b.op("\"chlo." + std::string(name) + "\"(" + x.name + ") : (" + t + ") -> " + t, x.dtype,
              x.shape);
}

Value is_nan(Builder& b, const Value& x) { return b.compare("NE", x, x); }

// log2 and log10: StableHLO has only the natural logarithm.
Value log_base(Builder& b, const Value& x, double base) {
  return b.binary("divide", b.unary("log", x), constant_like(b, std::log(base), x));
}

// No trunc operation: ceil below zero, floor elsewhere (-0.5 gives -0, NaN stays NaN).
Value trunc(Builder& b, const Value& x) {
  const Value negative = b.compare("LT", x, constant_like(b, 0, x));
  return b.select(negative, b.unary("ceil", x), b.unary("floor", x));
}

Value is_inf(Builder& b, const Value& x) {
  return b.compare("EQ", b.unary("abs", x),
                   constant_like(b, std::numeric_limits<double>::infinity(), x));
}

Value is_finite(Builder& b, const Value& x) {
  return b.op("stablehlo.is_finite " + x.name + " : (" + tensor_type(x.dtype, x.shape) + ") -> " +
                  tensor_type(DType::bool_, x.shape),
              DType::bool_, x.shape);
}

// StableHLO's sign takes signed and float operands only, and keeps -0.0 (NumPy's sign of
// either zero is +0.0).
Value sign(Builder& b, const Value& x) {
  const Value zero = constant_like(b, 0, x);
  if (is_unsigned(x.dtype)) return b.convert(b.compare("NE", x, zero), x.dtype);
  if (!is_floating(x.dtype)) return b.unary("sign", x);
  return b.select(b.compare("EQ", x, zero), zero, b.unary("sign", x));
}

// CHLO's float32 sinh and cosh are off by several units in the last place for large arguments,
// and its float32 erf misses its tail (erf(-5) is -0.99999946 where the float32 value is -1, so
// gelu's 1 + erf(x / sqrt 2) of a large negative x stayed 5e-7 instead of 0: conformance case
// gelu_float32_exact_wide). float32 computes them in float64 and rounds once.
Value chlo_via_float64(Builder& b, std::string_view name, const Value& x) {
  if (x.dtype != DType::float32) return chlo(b, name, x);
  return b.convert(chlo(b, name, b.convert(x, DType::float64)), DType::float32);
}

}  // namespace

Value emit_unary(Builder& b, UnaryOp op, const Value& x) {
  // float16 and bfloat16 compute in float32 and round back once, as NumPy does (signbit reads
  // the bits themselves).
  if (is_half(x.dtype) && op != UnaryOp::signbit) {
    const Value y = emit_unary(b, op, b.convert(x, DType::float32));
    return y.dtype == DType::float32 ? b.convert(y, x.dtype) : y;
  }
  switch (op) {
    case UnaryOp::abs:
      return is_unsigned(x.dtype) ? x : b.unary("abs", x);
    case UnaryOp::negative:
      return b.unary("negate", x);
    case UnaryOp::sign:
      return sign(b, x);
    case UnaryOp::square:
      return b.binary("multiply", x, x);
    case UnaryOp::sqrt:
      return b.unary("sqrt", x);
    case UnaryOp::exp:
      return b.unary("exponential", x);
    case UnaryOp::expm1:
      return b.unary("exponential_minus_one", x);
    case UnaryOp::log:
      return b.unary("log", x);
    case UnaryOp::log1p:
      return b.unary("log_plus_one", x);
    case UnaryOp::log2:
      return log_base(b, x, 2.0);
    case UnaryOp::log10:
      return log_base(b, x, 10.0);
    case UnaryOp::sin:
      return b.unary("sine", x);
    case UnaryOp::cos:
      return b.unary("cosine", x);
    case UnaryOp::tan:
      return b.unary("tan", x);
    case UnaryOp::asin:
      return chlo(b, "asin", x);
    case UnaryOp::acos:
      return chlo(b, "acos", x);
    case UnaryOp::atan:
      return chlo(b, "atan", x);
    case UnaryOp::sinh:
      return chlo_via_float64(b, "sinh", x);
    case UnaryOp::cosh:
      return chlo_via_float64(b, "cosh", x);
    case UnaryOp::tanh:
      return b.unary("tanh", x);
    case UnaryOp::asinh:
      return chlo(b, "asinh", x);
    case UnaryOp::acosh:
      return chlo(b, "acosh", x);
    case UnaryOp::atanh:
      return chlo(b, "atanh", x);
    case UnaryOp::floor:
      return b.unary("floor", x);
    case UnaryOp::ceil:
      return b.unary("ceil", x);
    case UnaryOp::round:
      return b.unary("round_nearest_even", x);
    case UnaryOp::trunc:
      return trunc(b, x);
    case UnaryOp::erf:
      return chlo_via_float64(b, "erf", x);
    case UnaryOp::isnan:
      return is_nan(b, x);
    case UnaryOp::isinf:
      return is_inf(b, x);
    case UnaryOp::isfinite:
      return is_finite(b, x);
    case UnaryOp::sigmoid:
      return b.unary("logistic", x);
    case UnaryOp::signbit:
      return sign_bit(b, x);
    case UnaryOp::logical_not:
    case UnaryOp::bitwise_invert:
      return b.unary("not", x);
  }
  return x;
}

}  // namespace ivy::backends::xla_impl
