#include "ivy/container/leaf.hpp"

#include <array>
#include <charconv>
#include <string>

#include "ivy/core/errors.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/conversion.hpp"

namespace ivy {

namespace {
// The shortest text that reads back as the same double ("0.1", not "0.10000000000000001").
std::string shortest(double v) {
  std::array<char, 32> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return std::string(buf.data(), res.ptr);
}

std::string scalar_string(const Scalar& s) {
  switch (s.kind()) {
    case Scalar::Kind::boolean:
      return std::string("Scalar(bool, ") + (s.as_bool() ? "true" : "false") + ")";
    case Scalar::Kind::integer:
      return "Scalar(int, " + std::to_string(s.as_int()) + ")";
    case Scalar::Kind::floating:
      break;
  }
  return "Scalar(float, " + shortest(s.as_double()) + ")";
}
}  // namespace

const Array& Leaf::array() const {
  if (!is_array())
    detail::raise<ValueError>("Leaf::array", "core", "the leaf holds a scalar, not an Array");
  return std::get<Array>(value_);
}

const Scalar& Leaf::scalar() const {
  if (!is_scalar())
    detail::raise<ValueError>("Leaf::scalar", "core", "the leaf holds an Array, not a scalar");
  return std::get<Scalar>(value_);
}

Operand Leaf::operand() const {
  return is_array() ? Operand(std::get<Array>(value_)) : Operand(std::get<Scalar>(value_));
}

std::string Leaf::to_string() const {
  if (is_scalar()) return scalar_string(std::get<Scalar>(value_));
  const Array& a = std::get<Array>(value_);
  if (!a.defined()) return "Array(undefined)";
  return "Array(shape=" + shape_str(a.shape()) + ", dtype=" + std::string(dtype_name(a.dtype())) +
         ", backend=" + std::string(a.backend_name()) + ", device=" + a.device().str() + ")";
}

}  // namespace ivy
