// Case handlers of the element-wise family (fixtures: scripts/fixtures/elementwise.py).
#include "support/cases.hpp"
#include "support/json_scalar.hpp"

namespace {
using ivy::testing::CaseContext;
using ivy::testing::json_scalar;
using ivy::testing::Outputs;

// Binary functions take a second array, or a host scalar on either side.
template <class F>
Outputs binary(const CaseContext& c, F f) {
  if (!c.has("scalar")) return {f(c.in(0), c.in(1))};
  const ivy::Scalar s = json_scalar(c.params().at("scalar"));
  if (c.param<bool>("scalar_first", false)) return {f(s, c.in(0))};
  return {f(c.in(0), s)};
}
}  // namespace

#define IVY_UNARY_CASE(name) \
  IVY_CASE(name) { return {ivy::name(c.in(0))}; }
IVY_UNARY_KERNELS(IVY_UNARY_CASE)
#undef IVY_UNARY_CASE

#define IVY_BINARY_CASE(name)                                                                    \
  IVY_CASE(name) {                                                                               \
    return binary(c,                                                                             \
                  [](const ivy::Operand& a, const ivy::Operand& b) { return ivy::name(a, b); }); \
  }
IVY_BINARY_MATH_KERNELS(IVY_BINARY_CASE)
IVY_BINARY_CASE(floormod)
IVY_BINARY_CASE(bitwise_and)
IVY_BINARY_CASE(bitwise_or)
IVY_BINARY_CASE(bitwise_xor)
IVY_BINARY_CASE(bitwise_left_shift)
IVY_BINARY_CASE(bitwise_right_shift)
IVY_BINARY_CASE(hypot)
IVY_BINARY_CASE(logaddexp)
IVY_BINARY_CASE(copysign)
#undef IVY_BINARY_CASE

IVY_CASE(stable_divide) {
  const double m = c.param<double>("min_denominator", 1e-12);
  return binary(
      c, [m](const ivy::Operand& n, const ivy::Operand& d) { return ivy::stable_divide(n, d, m); });
}

IVY_CASE(stable_pow) {
  const double m = c.param<double>("min_base", 1e-5);
  return binary(
      c, [m](const ivy::Operand& b, const ivy::Operand& e) { return ivy::stable_pow(b, e, m); });
}

IVY_CASE(clip) {
  if (c.has("lo"))
    return {ivy::clip(c.in(0), json_scalar(c.params().at("lo")), json_scalar(c.params().at("hi")))};
  return {ivy::clip(c.in(0), c.in(1), c.in(2))};
}

IVY_CASE(where) {
  if (c.has("a"))
    return {ivy::where(c.in(0), json_scalar(c.params().at("a")), json_scalar(c.params().at("b")))};
  return {ivy::where(c.in(0), c.in(1), c.in(2))};
}
