// Vector-Jacobian products of the element-wise kernels (cast, unary, binary, where).
#include <array>
#include <cmath>
#include <string_view>

#include "grad/record.hpp"
#include "ivy/core/registry.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"

namespace ivy::detail {
namespace {

constexpr double kTwoOverSqrtPi = 1.1283791670955126;  // d erf(x) / dx at 0

// d op(x) / dx * g, from the input x and the output y. Undefined for ops that are piecewise
// constant (they are not recorded).
Array unary_vjp(UnaryOp op, const Array& x, const Array& y, const Array& g) {
  switch (op) {
    case UnaryOp::abs:
      return multiply(g, sign(x));
    case UnaryOp::negative:
      return negative(g);
    case UnaryOp::sqrt:
      return divide(g, multiply(y, 2.0));
    case UnaryOp::square:
      return multiply(g, multiply(x, 2.0));
    case UnaryOp::exp:
      return multiply(g, y);
    case UnaryOp::expm1:
      return multiply(g, add(y, 1.0));
    case UnaryOp::log:
      return divide(g, x);
    case UnaryOp::log1p:
      return divide(g, add(x, 1.0));
    case UnaryOp::log2:
      return divide(g, multiply(x, std::log(2.0)));
    case UnaryOp::log10:
      return divide(g, multiply(x, std::log(10.0)));
    case UnaryOp::sin:
      return multiply(g, cos(x));
    case UnaryOp::cos:
      return negative(multiply(g, sin(x)));
    case UnaryOp::tan:
      return multiply(g, add(square(y), 1.0));
    case UnaryOp::asin:
      return divide(g, sqrt(subtract(1.0, square(x))));
    case UnaryOp::acos:
      return negative(divide(g, sqrt(subtract(1.0, square(x)))));
    case UnaryOp::atan:
      return divide(g, add(square(x), 1.0));
    case UnaryOp::sinh:
      return multiply(g, cosh(x));
    case UnaryOp::cosh:
      return multiply(g, sinh(x));
    case UnaryOp::tanh:
      return multiply(g, subtract(1.0, square(y)));
    case UnaryOp::asinh:
      return divide(g, sqrt(add(square(x), 1.0)));
    case UnaryOp::acosh:
      return divide(g, sqrt(subtract(square(x), 1.0)));
    case UnaryOp::atanh:
      return divide(g, subtract(1.0, square(x)));
    case UnaryOp::erf:
      return multiply(g, multiply(exp(negative(square(x))), kTwoOverSqrtPi));
    case UnaryOp::sigmoid:
      return multiply(g, multiply(y, subtract(1.0, y)));
    case UnaryOp::sign:
    case UnaryOp::floor:
    case UnaryOp::ceil:
    case UnaryOp::round:
    case UnaryOp::trunc:
    case UnaryOp::isnan:
    case UnaryOp::isinf:
    case UnaryOp::isfinite:
    case UnaryOp::logical_not:
    case UnaryOp::signbit:
    case UnaryOp::bitwise_invert:
      return {};  // not differentiable: not recorded
  }
  return {};
}

// The weight of a in minimum (or maximum): 1 where it wins, 1/2 on ties (as PyTorch).
Array winner_weight(BinaryOp op, const Array& a, const Array& b) {
  const DType d = a.dtype();
  const Array wins = op == BinaryOp::minimum ? less(a, b) : greater(a, b);
  return add(cast(wins, d), multiply(cast(equal(a, b), d), 0.5));
}

std::vector<Array> binary_vjp(BinaryOp op, const Array& a, const Array& b, const Array& y,
                              const Array& g, const Needs& needs) {
  std::vector<Array> r(2);
  switch (op) {
    case BinaryOp::add:
      return {g, g};
    case BinaryOp::subtract:
      return {g, needs[1] ? negative(g) : Array()};
    case BinaryOp::multiply:
      if (needs[0]) r[0] = multiply(g, b);
      if (needs[1]) r[1] = multiply(g, a);
      return r;
    case BinaryOp::divide:
      if (needs[0]) r[0] = divide(g, b);
      if (needs[1]) r[1] = negative(divide(multiply(g, y), b));
      return r;
    case BinaryOp::pow:
      if (needs[0]) r[0] = multiply(g, multiply(b, pow(a, subtract(b, 1.0))));
      // d a^b / db = a^b log a, taken as 0 where a <= 0 (where a^b is 0 or not real).
      if (needs[1]) r[1] = where(greater(a, 0.0), multiply(g, multiply(y, log(a))), 0.0);
      return r;
    case BinaryOp::remainder:
      if (needs[0]) r[0] = g;
      if (needs[1]) r[1] = negative(multiply(g, floor_divide(a, b)));
      return r;
    case BinaryOp::minimum:
    case BinaryOp::maximum: {
      const Array wa = winner_weight(op, a, b);
      if (needs[0]) r[0] = multiply(g, wa);
      if (needs[1]) r[1] = multiply(g, subtract(1.0, wa));
      return r;
    }
    case BinaryOp::atan2: {
      const Array den = add(square(a), square(b));
      if (needs[0]) r[0] = divide(multiply(g, b), den);
      if (needs[1]) r[1] = negative(divide(multiply(g, a), den));
      return r;
    }
    case BinaryOp::floor_divide:
    case BinaryOp::equal:
    case BinaryOp::not_equal:
    case BinaryOp::less:
    case BinaryOp::less_equal:
    case BinaryOp::greater:
    case BinaryOp::greater_equal:
    case BinaryOp::logical_and:
    case BinaryOp::logical_or:
    case BinaryOp::logical_xor:
    case BinaryOp::bitwise_and:
    case BinaryOp::bitwise_or:
    case BinaryOp::bitwise_xor:
    case BinaryOp::left_shift:
    case BinaryOp::right_shift:
      return r;  // no derivative: see differentiable()
  }
  return r;
}

// Whether a kernel's output is recorded comes from the registry's flag of the function it
// serves (sign, the roundings, predicates, comparisons, bitwise: constants to the tape, as in
// PyTorch), read at compile time, so the rules cannot drift from the registry.
constexpr std::array kUnaryDifferentiable = {
#define IVY_UNARY_FLAG(name) registered_differentiable(#name),
    IVY_UNARY_KERNELS(IVY_UNARY_FLAG)
#undef IVY_UNARY_FLAG
};
// left_shift and right_shift serve bitwise_left_shift and bitwise_right_shift.
constexpr bool binary_flag(std::string_view kernel) {
  if (kernel == "left_shift") return registered_differentiable("bitwise_left_shift");
  if (kernel == "right_shift") return registered_differentiable("bitwise_right_shift");
  return registered_differentiable(kernel);
}
constexpr std::array kBinaryDifferentiable = {
#define IVY_BINARY_FLAG(name) binary_flag(#name),
    IVY_BINARY_KERNELS(IVY_BINARY_FLAG)
#undef IVY_BINARY_FLAG
};

bool differentiable(UnaryOp op) { return kUnaryDifferentiable[static_cast<std::size_t>(op)]; }
bool differentiable(BinaryOp op) { return kBinaryDifferentiable[static_cast<std::size_t>(op)]; }

}  // namespace

void record_cast(const Array& x, Array& y) {
  // The engine casts the cotangent back to x's dtype.
  record(y, {&x}, [](const Array& g, const Needs&) { return std::vector<Array>{g}; });
}

void record_unary(UnaryOp op, const Array& x, Array& y) {
  if (!differentiable(op)) return constant(y);
  record(y, {&x}, [op, x = detached(x), y0 = detached(y)](const Array& g, const Needs&) {
    return std::vector<Array>{unary_vjp(op, x, y0, g)};
  });
}

void record_binary(BinaryOp op, const Array& a, const Array& b, Array& y) {
  if (!differentiable(op)) return constant(y);
  if (op == BinaryOp::add || op == BinaryOp::subtract) {
    // Linear: nothing to keep.
    record(y, {&a, &b}, [op](const Array& g, const Needs& needs) {
      const bool neg = op == BinaryOp::subtract && needs[1];
      return std::vector<Array>{g, neg ? negative(g) : g};
    });
    return;
  }
  record(y, {&a, &b},
         [op, a = detached(a), b = detached(b), y0 = detached(y)](
             const Array& g, const Needs& needs) { return binary_vjp(op, a, b, y0, g, needs); });
}

void record_where(const Array& cond, const Array& a, const Array& b, Array& y) {
  record(y, {&a, &b}, [c = detached(cond)](const Array& g, const Needs& needs) {
    std::vector<Array> r(2);
    if (needs[0]) r[0] = where(c, g, 0.0);
    if (needs[1]) r[1] = where(c, 0.0, g);
    return r;
  });
}

}  // namespace ivy::detail
