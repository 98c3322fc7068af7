#pragma once
// Argument conversions the ivycpp.vision binding files share: arrays from ivycpp arrays or any
// DLPack producer, optional arrays from None, and (H, W) image sizes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "common.hpp"

namespace ivypy::vision_args {

inline ivy::Array as_array(nb::handle h, const char* fn) {
  if (nb::isinstance<ivy::Array>(h)) return nb::cast<const ivy::Array&>(h);
  return array_from_python(h, ivy::Options(), fn);
}
inline std::optional<ivy::Array> maybe_array(nb::handle h, const char* fn) {
  if (h.is_none()) return std::nullopt;
  return as_array(h, fn);
}
inline std::array<std::int64_t, 2> dims2(nb::handle h, const char* fn) {
  const ivy::Shape s = to_shape(h, fn);
  if (s.size() != 2) {
    ivy::detail::raise<ivy::ValueError>(
        std::string("vision::") + fn, "none",
        "image_dims must have two entries (H, W), got " + ivy::shape_str(s));
  }
  return {s[0], s[1]};
}

/** A Python float or int (a scalar Operand) or an array (as_array). */
inline ivy::Operand array_or_scalar(nb::handle h, const char* fn) {
  if (nb::isinstance<nb::float_>(h) ||
      (nb::isinstance<nb::int_>(h) && !nb::isinstance<nb::bool_>(h)))
    return ivy::Operand(nb::cast<double>(h));
  return as_array(h, fn);
}

}  // namespace ivypy::vision_args
