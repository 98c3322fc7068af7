#include <cmath>
#include <cstring>

#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

constexpr std::string_view kUnary = "unary", kBinary = "binary";

NDArray op1(const char* name, const NDArray& x) { return run(name, kUnary, {x}); }
NDArray op2(const char* name, const NDArray& a, const NDArray& b) {
  return run(name, kBinary, {a, b});
}

// signbit on the host: MXNet has no bit cast (the sign of -0.0 and of -NaN needs the bits).
template <class T>
NDArray host_signbit(const NDArray& x) {
  const Shape s = shape_of(x);
  std::size_t n = 1;
  for (std::int64_t v : s) n *= static_cast<std::size_t>(v);
  std::vector<T> values(n);
  if (n) check(api().MXNDArraySyncCopyToCPU(x.handle(), values.data(), n), "signbit");
  return host_array(s, DType::bool_, [&](void* dst, std::size_t) {
    auto* out = static_cast<bool*>(dst);
    for (std::size_t i = 0; i < n; ++i) out[i] = std::signbit(values[i]);
  });
}

NDArray signbit(const NDArray& x) {
  const DType d = dtype_of(x);
  if (d == DType::float64) return host_signbit<double>(x);
  return host_signbit<float>(
      cast_to(x, DType::float32, kUnary));  // float16/bfloat16 exact in float32
}

NDArray unary_op(UnaryOp op, const NDArray& x) {
  switch (op) {
    case UnaryOp::abs:
      return op1("_npi_absolute", x);
    case UnaryOp::negative:
      return op1("_npi_negative", x);
    case UnaryOp::sign:
      return op1("_npi_sign", x);
    case UnaryOp::square:
      return op1("_npi_square", x);
    case UnaryOp::sqrt:
      return op1("_npi_sqrt", x);
    case UnaryOp::exp:
      return op1("_npi_exp", x);
    case UnaryOp::expm1:
      return op1("expm1", x);
    case UnaryOp::log:
      return op1("log", x);
    case UnaryOp::log1p:
      return op1("log1p", x);
    case UnaryOp::log2:
      return op1("_npi_log2", x);
    case UnaryOp::log10:
      return op1("_npi_log10", x);
    case UnaryOp::sin:
      return op1("sin", x);
    case UnaryOp::cos:
      return op1("cos", x);
    case UnaryOp::tan:
      return op1("tan", x);
    case UnaryOp::asin:
      return op1("arcsin", x);
    case UnaryOp::acos:
      return op1("arccos", x);
    case UnaryOp::atan:
      return op1("arctan", x);
    case UnaryOp::sinh:
      return op1("sinh", x);
    case UnaryOp::cosh:
      return op1("cosh", x);
    case UnaryOp::tanh:
      return op1("tanh", x);
    case UnaryOp::asinh:
      return op1("arcsinh", x);
    case UnaryOp::acosh:
      return op1("arccosh", x);
    case UnaryOp::atanh:
      return op1("arctanh", x);
    case UnaryOp::floor:
      return op1("_npi_floor", x);
    case UnaryOp::ceil:
      return op1("_npi_ceil", x);
    case UnaryOp::round:
      return op1("_npi_rint", x);  // half to even, as NumPy's rint
    case UnaryOp::trunc:
      return op1("_npi_trunc", x);
    case UnaryOp::erf:
      return op1("_npx_erf", x);
    case UnaryOp::isnan:
      return op1("_npi_isnan", x);
    case UnaryOp::isinf:
      return op1("_npi_isinf", x);
    case UnaryOp::isfinite:
      return op1("_npi_isfinite", x);
    case UnaryOp::sigmoid:
      return op1("_npx_sigmoid", x);
    case UnaryOp::signbit:
      return signbit(x);
    case UnaryOp::logical_not:
      return cast_to(op1("_npi_logical_not", x), DType::bool_, kUnary);
    case UnaryOp::bitwise_invert:
      return op1("_npi_bitwise_not", x);
  }
  return x;
}

const char* binary_name(BinaryOp op) {
  switch (op) {
    case BinaryOp::add:
      return "_npi_add";
    case BinaryOp::subtract:
      return "_npi_subtract";
    case BinaryOp::multiply:
      return "_npi_multiply";
    case BinaryOp::divide:
      return "_npi_true_divide";
    case BinaryOp::pow:
      return "_npi_power";
    case BinaryOp::remainder:
      return "_npi_mod";
    case BinaryOp::minimum:
      return "_npi_minimum";
    case BinaryOp::maximum:
      return "_npi_maximum";
    case BinaryOp::atan2:
      return "_npi_arctan2";
    case BinaryOp::equal:
      return "_npi_equal";
    case BinaryOp::not_equal:
    case BinaryOp::logical_xor:  // on bools
      return "_npi_not_equal";
    case BinaryOp::less:
      return "_npi_less";
    case BinaryOp::less_equal:
      return "_npi_less_equal";
    case BinaryOp::greater:
      return "_npi_greater";
    case BinaryOp::greater_equal:
      return "_npi_greater_equal";
    case BinaryOp::logical_and:
    case BinaryOp::bitwise_and:
      return "_npi_bitwise_and";
    case BinaryOp::logical_or:
    case BinaryOp::bitwise_or:
      return "_npi_bitwise_or";
    case BinaryOp::bitwise_xor:
      return "_npi_bitwise_xor";
    case BinaryOp::floor_divide:
    case BinaryOp::left_shift:
    case BinaryOp::right_shift:
      break;  // composed below
  }
  return "_npi_add";
}

// NumPy's floor division from the floored remainder: (a - a mod b) / b, exact for integers
// (computed in float64, exact below 2^53) and NumPy's rule for floats (1.0 // 0.1 is 9).
NDArray floor_divide(const NDArray& a, const NDArray& b) {
  const DType d = dtype_of(a);
  const NDArray mod = op2("_npi_mod", a, b);
  if (is_floating(d)) {
    const NDArray q = op2("_npi_true_divide", op2("_npi_subtract", a, mod), b);
    const NDArray rounded = op1("_npi_rint", q);
    // b == 0: a / b as NumPy.
    const NDArray zero = scalar(Scalar(0), d);
    return run("_npi_where", kBinary,
               {op2("_npi_equal", b, zero), op2("_npi_true_divide", a, b), rounded});
  }
  const NDArray diff = cast_to(op2("_npi_subtract", a, mod), DType::float64, kBinary);
  const NDArray q = op2("_npi_true_divide", diff, cast_to(b, DType::float64, kBinary));
  return cast_to(op1("_npi_rint", q), d, kBinary);
}

// Shifts as products and floored quotients by powers of two (MXNet 1.9 has no shift operators),
// computed in int64 and wrapped back to the dtype.
NDArray shift(const NDArray& a, const NDArray& b, bool left) {
  const DType d = dtype_of(a);
  const NDArray a64 = cast_to(a, DType::int64, kBinary);
  const NDArray p =
      op2("_npi_power", scalar(Scalar(2), DType::int64), cast_to(b, DType::int64, kBinary));
  const NDArray r = left ? op2("_npi_multiply", a64, p) : floor_divide(a64, p);
  return cast_to(r, d, kBinary);
}

Array cast(const Array& x, DType d) { return wrap(cast_to(native(x), d, "cast")); }

Array unary(UnaryOp op, const Array& x) { return wrap(unary_op(op, native(x))); }

Array binary(BinaryOp op, const Array& a, const Array& b) {
  const NDArray& x = native(a);
  const NDArray& y = native(b);
  if (op == BinaryOp::floor_divide) return wrap(floor_divide(x, y));
  if (op == BinaryOp::left_shift || op == BinaryOp::right_shift)
    return wrap(shift(x, y, op == BinaryOp::left_shift));
  return wrap(op2(binary_name(op), x, y));
}

Array where(const Array& c, const Array& a, const Array& b) {
  return wrap(run("_npi_where", "where", {native(c), native(a), native(b)}));
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
