#pragma once
/// Operand: an argument that may be an Array or a host scalar (`ivy::add(x, 1.5)`).
#include <concepts>

#include "ivy/core/array.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy {

/** Refers to an Array (not copied: valid for the duration of the call) or holds a Scalar. */
class Operand {
 public:
  Operand(const Array& a) : array_(&a), scalar_(false) {}  // NOLINT(google-explicit-constructor)
  Operand(Scalar s) : scalar_(s) {}                        // NOLINT(google-explicit-constructor)
  template <class T>
  requires std::is_arithmetic_v<T> Operand(T v)
      : scalar_(Scalar(v)) {}  // NOLINT(google-explicit-constructor)

  bool is_array() const { return array_ != nullptr; }
  const Array& array() const { return *array_; }
  const Scalar& scalar() const { return scalar_; }

 private:
  const Array* array_ = nullptr;
  Scalar scalar_;
};

}  // namespace ivy
