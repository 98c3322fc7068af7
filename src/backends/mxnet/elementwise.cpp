#include <cmath>
#include <cstring>

#include "backends/mxnet/mx_array.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

constexpr std::string_view kUnary = "unary", kBinary = "binary";

NDArray op1(const char* name, const NDArray& x) { return run(name, kUnary, {x}); }
NDArray op2(const char* name, const NDArray& a, const NDArray& b) {
  return run(name, kBinary, {a, b});
}

// signbit on the host: MXNet has no bit cast (the sign of -0.0 and of -NaN needs the bits).
template <class T>
NDArray host_signbit(const NDArray& x) {
  const Shape s = shape_of(x);
  std::size_t n = 1;
  for (std::int64_t v : s) n *= static_cast<std::size_t>(v);
  std::vector<T> values(n);
  read_host(x, values.data(), n, "signbit");
  return host_array(s, DType::bool_, [&](void* dst, std::size_t) {
    auto* out = static_cast<bool*>(dst);
    for (std::size_t i = 0; i < n; ++i) out[i] = std::signbit(values[i]);
  });
}

NDArray signbit(const NDArray& x) {
  const DType d = dtype_of(x);
  if (d == DType::float64) return host_signbit<double>(x);
  return host_signbit<float>(
      cast_to(x, DType::float32, kUnary));  // float16/bfloat16 exact in float32
}

// Half to even (MXNet's rint rounds halves away from zero): floor, then up past the half and at
// the half to the even neighbour; a zero result keeps x's sign.
NDArray round_half_even(const NDArray& x) {
  const DType d = dtype_of(x);
  const NDArray f = op1("_npi_floor", x);
  const NDArray frac = op2("_npi_subtract", x, f);
  const NDArray half = scalar(Scalar(0.5), d), one = scalar(Scalar(1), d),
                two = scalar(Scalar(2), d);
  const NDArray up = op2("_npi_add", f, one);
  const NDArray f_even = op2("_npi_equal", op2("_npi_mod", f, two), scalar(Scalar(0), d));
  const NDArray at_half = run("_npi_where", kUnary, {f_even, f, up});
  NDArray r = run("_npi_where", kUnary,
                  {op2("_npi_greater", frac, half), up,
                   run("_npi_where", kUnary, {op2("_npi_less", frac, half), f, at_half})});
  const NDArray signed_zero = op2("_npi_multiply", x, scalar(Scalar(0), d));
  return run("_npi_where", kUnary, {op2("_npi_equal", r, scalar(Scalar(0), d)), signed_zero, r});
}

// isnan and friends misread bfloat16: classified through float32, which holds every value.
NDArray classify(const char* name, const NDArray& x) {
  const DType d = dtype_of(x);
  return op1(name,
             d == DType::bfloat16 || d == DType::float16 ? cast_to(x, DType::float32, kUnary) : x);
}

NDArray unary_op(UnaryOp op, const NDArray& x) {
  switch (op) {
    case UnaryOp::abs:
      if (!is_floating(dtype_of(x))) return op1("_npi_absolute", x);
      // MXNet's absolute keeps -0.0 negative (1 / abs(-0.0) would be -inf); adding +0 clears it.
      return op2("_npi_add", op1("_npi_absolute", x), scalar(Scalar(0.0), dtype_of(x)));
    case UnaryOp::negative:
      return op1("_npi_negative", x);
    case UnaryOp::sign:
      if (!is_floating(dtype_of(x))) return op1("_npi_sign", x);
      return run("_npi_where", kUnary,
                 {classify("_npi_isnan", x), x, op1("_npi_sign", x)});  // NaN stays
    case UnaryOp::square:
      return op1("_npi_square", x);
    case UnaryOp::sqrt:
      return op1("_npi_sqrt", x);
    case UnaryOp::exp:
      return op1("_npi_exp", x);
    case UnaryOp::expm1:
      return op1("expm1", x);
    case UnaryOp::log:
      return op1("log", x);
    case UnaryOp::log1p:
      return op1("log1p", x);
    case UnaryOp::log2:
      return op1("_npi_log2", x);
    case UnaryOp::log10:
      return op1("_npi_log10", x);
    case UnaryOp::sin:
      return op1("sin", x);
    case UnaryOp::cos:
      return op1("cos", x);
    case UnaryOp::tan:
      return op1("tan", x);
    case UnaryOp::asin:
      return op1("arcsin", x);
    case UnaryOp::acos:
      return op1("arccos", x);
    case UnaryOp::atan:
      return op1("arctan", x);
    case UnaryOp::sinh:
      return op1("sinh", x);
    case UnaryOp::cosh:
      return op1("cosh", x);
    case UnaryOp::tanh:
      return op1("tanh", x);
    case UnaryOp::asinh:
      return op1("arcsinh", x);
    case UnaryOp::acosh:
      return op1("arccosh", x);
    case UnaryOp::atanh:
      return op1("arctanh", x);
    case UnaryOp::floor:
      return op1("_npi_floor", x);
    case UnaryOp::ceil:
      return op1("_npi_ceil", x);
    case UnaryOp::round:
      return round_half_even(x);
    case UnaryOp::trunc:
      return op1("_npi_trunc", x);
    case UnaryOp::erf:
      return op1("_npx_erf", x);
    case UnaryOp::isnan:
      return classify("_npi_isnan", x);
    case UnaryOp::isinf:
      return classify("_npi_isinf", x);
    case UnaryOp::isfinite:
      return classify("_npi_isfinite", x);
    case UnaryOp::sigmoid:
      return op1("_npx_sigmoid", x);
    case UnaryOp::signbit:
      return signbit(x);
    case UnaryOp::logical_not:
      return cast_to(op1("_npi_logical_not", x), DType::bool_, kUnary);
    case UnaryOp::bitwise_invert:
      return op1("_npi_bitwise_not", x);
  }
  return x;
}

const char* binary_name(BinaryOp op) {
  switch (op) {
    case BinaryOp::add:
      return "_npi_add";
    case BinaryOp::subtract:
      return "_npi_subtract";
    case BinaryOp::multiply:
      return "_npi_multiply";
    case BinaryOp::divide:
      return "_npi_true_divide";
    case BinaryOp::pow:
      return "_npi_power";
    case BinaryOp::remainder:
      return "_npi_mod";
    case BinaryOp::minimum:
      return "_npi_minimum";
    case BinaryOp::maximum:
      return "_npi_maximum";
    case BinaryOp::atan2:
      return "_npi_arctan2";
    case BinaryOp::equal:
      return "_npi_equal";
    case BinaryOp::not_equal:
    case BinaryOp::logical_xor:  // on bools
      return "_npi_not_equal";
    case BinaryOp::less:
      return "_npi_less";
    case BinaryOp::less_equal:
      return "_npi_less_equal";
    case BinaryOp::greater:
      return "_npi_greater";
    case BinaryOp::greater_equal:
      return "_npi_greater_equal";
    case BinaryOp::logical_and:
    case BinaryOp::bitwise_and:
      return "_npi_bitwise_and";
    case BinaryOp::logical_or:
    case BinaryOp::bitwise_or:
      return "_npi_bitwise_or";
    case BinaryOp::bitwise_xor:
      return "_npi_bitwise_xor";
    case BinaryOp::floor_divide:
    case BinaryOp::left_shift:
    case BinaryOp::right_shift:
      break;  // composed below
  }
  return "_npi_add";
}

// NumPy's floor division from the floored remainder: (a - a mod b) / b, exact for integers
// (computed in float64, exact below 2^53) and NumPy's rule for floats (1.0 // 0.1 is 9).
NDArray floor_divide(const NDArray& a, const NDArray& b) {
  const DType d = dtype_of(a);
  const NDArray mod = op2("_npi_mod", a, b);
  if (is_floating(d)) {
    const NDArray q = op2("_npi_true_divide", op2("_npi_subtract", a, mod), b);
    const NDArray rounded = op1("_npi_rint", q);
    // b == 0: a / b as NumPy.
    const NDArray zero = scalar(Scalar(0), d);
    return run("_npi_where", kBinary,
               {op2("_npi_equal", b, zero), op2("_npi_true_divide", a, b), rounded});
  }
  const NDArray diff = cast_to(op2("_npi_subtract", a, mod), DType::float64, kBinary);
  const NDArray q = op2("_npi_true_divide", diff, cast_to(b, DType::float64, kBinary));
  return cast_to(op1("_npi_rint", q), d, kBinary);
}

// Integer floor division on the host (exact for every int64, and MIN // -1 wraps as NumPy).
NDArray integer_floor_divide(const Array& a, const Array& b, const Shape& s) {
  const std::vector<std::int64_t> x = ivy::broadcast_to(a, s).to_vector<std::int64_t>();
  const std::vector<std::int64_t> y = ivy::broadcast_to(b, s).to_vector<std::int64_t>();
  NDArray r = host_array(s, DType::int64, [&](void* dst, std::size_t) {
    auto* out = static_cast<std::int64_t*>(dst);
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (y[i] == -1) {
        out[i] = static_cast<std::int64_t>(std::uint64_t{0} - static_cast<std::uint64_t>(x[i]));
        continue;
      }
      std::int64_t q = x[i] / y[i];
      if ((x[i] % y[i] != 0) && ((x[i] < 0) != (y[i] < 0))) --q;
      out[i] = q;
    }
  });
  return cast_to(r, a.dtype(), kBinary);
}

// Shifts on the host (MXNet 1.9 has no shift operators), on the broadcast int64 values, wrapped
// back to the dtype: left shifts wrap to its width, right shifts of signed values are arithmetic.
NDArray shift(const Array& a, const Array& b, const Shape& s, bool left) {
  const std::vector<std::int64_t> x = ivy::broadcast_to(a, s).to_vector<std::int64_t>();
  const std::vector<std::int64_t> k = ivy::broadcast_to(b, s).to_vector<std::int64_t>();
  const DType d = a.dtype();
  const int bits = static_cast<int>(itemsize(d)) * 8;
  const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << bits) - 1);
  NDArray r = host_array(s, DType::int64, [&](void* dst, std::size_t) {
    auto* out = static_cast<std::int64_t*>(dst);
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (left) {
        std::uint64_t v = (static_cast<std::uint64_t>(x[i]) << k[i]) & mask;
        if (d != DType::uint8 && bits < 64 && ((v >> (bits - 1)) & 1)) v |= ~mask;  // sign
        out[i] = static_cast<std::int64_t>(v);
      } else {
        out[i] = x[i] >> k[i];  // arithmetic for signed values; uint8 values are non-negative
      }
    }
  });
  return cast_to(r, d, kBinary);
}

Array cast(const Array& x, DType d) {
  if (empty(native(x))) return wrap(empty_array(x.shape(), d));
  return wrap(cast_to(native(x), d, "cast"));
}

bool gives_bool(UnaryOp op) {
  return op == UnaryOp::isnan || op == UnaryOp::isinf || op == UnaryOp::isfinite ||
         op == UnaryOp::signbit || op == UnaryOp::logical_not;
}

Array unary(UnaryOp op, const Array& x) {
  if (empty(native(x)))
    return wrap(empty_array(x.shape(), gives_bool(op) ? DType::bool_ : x.dtype()));
  return wrap(unary_op(op, native(x)));
}

// minimum/maximum: the first operand wins ties (so maximum(-0.0, 0.0) is -0.0) and NaN
// propagates. MXNet's _npi_maximum/_npi_minimum propagate NaN from either operand and return the
// second on ties, so the operands go in swapped; bfloat16's kernels drop a NaN first operand, so
// it runs in float32 (exact both ways); bool is refused, so it goes through uint8.
NDArray first_on_ties(const NDArray& x, const NDArray& y, DType d, bool is_max) {
  const char* name = is_max ? "_npi_maximum" : "_npi_minimum";
  if (d == DType::bfloat16 || d == DType::bool_) {
    const DType via = d == DType::bool_ ? DType::uint8 : DType::float32;
    return cast_to(op2(name, cast_to(y, via, kBinary), cast_to(x, via, kBinary)), d, kBinary);
  }
  return op2(name, y, x);
}

NDArray broadcast_native(const NDArray& x, const Shape& xs, const Shape& s) {
  if (xs == s) return x;
  return run("_npi_broadcast_to", kBinary, {x}, {{"shape", tuple(s)}});
}

// The derivative of minimum/maximum of same-shaped operands: to the winner, split evenly on
// ties, as ivy's tape and LibTorch do (docs/gradients.md); MXNet's own gives a tie wholly to
// one operand.
std::vector<NDArray> even_tie_cotangents(const NDArray& a, const NDArray& b, const NDArray& g,
                                         bool is_max) {
  const DType d = dtype_of(g);
  const NDArray zero = full_array(shape_of(g), d, Scalar(0));
  const NDArray half = op2("_npi_multiply", g, scalar(Scalar(0.5), d));
  const NDArray tie = op2("_npi_equal", a, b);
  const char* beats = is_max ? "_npi_greater" : "_npi_less";
  const NDArray on_tie = run("_npi_where", kBinary, {tie, half, zero});
  return {run("_npi_where", kBinary, {op2(beats, a, b), g, on_tie}),
          run("_npi_where", kBinary, {op2(beats, b, a), g, on_tie})};
}

Array binary(BinaryOp op, const Array& a, const Array& b) {
  const NDArray& x = native(a);
  const NDArray& y = native(b);
  // Each shape is read once (an MXNet call each).
  const Shape xs = shape_of(x), ys = shape_of(y);
  if (numel(xs) == 0 || numel(ys) == 0) {
    const Shape s = detail::broadcast_shapes(xs, ys, "binary", "mxnet");
    const bool to_bool = is_comparison(op) || is_logical(op);
    return wrap(empty_array(s, to_bool ? DType::bool_ : a.dtype()));
  }
  if (op == BinaryOp::floor_divide)
    return wrap(
        is_floating(a.dtype())
            ? floor_divide(x, y)
            : integer_floor_divide(a, b, detail::broadcast_shapes(xs, ys, "binary", "mxnet")));
  if (op == BinaryOp::minimum || op == BinaryOp::maximum) {
    const bool is_max = op == BinaryOp::maximum;
    const DType d = a.dtype();  // core has promoted both operands to it
    if (!is_floating(d) || (!recorded(x) && !recorded(y)))
      return wrap(first_on_ties(x, y, d, is_max));
    const Shape s = detail::broadcast_shapes(xs, ys, "binary", "mxnet");
    return wrap(with_derivative(
        {broadcast_native(x, xs, s), broadcast_native(y, ys, s)},
        [d, is_max](const std::vector<NDArray>& in) {
          return first_on_ties(in[0], in[1], d, is_max);
        },
        [is_max](const std::vector<NDArray>& in, const NDArray& g) {
          return even_tie_cotangents(in[0], in[1], g, is_max);
        }));
  }
  if (op == BinaryOp::left_shift || op == BinaryOp::right_shift)
    return wrap(shift(a, b, detail::broadcast_shapes(xs, ys, "binary", "mxnet"),
                      op == BinaryOp::left_shift));
  if (is_logical(op) && op != BinaryOp::logical_xor) {  // the bitwise operators refuse bool
    const NDArray r =
        op2(binary_name(op), cast_to(x, DType::uint8, kBinary), cast_to(y, DType::uint8, kBinary));
    return wrap(cast_to(r, DType::bool_, kBinary));
  }
  return wrap(op2(binary_name(op), x, y));
}

Array where(const Array& c, const Array& a, const Array& b) {
  if (empty(native(c)) || empty(native(a)) || empty(native(b))) {
    const Shape s =
        detail::broadcast_shapes(detail::broadcast_shapes(c.shape(), a.shape(), "where", "mxnet"),
                                 b.shape(), "where", "mxnet");
    return wrap(empty_array(s, a.dtype()));
  }
  return wrap(run("_npi_where", "where", {native(c), native(a), native(b)}));
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
