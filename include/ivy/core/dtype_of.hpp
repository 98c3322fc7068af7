#pragma once
/// The DType of a C++ element type.
#include <cstdint>
#include <type_traits>

#include "ivy/core/dtype.hpp"

namespace ivy {

template <class T>
struct dtype_of;
template <>
struct dtype_of<bool> {
  static constexpr DType value = DType::bool_;
};
template <>
struct dtype_of<std::int8_t> {
  static constexpr DType value = DType::int8;
};
template <>
struct dtype_of<std::int16_t> {
  static constexpr DType value = DType::int16;
};
template <>
struct dtype_of<std::int32_t> {
  static constexpr DType value = DType::int32;
};
template <>
struct dtype_of<std::int64_t> {
  static constexpr DType value = DType::int64;
};
template <>
struct dtype_of<std::uint8_t> {
  static constexpr DType value = DType::uint8;
};
template <>
struct dtype_of<float> {
  static constexpr DType value = DType::float32;
};
template <>
struct dtype_of<double> {
  static constexpr DType value = DType::float64;
};
template <class T>
inline constexpr DType dtype_of_v = dtype_of<T>::value;

/** Element types that have a DType. */
template <class T>
concept Element = requires {
  dtype_of<std::remove_cv_t<T>>::value;
};

}  // namespace ivy
