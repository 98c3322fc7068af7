#include "ivy/ops/elementwise.hpp"

#include <string>

#include "grad/record.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/binary_operands.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view unary_name(UnaryOp op) {
  switch (op) {
#define IVY_NAME_CASE(name) \
  case UnaryOp::name:       \
    return #name;
    IVY_UNARY_KERNELS(IVY_NAME_CASE)
#undef IVY_NAME_CASE
  }
  return "?";
}

// The unified function's name (the shift kernels serve bitwise_left_shift and _right_shift).
constexpr std::string_view binary_name(BinaryOp op) {
  switch (op) {
#define IVY_NAME_CASE(name) \
  case BinaryOp::name:      \
    return #name;
    IVY_BINARY_MATH_KERNELS(IVY_NAME_CASE)
    IVY_NAME_CASE(bitwise_and)
    IVY_NAME_CASE(bitwise_or)
    IVY_NAME_CASE(bitwise_xor)
#undef IVY_NAME_CASE
    case BinaryOp::left_shift:
      return "bitwise_left_shift";
    case BinaryOp::right_shift:
      return "bitwise_right_shift";
  }
  return "?";
}

enum class UnaryKind { float_math, numeric, rounding, predicate, logical, sign_bit, bitwise };

UnaryKind kind_of(UnaryOp op) {
  switch (op) {
    case UnaryOp::abs:
    case UnaryOp::negative:
    case UnaryOp::sign:
    case UnaryOp::square:
      return UnaryKind::numeric;
    case UnaryOp::floor:
    case UnaryOp::ceil:
    case UnaryOp::round:
    case UnaryOp::trunc:
      return UnaryKind::rounding;
    case UnaryOp::isnan:
    case UnaryOp::isinf:
    case UnaryOp::isfinite:
      return UnaryKind::predicate;
    case UnaryOp::logical_not:
      return UnaryKind::logical;
    case UnaryOp::signbit:
      return UnaryKind::sign_bit;
    case UnaryOp::bitwise_invert:
      return UnaryKind::bitwise;
    case UnaryOp::sqrt:
    case UnaryOp::exp:
    case UnaryOp::expm1:
    case UnaryOp::log:
    case UnaryOp::log1p:
    case UnaryOp::log2:
    case UnaryOp::log10:
    case UnaryOp::sin:
    case UnaryOp::cos:
    case UnaryOp::tan:
    case UnaryOp::asin:
    case UnaryOp::acos:
    case UnaryOp::atan:
    case UnaryOp::sinh:
    case UnaryOp::cosh:
    case UnaryOp::tanh:
    case UnaryOp::asinh:
    case UnaryOp::acosh:
    case UnaryOp::atanh:
    case UnaryOp::erf:
    case UnaryOp::sigmoid:
      return UnaryKind::float_math;
  }
  return UnaryKind::float_math;
}

Array unary_kernel(const ElementwiseKernels& k, UnaryOp op, const Array& x) {
  Array y = k.unary(op, x);
  IVY_RECORD(record_unary(op, x, y));
  return y;
}

Array apply_unary(UnaryOp op, const Array& x) {
  const std::string_view fn = unary_name(op);
  const Backend& b = detail::backend_of(fn, x);
  const auto& k = detail::family(b, &Backend::elementwise, fn);
  const DType d = x.dtype();
  switch (kind_of(op)) {
    case UnaryKind::float_math:
      return unary_kernel(k, op, is_floating(d) ? x : cast(x, kDefaultFloat));
    case UnaryKind::numeric:
      detail::require_kind(x, !is_bool(d), fn, "a numeric dtype");
      return unary_kernel(k, op, x);
    case UnaryKind::rounding:
      detail::require_kind(x, !is_bool(d), fn, "a numeric dtype");
      return is_floating(d) ? unary_kernel(k, op, x) : x;
    case UnaryKind::predicate:
      // Integers and bools are never NaN or infinite.
      if (!is_floating(d)) return full_like(x, op == UnaryOp::isfinite, DType::bool_);
      return k.unary(op, x);
    case UnaryKind::logical:
      return k.unary(op, cast(x, DType::bool_));
    case UnaryKind::sign_bit:
      // Only floats have -0.0 and NaNs with a sign: integers answer by comparison, which
      // spares backends without a signbit for bool or unsigned dtypes.
      if (is_floating(d)) return k.unary(op, x);
      if (is_bool(d) || is_unsigned(d)) return full_like(x, false, DType::bool_);
      return less(x, 0);
    case UnaryKind::bitwise:
      detail::require_kind(x, !is_floating(d), fn, "an integer or bool dtype");
      return is_bool(d) ? k.unary(UnaryOp::logical_not, x) : unary_kernel(k, op, x);
  }
  return x;
}

enum class BinaryKind { arithmetic, true_division, comparison, logical, bitwise, shift };

BinaryKind kind_of(BinaryOp op) {
  if (op == BinaryOp::divide || op == BinaryOp::atan2) return BinaryKind::true_division;
  if (is_comparison(op)) return BinaryKind::comparison;
  if (is_logical(op)) return BinaryKind::logical;
  if (is_bitwise(op)) return BinaryKind::bitwise;
  if (is_shift(op)) return BinaryKind::shift;
  return BinaryKind::arithmetic;
}

DType operand_dtype(const Operand& o) {
  return o.is_array() ? o.array().dtype() : o.scalar().natural_dtype();
}

// The common dtype of two operands of dtypes da and db: promotion between arrays, a scalar
// takes the array's dtype.
DType result_dtype(const Operand& a, DType da, const Operand& b, DType db) {
  if (a.is_array() && b.is_array()) return promote_types(da, db);
  if (a.is_array()) return detail::scalar_dtype_next_to(b.scalar(), da);
  return detail::scalar_dtype_next_to(a.scalar(), db);
}
}  // namespace

namespace detail {
DType binary_result_dtype(const Operand& a, const Operand& b) {
  return result_dtype(a, operand_dtype(a), b, operand_dtype(b));
}

BinaryOperands prepare_binary(const Backend& bk, const Operand& a, const Operand& b, DType d,
                              std::string_view fn) {
  if (a.is_array() && b.is_array() && !same_shape(bk, a.array(), b.array()))
    broadcast_shapes(a.array().shape(), b.array().shape(), fn, bk.name);
  auto as_array = [&](const Operand& o, const Operand& other) {
    if (o.is_array()) return o.array().dtype() == d ? o.array() : cast(o.array(), d);
    return scalar_array(bk, o.scalar(), d, other.array().device(), fn);
  };
  return {as_array(a, b), as_array(b, a)};
}
}  // namespace detail

namespace {

// Integer division by zero and negative integer powers would be undefined or
// backend-specific: they are checked (on the host) before the kernel runs.
void check_integer_operands(BinaryOp op, const Array& divisor, std::string_view fn,
                            const Backend& bk) {
  const bool divides = op == BinaryOp::floor_divide || op == BinaryOp::remainder;
  if (divides && any(equal(divisor, 0)).item<bool>())
    detail::raise<ValueError>(fn, bk.name, "integer division by zero");
  if (op == BinaryOp::pow && any(less(divisor, 0)).item<bool>())
    detail::raise<ValueError>(fn, bk.name, "integers to negative integer powers");
}

bool needs_integer_check(BinaryOp op) {
  return op == BinaryOp::floor_divide || op == BinaryOp::remainder || op == BinaryOp::pow;
}

Array binary_kernel(const ElementwiseKernels& k, BinaryOp op, const Array& a, const Array& b) {
  Array y = k.binary(op, a, b);
  IVY_RECORD(record_binary(op, a, b, y));
  return y;
}

// Integer floor_divide/remainder. The most negative signed integer divided by -1 overflows:
// C++ leaves it undefined and LibTorch and MLX trap (SIGFPE). semantics.md promises wrap-around,
// so a divisor of -1 never reaches the kernel: x // -1 is the wrapping 0 - x, x % -1 is 0.
Array divide_signed(const ElementwiseKernels& k, BinaryOp op, const Array& a, const Array& b) {
  if (is_unsigned(a.dtype())) return binary_kernel(k, op, a, b);
  const Array minus_one = equal(b, -1);
  if (!any(minus_one).item<bool>()) return binary_kernel(k, op, a, b);
  const Array y = binary_kernel(k, op, a, where(minus_one, 1, b));
  return where(minus_one, op == BinaryOp::remainder ? zeros_like(y) : subtract(0, y), y);
}

// NumPy's shifts for every count, from kernels that only ever see counts in [0, bits): a and b
// are integer arrays of one dtype; count is the operand b came from (a host scalar count is
// range-checked on the host). Counts outside [0, bits) shift every bit out: 0, or -1 for
// negative values shifted right.
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
    if (n >= 0 && n < bits) return binary_kernel(k, op, a, b);
    return sign_fill ? binary_kernel(k, op, a, full_like(b, fill_count)) : zeros_like(a);
  }
  const Array in_range = logical_and(greater_equal(b, 0), less(b, bits));
  const Array y = binary_kernel(k, op, a, where(in_range, b, fill_count));
  return sign_fill ? y : where(in_range, y, 0);
}

// The logical function that bitwise_and/or/xor are on bools.
BinaryOp logical_of(BinaryOp op) {
  if (op == BinaryOp::bitwise_and) return BinaryOp::logical_and;
  if (op == BinaryOp::bitwise_or) return BinaryOp::logical_or;
  return BinaryOp::logical_xor;
}

Array apply_binary(BinaryOp op, const Operand& a, const Operand& b) {
  const std::string_view fn = binary_name(op);
  const Backend& bk = detail::common_backend(fn, {&a, &b});
  const auto& k = detail::family(bk, &Backend::elementwise, fn);
  const DType da = operand_dtype(a), db = operand_dtype(b);
  DType d = result_dtype(a, da, b, db);
  const BinaryKind kind = kind_of(op);
  switch (kind) {
    case BinaryKind::arithmetic:
      if (is_bool(d))
        detail::raise<DTypeError>(fn, bk.name,
                                  "needs numeric dtypes, got " + detail::dtypes_str(da, db));
      break;
    case BinaryKind::true_division:
      if (!is_floating(d)) d = kDefaultFloat;
      break;
    case BinaryKind::logical:
      d = DType::bool_;
      break;
    case BinaryKind::comparison:
      break;
    case BinaryKind::bitwise:
      if (is_floating(d))
        detail::raise<DTypeError>(
            fn, bk.name, "needs integer or bool dtypes, got " + detail::dtypes_str(da, db));
      if (is_bool(d)) op = logical_of(op);
      break;
    case BinaryKind::shift:
      if (!is_integral(d))
        detail::raise<DTypeError>(fn, bk.name,
                                  "needs integer dtypes, got " + detail::dtypes_str(da, db));
      break;
  }
  const bool int_check = is_integral(d) && needs_integer_check(op);
  // The common case: two arrays of one dtype and shape go straight to the kernel.
  if (a.is_array() && b.is_array() && da == d && db == d && !int_check &&
      kind != BinaryKind::shift && detail::same_shape(bk, a.array(), b.array()))
    return binary_kernel(k, op, a.array(), b.array());
  detail::BinaryOperands p = detail::prepare_binary(bk, a, b, d, fn);
  if (int_check) check_integer_operands(op, p.b, fn, bk);
  if (kind == BinaryKind::shift) return shift(k, op, p.a, p.b, b);
  if (int_check && op != BinaryOp::pow) return divide_signed(k, op, p.a, p.b);
  return binary_kernel(k, op, p.a, p.b);
}

}  // namespace

#define IVY_DEFINE_UNARY(name) \
  Array name(const Array& x) { return apply_unary(UnaryOp::name, x); }
IVY_UNARY_KERNELS(IVY_DEFINE_UNARY)
#undef IVY_DEFINE_UNARY

#define IVY_DEFINE_BINARY(name) \
  Array name(const Operand& a, const Operand& b) { return apply_binary(BinaryOp::name, a, b); }
IVY_BINARY_MATH_KERNELS(IVY_DEFINE_BINARY)
IVY_DEFINE_BINARY(bitwise_and)
IVY_DEFINE_BINARY(bitwise_or)
IVY_DEFINE_BINARY(bitwise_xor)
#undef IVY_DEFINE_BINARY

Array bitwise_left_shift(const Operand& a, const Operand& b) {
  return apply_binary(BinaryOp::left_shift, a, b);
}
Array bitwise_right_shift(const Operand& a, const Operand& b) {
  return apply_binary(BinaryOp::right_shift, a, b);
}

Array floormod(const Operand& x, const Operand& y) { return remainder(x, y); }

// Either bound may be missing (the array API's None). The result has the shape x and the
// bounds broadcast to (as NumPy's clip and the Array API) and x's dtype, in every combination
// of scalar, array and missing bounds.
Array clip(const Array& x, const std::optional<Operand>& lo, const std::optional<Operand>& hi) {
  const Operand xo(x);
  const Backend& b = detail::common_backend("clip", {&xo, lo ? &*lo : &xo, hi ? &*hi : &xo});
  Shape shape = x.shape();
  for (const auto* bound : {&lo, &hi})
    if (*bound && bound->value().is_array())
      shape = detail::broadcast_shapes(shape, bound->value().array().shape(), "clip", b.name);
  const Array raised = lo ? maximum(x, *lo) : x;
  const Array clipped = hi ? minimum(raised, *hi) : raised;
  return cast(clipped, x.dtype());
}

Array where(const Array& cond, const Operand& a, const Operand& b) {
  const Operand c(cond);
  const Backend& bk = detail::common_backend("where", {&c, &a, &b});
  const DType d = (a.is_array() || b.is_array())
                      ? detail::binary_result_dtype(a, b)
                      : promote_types(a.scalar().natural_dtype(), b.scalar().natural_dtype());
  Array a_arr, b_arr;
  if (a.is_array() || b.is_array()) {
    detail::BinaryOperands p = detail::prepare_binary(bk, a, b, d, "where");
    a_arr = p.a;
    b_arr = p.b;
  } else {
    a_arr = detail::scalar_array(bk, a.scalar(), d, cond.device(), "where");
    b_arr = detail::scalar_array(bk, b.scalar(), d, cond.device(), "where");
  }
  detail::broadcast_shapes(detail::broadcast_shapes(cond.shape(), a_arr.shape(), "where", bk.name),
                           b_arr.shape(), "where", bk.name);
  const Array mask = cast(cond, DType::bool_);
  Array y = detail::family(bk, &Backend::elementwise, "where").where(mask, a_arr, b_arr);
  IVY_RECORD(record_where(mask, a_arr, b_arr, y));
  return y;
}

}  // namespace ivy
