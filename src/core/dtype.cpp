#include "ivy/core/dtype.hpp"

#include <string>

#include "ivy/core/errors.hpp"

namespace ivy {

namespace {
constexpr std::string_view kNames[kNumDTypes] = {"bool",    "int8",   "int16",   "int32",
                                                 "int64",   "uint8",  "float16", "bfloat16",
                                                 "float32", "float64"};
constexpr int kSizes[kNumDTypes] = {1, 1, 2, 4, 8, 1, 2, 2, 4, 8};

// Rank within a kind, used by the promotion rules below.
int int_bits(DType d) {
  switch (d) {
    case DType::int8:
    case DType::uint8:
      return 8;
    case DType::int16:
      return 16;
    case DType::int32:
      return 32;
    case DType::int64:
    case DType::bool_:  // not integers: the promotion rules ask only for integer dtypes
    case DType::float16:
    case DType::bfloat16:
    case DType::float32:
    case DType::float64:
      break;
  }
  return 64;
}
DType signed_int_of_bits(int bits) {
  switch (bits) {
    case 8:
      return DType::int8;
    case 16:
      return DType::int16;
    case 32:
      return DType::int32;
    default:
      return DType::int64;
  }
}
}  // namespace

std::string_view dtype_name(DType d) { return kNames[static_cast<int>(d)]; }

DType dtype_from_name(std::string_view name) {
  for (int i = 0; i < kNumDTypes; ++i)
    if (kNames[i] == name) return static_cast<DType>(i);
  detail::raise<DTypeError>("dtype_from_name", "core", "unknown dtype '" + std::string(name) + "'");
}

int itemsize(DType d) { return kSizes[static_cast<int>(d)]; }

DType promote_types(DType a, DType b) {
  if (a == b) return a;
  if (is_bool(a)) return b;
  if (is_bool(b)) return a;
  if (is_floating(a) && is_floating(b)) {
    if (a == DType::float64 || b == DType::float64) return DType::float64;
    // float16 with bfloat16 (neither holds the other) and anything with float32 give float32.
    return DType::float32;
  }
  if (is_floating(a)) return a;
  if (is_floating(b)) return b;
  // Both integers.
  if (is_unsigned(a) == is_unsigned(b)) return int_bits(a) >= int_bits(b) ? a : b;
  DType u = is_unsigned(a) ? a : b;
  DType s = is_unsigned(a) ? b : a;
  // uint8 with a signed type: the signed type if it is wider, else the next wider signed.
  return int_bits(s) > int_bits(u) ? s : signed_int_of_bits(int_bits(u) * 2);
}

}  // namespace ivy
