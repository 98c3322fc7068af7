#include <cmath>

#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

constexpr std::string_view kFn = "unary";

Tensor unary_tf(const char* name, const Tensor& x) { return run(name, kFn, {x}); }

// log(x) * factor in x's dtype (TensorFlow has no Log2 or Log10 op).
Tensor scaled_log(const Tensor& x, double factor) {
  const Tensor f = scalar(Scalar(factor), dtype_of(x));
  return run("Mul", kFn, {unary_tf("Log", x), f});
}

// The sign bit, read through the integer of the same width (true for -0.0 and -NaN).
Tensor signbit(const Tensor& x) {
  const DType d = dtype_of(x);
  const DType bits = d == DType::float64   ? DType::int64
                     : d == DType::float32 ? DType::int32
                                           : DType::int16;
  const Tensor as_int = Op("Bitcast", kFn).input(x).type("type", bits).run1();
  return run("Less", kFn, {as_int, scalar(Scalar(0), bits)});
}

Tensor unary_op(UnaryOp op, const Tensor& x) {
  switch (op) {
    case UnaryOp::abs:
      return unary_tf("Abs", x);
    case UnaryOp::negative:
      return unary_tf("Neg", x);
    case UnaryOp::sign: {
      if (!is_floating(dtype_of(x))) return unary_tf("Sign", x);
      // NaN keeps its NaN, as NumPy.
      return run("SelectV2", kFn, {unary_tf("IsNan", x), x, unary_tf("Sign", x)});
    }
    case UnaryOp::square:
      return unary_tf("Square", x);
    case UnaryOp::sqrt:
      return unary_tf("Sqrt", x);
    case UnaryOp::exp:
      return unary_tf("Exp", x);
    case UnaryOp::expm1:
      return unary_tf("Expm1", x);
    case UnaryOp::log:
      return unary_tf("Log", x);
    case UnaryOp::log1p:
      return unary_tf("Log1p", x);
    case UnaryOp::log2:
      return scaled_log(x, 1.0 / std::log(2.0));
    case UnaryOp::log10:
      return scaled_log(x, 1.0 / std::log(10.0));
    case UnaryOp::sin:
      return unary_tf("Sin", x);
    case UnaryOp::cos:
      return unary_tf("Cos", x);
    case UnaryOp::tan:
      return unary_tf("Tan", x);
    case UnaryOp::asin:
      return unary_tf("Asin", x);
    case UnaryOp::acos:
      return unary_tf("Acos", x);
    case UnaryOp::atan:
      return unary_tf("Atan", x);
    case UnaryOp::sinh:
      return unary_tf("Sinh", x);
    case UnaryOp::cosh:
      return unary_tf("Cosh", x);
    case UnaryOp::tanh:
      return unary_tf("Tanh", x);
    case UnaryOp::asinh:
      return unary_tf("Asinh", x);
    case UnaryOp::acosh:
      return unary_tf("Acosh", x);
    case UnaryOp::atanh:
      return unary_tf("Atanh", x);
    case UnaryOp::floor:
      return unary_tf("Floor", x);
    case UnaryOp::ceil:
      return unary_tf("Ceil", x);
    case UnaryOp::round:
      return unary_tf("Round", x);  // half to even
    case UnaryOp::trunc: {
      // No Trunc op: ceil below zero, floor elsewhere (NaN stays NaN, -0.5 gives -0).
      const Tensor negative = run("Less", kFn, {x, scalar(Scalar(0), dtype_of(x))});
      return run("SelectV2", kFn, {negative, unary_tf("Ceil", x), unary_tf("Floor", x)});
    }
    case UnaryOp::erf:
      return unary_tf("Erf", x);
    case UnaryOp::isnan:
      return unary_tf("IsNan", x);
    case UnaryOp::isinf:
      return unary_tf("IsInf", x);
    case UnaryOp::isfinite:
      return unary_tf("IsFinite", x);
    case UnaryOp::sigmoid:
      return unary_tf("Sigmoid", x);
    case UnaryOp::signbit:
      return signbit(x);
    case UnaryOp::logical_not:
      return unary_tf("LogicalNot", x);
    case UnaryOp::bitwise_invert:
      return unary_tf("Invert", x);
  }
  return x;
}

const char* binary_name(BinaryOp op) {
  switch (op) {
    case BinaryOp::add:
      return "AddV2";
    case BinaryOp::subtract:
      return "Sub";
    case BinaryOp::multiply:
      return "Mul";
    case BinaryOp::divide:
      return "RealDiv";
    case BinaryOp::pow:
      return "Pow";
    case BinaryOp::floor_divide:
      return "FloorDiv";
    case BinaryOp::remainder:
      return "FloorMod";
    case BinaryOp::minimum:
      return "Minimum";
    case BinaryOp::maximum:
      return "Maximum";
    case BinaryOp::atan2:
      return "Atan2";
    case BinaryOp::equal:
      return "Equal";
    case BinaryOp::not_equal:
    case BinaryOp::logical_xor:  // on bools, xor is inequality
      return "NotEqual";
    case BinaryOp::less:
      return "Less";
    case BinaryOp::less_equal:
      return "LessEqual";
    case BinaryOp::greater:
      return "Greater";
    case BinaryOp::greater_equal:
      return "GreaterEqual";
    case BinaryOp::logical_and:
      return "LogicalAnd";
    case BinaryOp::logical_or:
      return "LogicalOr";
    case BinaryOp::bitwise_and:
      return "BitwiseAnd";
    case BinaryOp::bitwise_or:
      return "BitwiseOr";
    case BinaryOp::bitwise_xor:
      return "BitwiseXor";
    case BinaryOp::left_shift:
      return "LeftShift";
    case BinaryOp::right_shift:
      return "RightShift";
  }
  return "AddV2";
}

// TensorFlow's kernels flush subnormal numbers to zero (they run with the CPU's FTZ and DAZ
// modes set), so a Cast between float32 and float64 would lose them: those two casts are
// converted here instead, element by element.
template <class From, class To>
Tensor convert_on_host(const Tensor& x, DType to) {
  // In a traced function the graph's Cast is all there is (it flushes subnormals).
  if (symbolic(x)) return Op("Cast", "cast").input(x).type("DstT", to).run1();
  const Resolved t(x, "cast");
  const auto* src = static_cast<const From*>(t.data());
  return host_tensor(shape_of(x), to, [&](void* dst, std::size_t n) {
    auto* d = static_cast<To*>(dst);
    for (std::size_t i = 0; i < n / sizeof(To); ++i) d[i] = static_cast<To>(src[i]);
  });
}

Array cast(const Array& x, DType d) {
  const DType from = x.dtype();
  if (from == DType::float32 && d == DType::float64)
    return wrap(convert_on_host<float, double>(native(x), d));
  if (from == DType::float64 && d == DType::float32)
    return wrap(convert_on_host<double, float>(native(x), d));
  return wrap(cast_to(native(x), d, "cast"));
}

Array unary(UnaryOp op, const Array& x) { return wrap(unary_op(op, native(x))); }

// NumPy's floor division of floats, from fmod (so that 1.0 // 0.1 is 9, not floor(10.0)):
// TensorFlow's FloorDiv is floor(a / b).
Tensor float_floor_divide(const Tensor& a, const Tensor& b) {
  constexpr std::string_view fn = "floor_divide";
  const DType d = dtype_of(a);
  const Tensor zero = scalar(Scalar(0), d), one = scalar(Scalar(1), d),
               half = scalar(Scalar(0.5), d);
  const Tensor mod = run("TruncateMod", fn, {a, b});
  Tensor div = run("RealDiv", fn, {run("Sub", fn, {a, mod}), b});
  // One less where the remainder's sign differs from the divisor's.
  const Tensor adjust =
      run("LogicalAnd", fn,
          {run("NotEqual", fn, {mod, zero}),
           run("NotEqual", fn, {run("Less", fn, {b, zero}), run("Less", fn, {mod, zero})})});
  div = run("SelectV2", fn, {adjust, run("Sub", fn, {div, one}), div});
  Tensor floored = unary_tf("Floor", div);
  const Tensor round_up = run("Greater", fn, {run("Sub", fn, {div, floored}), half});
  floored = run("SelectV2", fn, {round_up, run("AddV2", fn, {floored, one}), floored});
  const Tensor quotient = run("RealDiv", fn, {a, b});
  // A zero quotient takes the sign of a / b; a zero divisor gives a / b itself.
  const Tensor signed_zero = run("Mul", fn, {zero, quotient});
  floored = run("SelectV2", fn, {run("Equal", fn, {div, zero}), signed_zero, floored});
  return run("SelectV2", fn, {run("Equal", fn, {b, zero}), quotient, floored});
}

// The ordering comparisons have no bool kernels: bools compare as 0 and 1.
bool orders(BinaryOp op) {
  return op == BinaryOp::less || op == BinaryOp::less_equal || op == BinaryOp::greater ||
         op == BinaryOp::greater_equal;
}

// Integer kernels TensorFlow lacks for a dtype run on int64 and wrap back (the low bits of a
// wrapped product or power do not depend on the width it was computed in).
Tensor wrapped_in_int64(const char* name, const Tensor& a, const Tensor& b, DType d) {
  const Tensor r =
      run(name, "binary", {cast_to(a, DType::int64, "binary"), cast_to(b, DType::int64, "binary")});
  return cast_to(r, d, "binary");
}

// Floating minimum/maximum: the first operand wins ties (its sign of zero) and NaN in either
// propagates (docs/semantics.md). TensorFlow's float64 Maximum and Minimum return the second
// operand's zero on ties.
Tensor first_on_ties(const Tensor& a, const Tensor& b, bool is_max) {
  const Tensor wins = run(is_max ? "GreaterEqual" : "LessEqual", "binary", {a, b});
  const Tensor keep_a = run("LogicalOr", "binary", {wins, run("IsNan", "binary", {a})});
  return run("SelectV2", "binary", {keep_a, a, b});
}

Array binary(BinaryOp op, const Array& a, const Array& b) {
  const DType d = a.dtype();
  if (op == BinaryOp::floor_divide && is_floating(d))
    return wrap(float_floor_divide(native(a), native(b)));
  if (orders(op) && d == DType::bool_)
    return wrap(run(
        binary_name(op), "binary",
        {cast_to(native(a), DType::uint8, "binary"), cast_to(native(b), DType::uint8, "binary")}));
  if (op == BinaryOp::pow && d == DType::uint8)
    return wrap(wrapped_in_int64("Pow", native(a), native(b), d));
  if ((op == BinaryOp::minimum || op == BinaryOp::maximum) && is_floating(d))
    return wrap(first_on_ties(native(a), native(b), op == BinaryOp::maximum));
  return wrap(run(binary_name(op), "binary", {native(a), native(b)}));
}

Array where(const Array& c, const Array& a, const Array& b) {
  return wrap(run("SelectV2", "where", {native(c), native(a), native(b)}));
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
