#pragma once
/// A host scalar of bool, integer or floating kind.
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <string>

#include "ivy/core/dtype.hpp"
#include "ivy/core/errors.hpp"

namespace ivy {

class Scalar {
 public:
  enum class Kind : std::uint8_t { boolean, integer, floating };

  Scalar(bool v) : kind_(Kind::boolean), i_(v), f_(v) {}  // NOLINT(google-explicit-constructor)
  template <std::integral T>
  requires(!std::same_as<T, bool>) Scalar(T v)
      : kind_(Kind::integer), i_(to_int64(v)), f_(static_cast<double>(v)) {}  // NOLINT
  template <std::floating_point T>
  Scalar(T v) : kind_(Kind::floating), i_(0), f_(static_cast<double>(v)) {}  // NOLINT

  Kind kind() const { return kind_; }
  double as_double() const { return f_; }
  std::int64_t as_int() const {
    return kind_ == Kind::floating ? static_cast<std::int64_t>(f_) : i_;
  }
  bool as_bool() const { return kind_ == Kind::floating ? f_ != 0.0 : i_ != 0; }

  /** The dtype this scalar has on its own (no array to take a dtype from). */
  DType natural_dtype() const {
    switch (kind_) {
      case Kind::boolean:
        return DType::bool_;
      case Kind::integer:
        return kDefaultInt;
      default:
        return kDefaultFloat;
    }
  }

 private:
  // Integers are held as int64: an unsigned value above its range is an error, not a wrap.
  template <std::integral T>
  static std::int64_t to_int64(T v) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
      if (v > static_cast<T>(std::numeric_limits<std::int64_t>::max()))
        detail::raise<ValueError>("Scalar", "core",
                                  std::to_string(v) + " does not fit a signed 64-bit integer");
    }
    return static_cast<std::int64_t>(v);
  }

  Kind kind_;
  std::int64_t i_;
  double f_;
};

}  // namespace ivy
