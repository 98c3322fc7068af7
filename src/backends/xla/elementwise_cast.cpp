// Casts. XLA's CPU code runs with flush-to-zero and denormals-are-zero, so stablehlo.convert
// between float32 and float64 loses subnormal numbers (1e-40f becomes 0). Those values are
// converted through their bits with integer arithmetic, which no flushing touches, inside the
// module (so a compiled function keeps them too); every other value goes through convert.
// Saturation and NaN of float -> integer casts are core's work (ops/conversion.cpp).
#include "backends/xla/elementwise.hpp"

namespace ivy::backends::xla_impl {
namespace {

constexpr double kFloat32SmallestNormal = 0x1p-126;
constexpr double kFloat32SmallestSubnormal = 0x1p-149;
constexpr std::int64_t kFloat32ExponentBits = 0x7F800000;
constexpr std::int64_t kFloat32MantissaBits = 0x007FFFFF;
constexpr std::int64_t kInt32SignBit = -2147483648LL;

// A float32 with a zero exponent field is its mantissa times 2^-149, a normal float64 (and
// mantissa 0 gives the signed zero).
Value float32_to_float64(Builder& b, const Value& x) {
  const Value bits = bits_of(b, x);
  const Value zero = constant_like(b, 0, bits);
  const Value exponent = b.binary("and", bits, constant_like(b, kFloat32ExponentBits, bits));
  const Value mantissa = b.binary("and", bits, constant_like(b, kFloat32MantissaBits, bits));
  Value tiny = b.binary("multiply", b.convert(mantissa, DType::float64),
                        b.constant(kFloat32SmallestSubnormal, DType::float64, x.shape));
  tiny = b.select(b.compare("LT", bits, zero), b.unary("negate", tiny), tiny);
  return b.select(b.compare("EQ", exponent, zero), tiny, b.convert(x, DType::float64));
}

// A float64 below float32's smallest normal in magnitude: its magnitude in units of 2^-149,
// rounded half to even, is the float32's bit pattern (a count of 2^23 is the smallest normal).
Value float64_to_float32(Builder& b, const Value& x) {
  const Value magnitude = b.unary("abs", x);
  const Value small =
      b.compare("LT", magnitude, constant_like(b, kFloat32SmallestNormal, magnitude));
  const Value units = b.unary(
      "round_nearest_even",
      b.binary("multiply", magnitude, constant_like(b, 1.0 / kFloat32SmallestSubnormal, x)));
  const Value count = b.convert(units, DType::int32);
  const Value sign =
      b.select(sign_bit(b, x), constant_like(b, kInt32SignBit, count), constant_like(b, 0, count));
  const Value tiny = bitcast(b, b.binary("or", count, sign), DType::float32);
  return b.select(small, tiny, b.convert(x, DType::float32));
}

}  // namespace

Value emit_cast(Builder& b, const Value& x, DType d) {
  // bfloat16 has float32's exponent range, so its subnormals are float32's: it goes to and
  // from float64 through float32 (so does XLA's own convert, and Eigen's bfloat16).
  const DType from = x.dtype == DType::bfloat16 ? DType::float32 : x.dtype;
  const DType to = d == DType::bfloat16 ? DType::float32 : d;
  if (from == DType::float32 && to == DType::float64)
    return float32_to_float64(b, b.convert(x, DType::float32));
  if (from == DType::float64 && to == DType::float32) return b.convert(float64_to_float32(b, x), d);
  return b.convert(x, d);
}

}  // namespace ivy::backends::xla_impl
