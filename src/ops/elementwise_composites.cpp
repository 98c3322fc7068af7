// Element-wise functions composed of other unified functions (so every backend computes them
// the same way): hypot and logaddexp, with the care the naive formulas lack at extreme values,
// and copysign.
#include <limits>

#include "ivy/ops/elementwise.hpp"
#include "ops/binary_operands.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

detail::BinaryOperands detail::float_binary_operands(const Operand& a, const Operand& b,
                                                     std::string_view fn) {
  const Backend& bk = common_backend(fn, {&a, &b});
  const DType d = binary_result_dtype(a, b);
  return prepare_binary(bk, a, b, is_floating(d) ? d : float32, fn);
}

Array hypot(const Operand& x1, const Operand& x2) {
  const auto [a, b] = detail::float_binary_operands(x1, x2, "hypot");
  const Array abs_a = abs(a), abs_b = abs(b);
  const Array hi = maximum(abs_a, abs_b), lo = minimum(abs_a, abs_b);
  // hi * sqrt(1 + (lo/hi)^2): squaring first overflows at 1e200 and underflows at 1e-200.
  // The denominator is 1 where hi is 0 (0/0 would be NaN, and its gradient too).
  const Array safe_hi = where(equal(hi, 0), 1, hi);
  const Array ratio = divide(lo, safe_hi);
  const Array out = multiply(hi, sqrt(add(multiply(ratio, ratio), 1)));
  // An infinite side gives inf even when the other side is NaN (C99, IEEE 754, NumPy).
  return where(logical_or(isinf(a), isinf(b)), std::numeric_limits<double>::infinity(), out);
}

Array logaddexp(const Operand& x1, const Operand& x2) {
  const auto [a, b] = detail::float_binary_operands(x1, x2, "logaddexp");
  const Array m = maximum(a, b);
  const Array out = add(m, log1p(exp(negative(abs(subtract(a, b))))));
  // Two equal infinities: inf - inf is NaN above; the answer is the infinity itself.
  return where(logical_and(isinf(m), equal(a, b)), m, out);
}

Array copysign(const Operand& x1, const Operand& x2) {
  const auto [a, b] = detail::float_binary_operands(x1, x2, "copysign");
  // The sign bit decides, so -0.0 and -NaN count as negative (x2 < 0 cannot see them).
  const Array magnitude = abs(a);
  return where(signbit(b), negative(magnitude), magnitude);
}

}  // namespace ivy
