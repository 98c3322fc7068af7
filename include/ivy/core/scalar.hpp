#pragma once
/// A host scalar of bool, integer or floating kind.
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>

#include "ivy/core/dtype.hpp"

namespace ivy {

class Scalar {
 public:
  enum class Kind : std::uint8_t { boolean, integer, floating };

  Scalar(bool v) : kind_(Kind::boolean), i_(v), f_(v) {}  // NOLINT(google-explicit-constructor)
  template <std::integral T>
  requires(!std::same_as<T, bool>) Scalar(T v)
      : kind_(Kind::integer),
        i_(static_cast<std::int64_t>(v)),
        f_(static_cast<double>(v)) {}  // NOLINT
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
  Kind kind_;
  std::int64_t i_;
  double f_;
};

}  // namespace ivy
