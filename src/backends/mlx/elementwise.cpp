#include <mlx/transforms.h>

#include <optional>
#include <vector>

#include "backends/mlx/float64_math.hpp"
#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

Array cast(const Array& x, DType d) {
  return guarded("cast", [&] { return wrap(mx::astype(native(x), to_mlx(d))); });
}

// float64 replacements for the functions MLX computes with float32 precision (float64_math.hpp).
std::optional<mx::array> float64_unary(UnaryOp op, const mx::array& t) {
  switch (op) {
    case UnaryOp::exp:
      return exp64(t);
    case UnaryOp::sin:
      return sin64(t);
    case UnaryOp::cos:
      return cos64(t);
    case UnaryOp::sigmoid:
      return mx::divide(f64(1.0), mx::add(f64(1.0), exp64(mx::negative(t))));
    case UnaryOp::erf:
      detail::raise<UnsupportedError>("erf", "mlx", kErfFloat64);
    default:
      return std::nullopt;
  }
}

// MLX has no signbit: a float's sign bit is the sign bit of the signed integer of its width,
// which also sees -0.0 and the sign of a NaN.
mx::array sign_bit(const mx::array& t) {
  const mx::Dtype bits = t.dtype() == mx::float64   ? mx::int64
                         : t.dtype() == mx::float32 ? mx::int32
                                                    : mx::int16;  // float16, bfloat16
  return mx::less(mx::view(t, bits), mx::array(0, bits));
}

mx::array unary_op(UnaryOp op, const mx::array& t) {
  if (t.dtype() == mx::float64)
    if (auto precise = float64_unary(op, t)) return *precise;
  switch (op) {
    case UnaryOp::abs:
      return mx::abs(t);
    case UnaryOp::negative:
      return mx::negative(t);
    case UnaryOp::sign:  // NaN keeps its NaN (MLX gives 0), as NumPy
      return mx::issubdtype(t.dtype(), mx::inexact) ? mx::where(mx::isnan(t), t, mx::sign(t))
                                                    : mx::sign(t);
    case UnaryOp::sqrt:
      return mx::sqrt(t);
    case UnaryOp::square:
      return mx::square(t);
    case UnaryOp::exp:
      return mx::exp(t);
    case UnaryOp::expm1:
      return mx::expm1(t);
    case UnaryOp::log:
      return mx::log(t);
    case UnaryOp::log1p:
      return mx::log1p(t);
    case UnaryOp::log2:
      return mx::log2(t);
    case UnaryOp::log10:
      return mx::log10(t);
    case UnaryOp::sin:
      return mx::sin(t);
    case UnaryOp::cos:
      return mx::cos(t);
    case UnaryOp::tan:
      return mx::tan(t);
    case UnaryOp::asin:
      return mx::arcsin(t);
    case UnaryOp::acos:
      return mx::arccos(t);
    case UnaryOp::atan:
      return mx::arctan(t);
    case UnaryOp::sinh:
      return mx::sinh(t);
    case UnaryOp::cosh:
      return mx::cosh(t);
    case UnaryOp::tanh:
      return mx::tanh(t);
    case UnaryOp::asinh:
      return mx::arcsinh(t);
    case UnaryOp::acosh:
      return mx::arccosh(t);
    case UnaryOp::atanh:
      return mx::arctanh(t);
    case UnaryOp::floor:
      return mx::floor(t);
    case UnaryOp::ceil:
      return mx::ceil(t);
    case UnaryOp::round:
      return mx::round(t, 0);
    case UnaryOp::trunc:
      return mx::trunc(t);
    case UnaryOp::erf:
      return mx::erf(t);
    case UnaryOp::isnan:
      return mx::isnan(t);
    case UnaryOp::isinf:
      return mx::isinf(t);
    case UnaryOp::isfinite:
      return mx::isfinite(t);
    case UnaryOp::logical_not:
      return mx::logical_not(t);
    case UnaryOp::sigmoid:
      return mx::sigmoid(t);
    case UnaryOp::signbit:
      return sign_bit(t);
    case UnaryOp::bitwise_invert:
      return mx::bitwise_invert(t);
  }
  return t;
}

// NumPy's float floor division: the quotient of a - (a mod b), an exact multiple of b, rounded
// to the nearest integer; floor(a / b) can be one off when a / b rounds up to an integer.
// Division by zero gives a / b (inf or NaN), as in NumPy.
mx::array float_floor_divide(const mx::array& a, const mx::array& b) {
  const mx::array q = mx::round(mx::divide(mx::subtract(a, mx::remainder(a, b)), b), 0);
  return mx::where(mx::equal(b, mx::array(0, b.dtype())), mx::divide(a, b), q);
}

// minimum/maximum return the first argument when the two compare equal (semantics.md), so
// maximum(-0.0, 0.0) is -0.0 as on the other backends; mx::maximum picked +0. NaN in either
// argument propagates.
mx::array first_on_ties(const mx::array& a, const mx::array& b, const mx::array& a_wins) {
  if (!mx::issubdtype(a.dtype(), mx::inexact)) return mx::where(a_wins, a, b);
  return mx::where(mx::logical_or(a_wins, mx::isnan(a)), a, b);
}

// The derivative of minimum/maximum at a tie is split evenly between the operands, as LibTorch
// and ivy's tape do (docs/gradients.md); MLX's own gives it all to the first. Same-shaped
// operands (MLX differentiates the broadcast), floating only (integers carry no gradient).
mx::array extreme_with_even_ties(const mx::array& a, const mx::array& b, bool is_max) {
  if (!mx::issubdtype(a.dtype(), mx::inexact) || !mx::issubdtype(b.dtype(), mx::inexact))
    return first_on_ties(a, b, is_max ? mx::greater_equal(a, b) : mx::less_equal(a, b));
  const std::vector<mx::array> ab = mx::broadcast_arrays({a, b});
  auto forward = [is_max](const std::vector<mx::array>& in) {
    const mx::array a_wins =
        is_max ? mx::greater_equal(in[0], in[1]) : mx::less_equal(in[0], in[1]);
    return std::vector<mx::array>{first_on_ties(in[0], in[1], a_wins)};
  };
  auto backward = [is_max](const std::vector<mx::array>& in, const std::vector<mx::array>& cot,
                           const std::vector<mx::array>&) {
    const mx::array& g = cot[0];
    const mx::array zero = mx::zeros_like(g);
    const mx::array half = mx::multiply(g, mx::array(0.5, g.dtype()));
    const mx::array tie = mx::equal(in[0], in[1]);
    const mx::array a_beats = is_max ? mx::greater(in[0], in[1]) : mx::less(in[0], in[1]);
    const mx::array b_beats = is_max ? mx::greater(in[1], in[0]) : mx::less(in[1], in[0]);
    return std::vector<mx::array>{mx::where(a_beats, g, mx::where(tie, half, zero)),
                                  mx::where(b_beats, g, mx::where(tie, half, zero))};
  };
  return mx::custom_vjp(forward, backward)(ab)[0];
}

mx::array binary_op(BinaryOp op, const mx::array& a, const mx::array& b) {
  switch (op) {
    case BinaryOp::add:
      return mx::add(a, b);
    case BinaryOp::subtract:
      return mx::subtract(a, b);
    case BinaryOp::multiply:
      return mx::multiply(a, b);
    case BinaryOp::divide:
      return mx::divide(a, b);
    case BinaryOp::pow:
      return mx::power(a, b);
    case BinaryOp::floor_divide:
      return mx::issubdtype(a.dtype(), mx::inexact) ? float_floor_divide(a, b)
                                                    : mx::floor_divide(a, b);
    case BinaryOp::remainder:
      return mx::remainder(a, b);
    case BinaryOp::minimum:
      return extreme_with_even_ties(a, b, false);
    case BinaryOp::maximum:
      return extreme_with_even_ties(a, b, true);
    case BinaryOp::atan2:
      return mx::arctan2(a, b);
    case BinaryOp::equal:
      return mx::equal(a, b);
    case BinaryOp::not_equal:
      return mx::not_equal(a, b);
    case BinaryOp::less:
      return mx::less(a, b);
    case BinaryOp::less_equal:
      return mx::less_equal(a, b);
    case BinaryOp::greater:
      return mx::greater(a, b);
    case BinaryOp::greater_equal:
      return mx::greater_equal(a, b);
    case BinaryOp::logical_and:
      return mx::logical_and(a, b);
    case BinaryOp::logical_or:
      return mx::logical_or(a, b);
    case BinaryOp::logical_xor:
      return mx::not_equal(a, b);  // operands are bool
    case BinaryOp::bitwise_and:
      return mx::bitwise_and(a, b);
    case BinaryOp::bitwise_or:
      return mx::bitwise_or(a, b);
    case BinaryOp::bitwise_xor:
      return mx::bitwise_xor(a, b);
    case BinaryOp::left_shift:
      return mx::left_shift(a, b);
    case BinaryOp::right_shift:
      return mx::right_shift(a, b);
  }
  return a;
}

Array unary(UnaryOp op, const Array& x) {
  return guarded("unary", [&] { return wrap(unary_op(op, native(x))); });
}
Array binary(BinaryOp op, const Array& a, const Array& b) {
  return guarded("binary", [&] { return wrap(binary_op(op, native(a), native(b))); });
}
Array where(const Array& c, const Array& a, const Array& b) {
  return guarded("where", [&] { return wrap(mx::where(native(c), native(a), native(b))); });
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::mlx_impl
