#include "container/leaf_arith.hpp"

#include <cmath>
#include <cstdint>

#include "ivy/ops/elementwise.hpp"

namespace ivy::detail {

namespace {
Array array_binary(ContainerOp op, const Operand& a, const Operand& b) {
  switch (op) {
    case ContainerOp::add:
      return add(a, b);
    case ContainerOp::subtract:
      return subtract(a, b);
    case ContainerOp::multiply:
      return multiply(a, b);
    case ContainerOp::divide:
      return divide(a, b);
    case ContainerOp::pow:
      break;
  }
  return ivy::pow(a, b);
}

// Integers wrap modulo 2^64 as the integer arrays do (no signed-overflow UB).
std::int64_t wrap(std::uint64_t v) { return static_cast<std::int64_t>(v); }

std::int64_t int_power(std::int64_t base, std::int64_t exponent) {
  std::uint64_t result = 1, b = static_cast<std::uint64_t>(base);
  for (auto e = static_cast<std::uint64_t>(exponent); e; e >>= 1) {
    if (e & 1) result *= b;
    b *= b;
  }
  return wrap(result);
}

// Two Scalars: bool and int stay integers under + - * and ** with a non-negative exponent;
// anything else (a float, divide, a negative exponent) is computed in double, as Python does.
Scalar scalar_binary(ContainerOp op, const Scalar& a, const Scalar& b) {
  const bool integers = a.kind() != Scalar::Kind::floating && b.kind() != Scalar::Kind::floating;
  const auto x = static_cast<std::uint64_t>(a.as_int()), y = static_cast<std::uint64_t>(b.as_int());
  if (integers) {
    switch (op) {
      case ContainerOp::add:
        return wrap(x + y);
      case ContainerOp::subtract:
        return wrap(x - y);
      case ContainerOp::multiply:
        return wrap(x * y);
      case ContainerOp::pow:
        if (b.as_int() >= 0) return int_power(a.as_int(), b.as_int());
        break;
      case ContainerOp::divide:  // true division: in double below
        break;
    }
  }
  const double u = a.as_double(), v = b.as_double();
  switch (op) {
    case ContainerOp::add:
      return u + v;
    case ContainerOp::subtract:
      return u - v;
    case ContainerOp::multiply:
      return u * v;
    case ContainerOp::divide:
      return u / v;
    case ContainerOp::pow:
      break;
  }
  return std::pow(u, v);
}
}  // namespace

Leaf leaf_binary(ContainerOp op, const Leaf& a, const Leaf& b) {
  if (a.is_array() || b.is_array()) return array_binary(op, a.operand(), b.operand());
  return scalar_binary(op, a.scalar(), b.scalar());
}

Leaf leaf_negative(const Leaf& x) {
  if (x.is_array()) return negative(x.array());
  const Scalar& s = x.scalar();
  if (s.kind() == Scalar::Kind::floating) return Scalar(-s.as_double());
  return Scalar(wrap(0 - static_cast<std::uint64_t>(s.as_int())));
}

}  // namespace ivy::detail
