#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

Array cast(const Array& x, DType d) {
  return guarded("cast", [&] { return wrap(tensor(x).to(to_torch(d))); });
}

at::Tensor unary_op(UnaryOp op, const at::Tensor& t) {
  switch (op) {
    case UnaryOp::abs:
      return at::abs(t);
    case UnaryOp::negative:
      return at::neg(t);
    case UnaryOp::sign:  // NaN keeps its NaN (at::sign gives 0), as NumPy
      return t.is_floating_point() ? at::where(at::isnan(t), t, at::sign(t)) : at::sign(t);
    case UnaryOp::sqrt:
      return at::sqrt(t);
    case UnaryOp::square:
      return at::mul(t, t);
    case UnaryOp::exp:
      return at::exp(t);
    case UnaryOp::expm1:
      return at::expm1(t);
    case UnaryOp::log:
      return at::log(t);
    case UnaryOp::log1p:
      return at::log1p(t);
    case UnaryOp::log2:
      return at::log2(t);
    case UnaryOp::log10:
      return at::log10(t);
    case UnaryOp::sin:
      return at::sin(t);
    case UnaryOp::cos:
      return at::cos(t);
    case UnaryOp::tan:
      return at::tan(t);
    case UnaryOp::asin:
      return at::asin(t);
    case UnaryOp::acos:
      return at::acos(t);
    case UnaryOp::atan:
      return at::atan(t);
    case UnaryOp::sinh:
      return at::sinh(t);
    case UnaryOp::cosh:
      return at::cosh(t);
    case UnaryOp::tanh:
      return at::tanh(t);
    case UnaryOp::asinh:
      return at::asinh(t);
    case UnaryOp::acosh:
      return at::acosh(t);
    case UnaryOp::atanh:
      return at::atanh(t);
    case UnaryOp::floor:
      return at::floor(t);
    case UnaryOp::ceil:
      return at::ceil(t);
    case UnaryOp::round:
      return at::round(t);  // half to even
    case UnaryOp::trunc:
      return at::trunc(t);
    case UnaryOp::erf:
      return at::erf(t);
    case UnaryOp::isnan:
      return at::isnan(t);
    case UnaryOp::isinf:
      return at::isinf(t);
    case UnaryOp::isfinite:
      return at::isfinite(t);
    case UnaryOp::logical_not:
      return at::logical_not(t);
    case UnaryOp::sigmoid:
      return at::sigmoid(t);
    case UnaryOp::signbit:
      return at::signbit(t);
    case UnaryOp::bitwise_invert:
      return at::bitwise_not(t);
  }
  return t;
}

at::Tensor binary_op(BinaryOp op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case BinaryOp::add:
      return at::add(a, b);
    case BinaryOp::subtract:
      return at::sub(a, b);
    case BinaryOp::multiply:
      return at::mul(a, b);
    case BinaryOp::divide:
      return at::div(a, b);
    case BinaryOp::pow:
      return at::pow(a, b);
    case BinaryOp::floor_divide:
      return at::div(a, b, "floor");
    case BinaryOp::remainder:
      return at::remainder(a, b);
    case BinaryOp::minimum:
      return at::minimum(a, b);
    case BinaryOp::maximum:
      return at::maximum(a, b);
    case BinaryOp::atan2:
      return at::atan2(a, b);
    case BinaryOp::equal:
      return at::eq(a, b);
    case BinaryOp::not_equal:
      return at::ne(a, b);
    case BinaryOp::less:
      return at::lt(a, b);
    case BinaryOp::less_equal:
      return at::le(a, b);
    case BinaryOp::greater:
      return at::gt(a, b);
    case BinaryOp::greater_equal:
      return at::ge(a, b);
    case BinaryOp::logical_and:
      return at::logical_and(a, b);
    case BinaryOp::logical_or:
      return at::logical_or(a, b);
    case BinaryOp::logical_xor:
      return at::logical_xor(a, b);
    case BinaryOp::bitwise_and:
      return at::bitwise_and(a, b);
    case BinaryOp::bitwise_or:
      return at::bitwise_or(a, b);
    case BinaryOp::bitwise_xor:
      return at::bitwise_xor(a, b);
    case BinaryOp::left_shift:
      return at::bitwise_left_shift(a, b);
    case BinaryOp::right_shift:
      return at::bitwise_right_shift(a, b);
  }
  return a;
}

Array unary(UnaryOp op, const Array& x) {
  return guarded("unary", [&] {
    const at::Tensor& t = tensor(x);
    // LibTorch 1.13 lacks most float16 math on the CPU: compute in float32 and round back,
    // as NumPy does for float16.
    if (t.scalar_type() == at::kHalf && t.device().is_cpu()) {
      at::Tensor r = unary_op(op, t.to(at::kFloat));
      return wrap(r.scalar_type() == at::kFloat ? r.to(at::kHalf) : r);
    }
    return wrap(unary_op(op, t));
  });
}
Array binary(BinaryOp op, const Array& a, const Array& b) {
  return guarded("binary", [&] { return wrap(binary_op(op, tensor(a), tensor(b))); });
}
Array where(const Array& c, const Array& a, const Array& b) {
  return guarded("where", [&] { return wrap(at::where(tensor(c), tensor(a), tensor(b))); });
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::torch_impl
