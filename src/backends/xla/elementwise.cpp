// Element-wise kernels as StableHLO: one operation (or a short composite) per kernel, operands
// broadcast to the result's shape in the module.
#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

Array cast(const Array& x, DType d) {
  return run1("cast", {x},
              [d](Builder& b, const std::vector<Value>& in) { return b.convert(in[0], d); });
}

// The StableHLO operation of a unary kernel that is one operation, else nullptr.
const char* unary_name(UnaryOp op) {
  switch (op) {
    case UnaryOp::abs:
      return "abs";
    case UnaryOp::negative:
      return "negate";
    case UnaryOp::sqrt:
      return "sqrt";
    case UnaryOp::exp:
      return "exponential";
    case UnaryOp::expm1:
      return "exponential_minus_one";
    case UnaryOp::log:
      return "log";
    case UnaryOp::log1p:
      return "log_plus_one";
    case UnaryOp::sin:
      return "sine";
    case UnaryOp::cos:
      return "cosine";
    case UnaryOp::tanh:
      return "tanh";
    case UnaryOp::sigmoid:
      return "logistic";
    case UnaryOp::floor:
      return "floor";
    case UnaryOp::ceil:
      return "ceil";
    case UnaryOp::round:
      return "round_nearest_even";
    default:
      return nullptr;
  }
}

Array unary(UnaryOp op, const Array& x) {
  const char* name = unary_name(op);
  if (!name)
    detail::raise<UnsupportedError>("unary", "xla", "this element-wise kernel is not written yet");
  return run1("unary", {x},
              [name](Builder& b, const std::vector<Value>& in) { return b.unary(name, in[0]); });
}

const char* binary_name(BinaryOp op) {
  switch (op) {
    case BinaryOp::add:
      return "add";
    case BinaryOp::subtract:
      return "subtract";
    case BinaryOp::multiply:
      return "multiply";
    case BinaryOp::divide:
      return "divide";
    default:
      return nullptr;
  }
}

Array binary(BinaryOp op, const Array& a, const Array& b) {
  const char* name = binary_name(op);
  if (!name)
    detail::raise<UnsupportedError>("binary", "xla", "this element-wise kernel is not written yet");
  const Shape s = detail::broadcast_shapes(a.shape(), b.shape(), "binary", "xla");
  return run1("binary", {a, b}, [&](Builder& m, const std::vector<Value>& in) {
    return m.binary(name, m.broadcast(in[0], s), m.broadcast(in[1], s));
  });
}

Array where(const Array& cond, const Array& a, const Array& b) {
  const Shape s = detail::broadcast_shapes(
      detail::broadcast_shapes(cond.shape(), a.shape(), "where", "xla"), b.shape(), "where", "xla");
  return run1("where", {cond, a, b}, [&](Builder& m, const std::vector<Value>& in) {
    return m.select(m.broadcast(in[0], s), m.broadcast(in[1], s), m.broadcast(in[2], s));
  });
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::xla_impl
