#include "ops/bitwise.hpp"

#include "grad/record.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"

namespace ivy::detail {
namespace {

Array shift_kernel(const ElementwiseKernels& k, BinaryOp op, const Array& a, const Array& b) {
  Array y = k.binary(op, a, b);
  IVY_RECORD(record_binary(op, a, b, y));
  return y;
}

}  // namespace

Array shift(const ElementwiseKernels& k, BinaryOp op, const Array& a, const Array& b,
            const Operand& count) {
  const DType d = a.dtype();
  const int bits = 8 * itemsize(d);
  // With every bit shifted out, a signed right shift leaves copies of the sign bit, which a
  // shift by bits - 1 gives; the others leave 0. C++ and the engines leave such counts
  // undefined or unspecified, so kernels never see them.
  const bool sign_fill = op == BinaryOp::right_shift && !is_unsigned(d);
  const int fill_count = sign_fill ? bits - 1 : 0;
  if (!count.is_array()) {
    const std::int64_t n = count.scalar().as_int();
    if (n >= 0 && n < bits) return shift_kernel(k, op, a, b);
    return sign_fill ? shift_kernel(k, op, a, full_like(b, fill_count)) : zeros_like(a);
  }
  const Array in_range = logical_and(greater_equal(b, 0), less(b, bits));
  const Array y = shift_kernel(k, op, a, where(in_range, b, fill_count));
  return sign_fill ? y : where(in_range, y, 0);
}

}  // namespace ivy::detail
