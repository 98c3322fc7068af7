#pragma once
// What the manipulation and indexing kernels share: dense array attributes, the block of a
// region (sort's comparator, scatter's combiner) and the integer order key of floats (XLA's CPU
// code compares floats with subnormals taken as zero: denormals-are-zero).
#include <string>
#include <utility>
#include <vector>

#include "backends/xla/hlo.hpp"

namespace ivy::backends::xla_impl {

/** "array<i64: 0, 2>", MLIR's dense array attribute ("array<i64>" when empty). */
inline std::string i64_array(const std::vector<std::int64_t>& values) {
  std::string s = "array<i64";
  for (std::size_t i = 0; i < values.size(); ++i)
    s += (i ? ", " : ": ") + std::to_string(values[i]);
  return s + ">";
}

/** Opens a region's block, "^bb0(%a: tensor<f32>, ...):", with one 0-d argument per dtype. */
inline std::vector<Value> block_arguments(Builder& b, const std::vector<DType>& dtypes) {
  std::vector<Value> args;
  std::string line = "^bb0(";
  for (std::size_t i = 0; i < dtypes.size(); ++i) {
    args.push_back(Value{b.fresh(), dtypes[i], {}});
    line += (i ? ", " : "") + args.back().name + ": " + tensor_type(dtypes[i], {});
  }
  b.line(line + "):");
  return args;
}

/** The signed integer type as wide as float dtype d, and the bits of +infinity in it. */
inline std::pair<DType, std::int64_t> float_bits(DType d) {
  switch (d) {
    case DType::float16:
      return {DType::int16, 0x7C00};
    case DType::bfloat16:
      return {DType::int16, 0x7F80};
    case DType::float32:
      return {DType::int32, 0x7F800000};
    default:
      return {DType::int64, 0x7FF0000000000000};
  }
}

/** The largest value of integer dtype d (int16, int32 or int64): the order key of NaN. */
inline std::int64_t largest_key(DType d) {
  return d == DType::int16 ? 0x7FFF : d == DType::int32 ? 0x7FFFFFFF : 0x7FFFFFFFFFFFFFFF;
}

/**
 * An integer in the order of float x, computed on its bits: +-magnitude (so -0 equals 0), every
 * NaN largest_key, above +infinity.
 */
inline Value order_key(Builder& b, const Value& x) {
  const auto [bits_type, infinity] = float_bits(x.dtype);
  const std::int64_t largest = largest_key(bits_type);
  const Shape& s = x.shape;
  const Value bits = b.op("stablehlo.bitcast_convert " + x.name + " : (" + tensor_type(x.dtype, s) +
                              ") -> " + tensor_type(bits_type, s),
                          bits_type, s);
  const Value magnitude = b.binary("and", bits, b.constant(Scalar(largest), bits_type, s));
  const Value negative = b.compare("LT", bits, b.constant(Scalar(0), bits_type, s));
  const Value key = b.select(negative, b.unary("negate", magnitude), magnitude);
  const Value nan = b.compare("GT", magnitude, b.constant(Scalar(infinity), bits_type, s));
  return b.select(nan, b.constant(Scalar(largest), bits_type, s), key);
}

}  // namespace ivy::backends::xla_impl
