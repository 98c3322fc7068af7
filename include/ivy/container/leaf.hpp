#pragma once
/// ivy::Leaf: what a Container holds at the end of a key chain, an Array or a host Scalar.
#include <string>
#include <type_traits>
#include <variant>

#include "ivy/core/array.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy {

class Leaf {
 public:
  Leaf(Array a) : value_(std::move(a)) {}  // NOLINT(google-explicit-constructor)
  Leaf(Scalar s) : value_(s) {}            // NOLINT(google-explicit-constructor)
  template <class T>
  requires std::is_arithmetic_v<T> Leaf(T v) : value_(Scalar(v)) {}  // NOLINT

  bool is_array() const { return std::holds_alternative<Array>(value_); }
  bool is_scalar() const { return std::holds_alternative<Scalar>(value_); }
  /** The Array; a ValueError naming Leaf::array for a scalar leaf. */
  const Array& array() const;
  /** The Scalar; a ValueError naming Leaf::scalar for an array leaf. */
  const Scalar& scalar() const;
  /** The leaf as an argument of a unified function (`ivy::add(leaf.operand(), 1)`). */
  Operand operand() const;
  /**
   * "Array(shape=[2,3], dtype=float32, backend=torch, device=cpu)" for an array (no values),
   * "Scalar(float, 0.5)", "Scalar(int, 3)" or "Scalar(bool, true)" for a scalar.
   */
  std::string to_string() const;

 private:
  std::variant<Array, Scalar> value_;
};

}  // namespace ivy
