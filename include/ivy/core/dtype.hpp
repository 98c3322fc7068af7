#pragma once
/// Data types, their names and the type-promotion rules of the Array API standard.
#include <cstdint>
#include <string>
#include <string_view>

namespace ivy {

enum class DType : std::uint8_t {
  bool_,
  int8,
  int16,
  int32,
  int64,
  uint8,
  float16,
  bfloat16,
  float32,
  float64,
};
inline constexpr int kNumDTypes = 10;

inline constexpr DType bool_ = DType::bool_;
inline constexpr DType int8 = DType::int8;
inline constexpr DType int16 = DType::int16;
inline constexpr DType int32 = DType::int32;
inline constexpr DType int64 = DType::int64;
inline constexpr DType uint8 = DType::uint8;
inline constexpr DType float16 = DType::float16;
inline constexpr DType bfloat16 = DType::bfloat16;
inline constexpr DType float32 = DType::float32;
inline constexpr DType float64 = DType::float64;

/** All dtypes, in declaration order. */
inline constexpr DType kAllDTypes[kNumDTypes] = {bool_, int8,    int16,    int32,   int64,
                                                 uint8, float16, bfloat16, float32, float64};

/** The canonical name, e.g. "float32". */
std::string_view dtype_name(DType d);
/** Parses a canonical name; throws ivy::DTypeError for an unknown one. */
DType dtype_from_name(std::string_view name);
/** Size of one element in bytes. */
int itemsize(DType d);

constexpr bool is_bool(DType d) { return d == DType::bool_; }
constexpr bool is_floating(DType d) {
  return d == DType::float16 || d == DType::bfloat16 || d == DType::float32 || d == DType::float64;
}
constexpr bool is_integral(DType d) { return !is_bool(d) && !is_floating(d); }
constexpr bool is_unsigned(DType d) { return d == DType::uint8; }

/** The default dtypes of creation functions. */
inline constexpr DType kDefaultFloat = DType::float32;
inline constexpr DType kDefaultInt = DType::int64;

/**
 * Result dtype of a binary operation between arrays of dtypes a and b: the Array API 2023.12
 * table within a kind, plus the mixed-kind rules in docs/semantics.md (bool < integers <
 * floats; an integer meeting a float yields that float).
 */
DType promote_types(DType a, DType b);

}  // namespace ivy
