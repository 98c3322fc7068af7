// The original Ivy's numerically stabilised division and power: a small constant keeps a zero
// denominator (or base) away from inf and NaN, in values and in gradients.
#include "ivy/ops/elementwise.hpp"
#include "ops/binary_operands.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array stable_divide(const Operand& numerator, const Operand& denominator, double min_denominator) {
  const auto [n, d] = detail::float_binary_operands(numerator, denominator, "stable_divide");
  return divide(n, add(d, min_denominator));
}

Array stable_pow(const Operand& base, const Operand& exponent, double min_base) {
  const auto [b, e] = detail::float_binary_operands(base, exponent, "stable_pow");
  // The original: base ** exponent for exponent < 1, else (base + min_base) ** exponent; here
  // element by element, so that exponent may be an array.
  return where(less(e, 1), pow(b, e), pow(add(b, min_base), e));
}

}  // namespace ivy
