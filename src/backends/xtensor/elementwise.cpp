#include <cmath>
#include <limits>

#include "backends/xtensor/broadcast_loop.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// Integer arithmetic wraps modulo 2^bits (as LibTorch does) instead of overflowing, which
// would be undefined behaviour in C++.
template <class T>
T wrap_int(std::uint64_t v) {
  return static_cast<T>(v);
}

template <class To, class From>
To convert(From v) {
  if constexpr (std::is_same_v<To, bool>) {
    return v != From(0);
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    // Out-of-range and NaN conversions are unspecified in ivy; here they are clamped, never UB.
    if (std::isnan(v)) return To(0);
    const double lo = static_cast<double>(std::numeric_limits<To>::lowest());
    const double hi = static_cast<double>(std::numeric_limits<To>::max());
    const double c = std::trunc(static_cast<double>(v));
    if (c <= lo) return std::numeric_limits<To>::lowest();
    if (c >= hi) return std::numeric_limits<To>::max();
    return static_cast<To>(c);
  } else {
    return static_cast<To>(v);
  }
}

Array cast(const Array& x, DType d) {
  return visit(x, [&](const auto& a) {
    return visit_dtype(d, [&](auto tag) {
      using To = typename decltype(tag)::type;
      auto out = xt::xarray<To>::from_shape(a.shape());
      for (std::size_t i = 0; i < a.size(); ++i) out.data()[i] = convert<To>(a.data()[i]);
      return wrap(std::move(out));
    });
  });
}

template <class R, class T, class F>
Array map(const xt::xarray<T>& a, F f) {
  auto out = xt::xarray<R>::from_shape(a.shape());
  for (std::size_t i = 0; i < a.size(); ++i) out.data()[i] = f(a.data()[i]);
  return wrap(std::move(out));
}

template <class T>
T stable_sigmoid(T v) {
  if (v >= 0) return T(1) / (T(1) + std::exp(-v));
  const T e = std::exp(v);
  return e / (T(1) + e);
}

template <class T>
Array float_unary(UnaryOp op, const xt::xarray<T>& a) {
  switch (op) {
    case UnaryOp::abs:
      return map<T>(a, [](T v) { return std::abs(v); });
    case UnaryOp::negative:
      return map<T>(a, [](T v) { return -v; });
    case UnaryOp::sign:
      return map<T>(a, [](T v) { return std::isnan(v) ? v : T((v > 0) - (v < 0)); });
    case UnaryOp::square:
      return map<T>(a, [](T v) { return v * v; });
    case UnaryOp::sqrt:
      return map<T>(a, [](T v) { return std::sqrt(v); });
    case UnaryOp::exp:
      return map<T>(a, [](T v) { return std::exp(v); });
    case UnaryOp::expm1:
      return map<T>(a, [](T v) { return std::expm1(v); });
    case UnaryOp::log:
      return map<T>(a, [](T v) { return std::log(v); });
    case UnaryOp::log1p:
      return map<T>(a, [](T v) { return std::log1p(v); });
    case UnaryOp::log2:
      return map<T>(a, [](T v) { return std::log2(v); });
    case UnaryOp::log10:
      return map<T>(a, [](T v) { return std::log10(v); });
    case UnaryOp::sin:
      return map<T>(a, [](T v) { return std::sin(v); });
    case UnaryOp::cos:
      return map<T>(a, [](T v) { return std::cos(v); });
    case UnaryOp::tan:
      return map<T>(a, [](T v) { return std::tan(v); });
    case UnaryOp::asin:
      return map<T>(a, [](T v) { return std::asin(v); });
    case UnaryOp::acos:
      return map<T>(a, [](T v) { return std::acos(v); });
    case UnaryOp::atan:
      return map<T>(a, [](T v) { return std::atan(v); });
    case UnaryOp::sinh:
      return map<T>(a, [](T v) { return std::sinh(v); });
    case UnaryOp::cosh:
      return map<T>(a, [](T v) { return std::cosh(v); });
    case UnaryOp::tanh:
      return map<T>(a, [](T v) { return std::tanh(v); });
    case UnaryOp::asinh:
      return map<T>(a, [](T v) { return std::asinh(v); });
    case UnaryOp::acosh:
      return map<T>(a, [](T v) { return std::acosh(v); });
    case UnaryOp::atanh:
      return map<T>(a, [](T v) { return std::atanh(v); });
    case UnaryOp::floor:
      return map<T>(a, [](T v) { return std::floor(v); });
    case UnaryOp::ceil:
      return map<T>(a, [](T v) { return std::ceil(v); });
    case UnaryOp::round:
      return map<T>(a, [](T v) { return std::nearbyint(v); });  // ties to even
    case UnaryOp::trunc:
      return map<T>(a, [](T v) { return std::trunc(v); });
    case UnaryOp::erf:
      return map<T>(a, [](T v) { return std::erf(v); });
    case UnaryOp::sigmoid:
      return map<T>(a, [](T v) { return stable_sigmoid(v); });
    case UnaryOp::isnan:
      return map<bool>(a, [](T v) { return std::isnan(v); });
    case UnaryOp::isinf:
      return map<bool>(a, [](T v) { return std::isinf(v); });
    case UnaryOp::isfinite:
      return map<bool>(a, [](T v) { return std::isfinite(v); });
    case UnaryOp::signbit:
      return map<bool>(a, [](T v) { return std::signbit(v); });
    case UnaryOp::logical_not:     // core casts to bool first
    case UnaryOp::bitwise_invert:  // core refuses floats
      break;
  }
  detail::raise<UnsupportedError>("unary", "xtensor", "no float kernel for this op");
}

template <class T>
Array numeric_unary(UnaryOp op, const xt::xarray<T>& a) {
  if constexpr (std::is_floating_point_v<T>) {
    return float_unary(op, a);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (op == UnaryOp::logical_not) return map<bool>(a, [](bool v) { return !v; });
  } else {
    using U = std::uint64_t;
    switch (op) {
      case UnaryOp::abs:
        return map<T>(a, [](T v) { return v < 0 ? wrap_int<T>(U(0) - U(v)) : v; });
      case UnaryOp::negative:
        return map<T>(a, [](T v) { return wrap_int<T>(U(0) - U(v)); });
      case UnaryOp::sign:
        return map<T>(a, [](T v) { return T((v > 0) - (v < 0)); });
      case UnaryOp::square:
        return map<T>(a, [](T v) { return wrap_int<T>(U(v) * U(v)); });
      case UnaryOp::logical_not:
        return map<bool>(a, [](T v) { return !v; });
      case UnaryOp::bitwise_invert:
        return map<T>(a, [](T v) { return wrap_int<T>(~U(v)); });
        IVY_UNARY_FLOAT_KERNELS(IVY_UNARY_OP_CASE)  // core casts integers to float first
        break;
    }
  }
  detail::raise<UnsupportedError>("unary", "xtensor", "no integer kernel for this op");
}

Array unary(UnaryOp op, const Array& x) {
  return visit(x, [&](const auto& a) { return numeric_unary(op, a); });
}

template <class T>
T int_pow(T base, T exp) {
  std::uint64_t result = 1, b = static_cast<std::uint64_t>(base);
  for (std::uint64_t e = static_cast<std::uint64_t>(exp); e; e >>= 1) {
    if (e & 1) result *= b;
    b *= b;
  }
  return wrap_int<T>(result);
}

template <class T>
T floor_div(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    // NumPy's (and LibTorch's) algorithm: from fmod, so that 1.0 // 0.1 is 9, not floor(10.0).
    if (b == 0) return a / b;
    const T mod = std::fmod(a, b);
    T div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= T(1);
    if (div == 0) return std::copysign(T(0), a / b);
    T floored = std::floor(div);
    if (div - floored > T(0.5)) floored += T(1);
    return floored;
  } else {
    if constexpr (std::is_signed_v<T>) {
      if (b == T(-1)) return wrap_int<T>(std::uint64_t(0) - std::uint64_t(a));
    }
    T q = static_cast<T>(a / b);
    if ((a % b != 0) && ((a < 0) != (b < 0))) q = static_cast<T>(q - 1);
    return q;
  }
}

template <class T>
T floor_mod(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    T r = std::fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
  } else {
    if constexpr (std::is_signed_v<T>) {
      if (b == T(-1)) return T(0);
    }
    T r = static_cast<T>(a % b);
    if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
    return r;
  }
}

// Counts are in [0, bits of T) (core's contract). Left shifts run on the unsigned value, so
// they wrap instead of overflowing; >> of a negative signed value is arithmetic in C++20.
template <class T>
Array integer_bitwise(BinaryOp op, const xt::xarray<T>& a, const xt::xarray<T>& b) {
  using U = std::uint64_t;
  switch (op) {
    case BinaryOp::bitwise_and:
      return wrap(broadcast_map<T>([](T x, T y) { return T(x & y); }, a, b));
    case BinaryOp::bitwise_or:
      return wrap(broadcast_map<T>([](T x, T y) { return T(x | y); }, a, b));
    case BinaryOp::bitwise_xor:
      return wrap(broadcast_map<T>([](T x, T y) { return T(x ^ y); }, a, b));
    case BinaryOp::left_shift:
      return wrap(broadcast_map<T>([](T x, T y) { return wrap_int<T>(U(x) << U(y)); }, a, b));
    case BinaryOp::right_shift:
      return wrap(broadcast_map<T>([](T x, T y) { return T(x >> y); }, a, b));
      IVY_BINARY_MATH_KERNELS(IVY_BINARY_OP_CASE)  // binary_typed's
      break;
  }
  detail::raise<UnsupportedError>("binary", "xtensor", "no integer kernel for this op");
}

template <class T>
Array binary_typed(BinaryOp op, const xt::xarray<T>& a, const xt::xarray<T>& b) {
  using U = std::uint64_t;
  constexpr bool F = std::is_floating_point_v<T>;
  switch (op) {
    case BinaryOp::add:
      if constexpr (F)
        return wrap(broadcast_map<T>([](T x, T y) { return x + y; }, a, b));
      else
        return wrap(broadcast_map<T>([](T x, T y) { return wrap_int<T>(U(x) + U(y)); }, a, b));
    case BinaryOp::subtract:
      if constexpr (F)
        return wrap(broadcast_map<T>([](T x, T y) { return x - y; }, a, b));
      else
        return wrap(broadcast_map<T>([](T x, T y) { return wrap_int<T>(U(x) - U(y)); }, a, b));
    case BinaryOp::multiply:
      if constexpr (F)
        return wrap(broadcast_map<T>([](T x, T y) { return x * y; }, a, b));
      else
        return wrap(broadcast_map<T>([](T x, T y) { return wrap_int<T>(U(x) * U(y)); }, a, b));
    case BinaryOp::divide:
      if constexpr (F) return wrap(broadcast_map<T>([](T x, T y) { return x / y; }, a, b));
      break;
    case BinaryOp::pow:
      if constexpr (F)
        return wrap(broadcast_map<T>([](T x, T y) { return std::pow(x, y); }, a, b));
      else
        return wrap(broadcast_map<T>([](T x, T y) { return int_pow(x, y); }, a, b));
    case BinaryOp::floor_divide:
      return wrap(broadcast_map<T>([](T x, T y) { return floor_div(x, y); }, a, b));
    case BinaryOp::remainder:
      return wrap(broadcast_map<T>([](T x, T y) { return floor_mod(x, y); }, a, b));
    case BinaryOp::minimum:
      return wrap(broadcast_map<T>([](T x, T y) { return (x <= y || x != x) ? x : y; }, a, b));
    case BinaryOp::maximum:
      // NaN propagates (x != x only for NaN), in a form the compiler can vectorise.
      return wrap(broadcast_map<T>([](T x, T y) { return (x >= y || x != x) ? x : y; }, a, b));
    case BinaryOp::atan2:
      if constexpr (F)
        return wrap(broadcast_map<T>([](T x, T y) { return std::atan2(x, y); }, a, b));
      break;
    case BinaryOp::equal:
      return wrap(broadcast_map<bool>([](T x, T y) { return x == y; }, a, b));
    case BinaryOp::not_equal:
      return wrap(broadcast_map<bool>([](T x, T y) { return x != y; }, a, b));
    case BinaryOp::less:
      return wrap(broadcast_map<bool>([](T x, T y) { return x < y; }, a, b));
    case BinaryOp::less_equal:
      return wrap(broadcast_map<bool>([](T x, T y) { return x <= y; }, a, b));
    case BinaryOp::greater:
      return wrap(broadcast_map<bool>([](T x, T y) { return x > y; }, a, b));
    case BinaryOp::greater_equal:
      return wrap(broadcast_map<bool>([](T x, T y) { return x >= y; }, a, b));
    case BinaryOp::logical_and:
      return wrap(broadcast_map<bool>([](T x, T y) { return bool(x) && bool(y); }, a, b));
    case BinaryOp::logical_or:
      return wrap(broadcast_map<bool>([](T x, T y) { return bool(x) || bool(y); }, a, b));
    case BinaryOp::logical_xor:
      return wrap(broadcast_map<bool>([](T x, T y) { return bool(x) != bool(y); }, a, b));
      IVY_BITWISE_BINARY_KERNELS(IVY_BINARY_OP_CASE)
      if constexpr (!F) return integer_bitwise(op, a, b);
      break;
  }
  detail::raise<UnsupportedError>("binary", "xtensor", "no kernel for this dtype");
}

Array binary(BinaryOp op, const Array& a, const Array& b) {
  return visit(a, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (std::is_same_v<T, bool>) {
      // Only comparisons and logical functions reach bool arrays.
      const auto& xb = get<bool>(b);
      if (is_comparison(op) || is_logical(op)) {
        auto ia = xt::xarray<std::uint8_t>::from_shape(xa.shape());
        auto ib = xt::xarray<std::uint8_t>::from_shape(xb.shape());
        std::copy(xa.begin(), xa.end(), ia.begin());
        std::copy(xb.begin(), xb.end(), ib.begin());
        return binary_typed(op, ia, ib);
      }
      detail::raise<UnsupportedError>("binary", "xtensor", "no bool kernel for this op");
    } else {
      return binary_typed(op, xa, get<T>(b));
    }
  });
}

Array where(const Array& c, const Array& a, const Array& b) {
  const auto& cond = get<bool>(c);
  return visit(a, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    return wrap(broadcast_map<T>([](bool k, T x, T y) { return k ? x : y; }, cond, xa, get<T>(b)));
  });
}

}  // namespace

const ElementwiseKernels& elementwise_kernels() {
  static const ElementwiseKernels k{cast, unary, binary, where};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
