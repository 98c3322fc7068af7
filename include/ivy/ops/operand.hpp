#pragma once
/// Operand: an argument that may be an Array or a host scalar (`ivy::add(x, 1.5)`).
#include <concepts>
#include <utility>

#include "ivy/core/array.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy {

/**
 * Refers to an lvalue Array without copying it (the common case: no refcount traffic), owns a
 * temporary one (moved in, so an Operand built from a temporary stays valid), or holds a Scalar.
 */
class Operand {
 public:
  Operand(const Array& a) : array_(&a), scalar_(false) {}  // NOLINT(google-explicit-constructor)
  Operand(Array&& a)                                       // NOLINT(google-explicit-constructor)
      : owned_(std::move(a)), array_(&owned_), scalar_(false) {}
  Operand(Scalar s) : scalar_(s) {}  // NOLINT(google-explicit-constructor)
  template <class T>
  requires std::is_arithmetic_v<T> Operand(T v)
      : scalar_(Scalar(v)) {}  // NOLINT(google-explicit-constructor)

  Operand(const Operand& o)
      : owned_(o.owned_), array_(o.points_to_own() ? &owned_ : o.array_), scalar_(o.scalar_) {}
  Operand& operator=(const Operand& o) {
    owned_ = o.owned_;
    array_ = o.points_to_own() ? &owned_ : o.array_;
    scalar_ = o.scalar_;
    return *this;
  }

  bool is_array() const { return array_ != nullptr; }
  const Array& array() const { return *array_; }
  const Scalar& scalar() const { return scalar_; }

 private:
  bool points_to_own() const { return array_ == &owned_; }

  Array owned_;
  const Array* array_ = nullptr;
  Scalar scalar_;
};

}  // namespace ivy
