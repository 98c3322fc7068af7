// The element-wise kernels: each runs its emitter (elementwise_cast/unary/binary.cpp) on the
// kernel's arrays, operands broadcast to the result's shape inside the module.
#include "backends/xla/elementwise.hpp"

#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

Array cast(const Array& x, DType d) {
  return run1("cast", {x},
              [d](Builder& b, const std::vector<Value>& in) { return emit_cast(b, in[0], d); });
}

Array unary(UnaryOp op, const Array& x) {
  return run1("unary", {x},
              [op](Builder& b, const std::vector<Value>& in) { return emit_unary(b, op, in[0]); });
}

Array binary(BinaryOp op, const Array& a, const Array& b) {
  const Shape s = detail::broadcast_shapes(a.shape(), b.shape(), "binary", "xla");
  return run1("binary", {a, b}, [&](Builder& m, const std::vector<Value>& in) {
    return emit_binary(m, op, m.broadcast(in[0], s), m.broadcast(in[1], s));
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

Value bitcast(Builder& b, const Value& x, DType d) {
  return b.op("stablehlo.bitcast_convert " + x.name + " : (" + tensor_type(x.dtype, x.shape) +
                  ") -> " + tensor_type(d, x.shape),
              d, x.shape);
}

Value bits_of(Builder& b, const Value& x) {
  const DType bits = x.dtype == DType::float64   ? DType::int64
                     : x.dtype == DType::float32 ? DType::int32
                                                 : DType::int16;
  return bitcast(b, x, bits);
}

Value constant_like(Builder& b, const Scalar& value, const Value& x) {
  return b.constant(value, x.dtype, x.shape);
}

Value sign_bit(Builder& b, const Value& x) {
  const Value bits = bits_of(b, x);
  return b.compare("LT", bits, constant_like(b, 0, bits));
}

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::xla_impl
