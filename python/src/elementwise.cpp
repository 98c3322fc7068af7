// Element-wise functions: ivy's unary and binary functions under their Array API names, with
// Python scalars accepted wherever the standard allows them.
#include "common.hpp"

namespace ivypy {

void bind_elementwise(nb::module_& m) {
#define IVY_PY_UNARY(name) \
  m.def(                   \
      #name, [](const ivy::Array& x) { return ivy::name(x); }, nb::arg("x"));
  IVY_UNARY_MATH_KERNELS(IVY_PY_UNARY)
#undef IVY_PY_UNARY
#define IVY_PY_BINARY(name)                                                       \
  m.def(                                                                          \
      #name,                                                                      \
      [](nb::handle a, nb::handle b) {                                            \
        return ivy::name(operand_or_throw(a, #name), operand_or_throw(b, #name)); \
      },                                                                          \
      nb::arg("x1"), nb::arg("x2"));
  IVY_BINARY_MATH_KERNELS(IVY_PY_BINARY)
  IVY_PY_BINARY(hypot)
  IVY_PY_BINARY(logaddexp)
#undef IVY_PY_BINARY
  m.def(
      "clip",
      [](const ivy::Array& x, nb::handle lo, nb::handle hi) {
        // Either bound may be None (the standard); ivy::clip keeps x's shape and dtype then too.
        auto bound = [](nb::handle h) -> std::optional<ivy::Operand> {
          if (h.is_none()) return std::nullopt;
          return operand_or_throw(h, "clip");
        };
        return ivy::clip(x, bound(lo), bound(hi));
      },
      nb::arg("x"), nb::arg("min").none() = nb::none(), nb::arg("max").none() = nb::none());
  m.def(
      "where",
      [](const ivy::Array& cond, nb::handle a, nb::handle b) {
        return ivy::where(cond, operand_or_throw(a, "where"), operand_or_throw(b, "where"));
      },
      nb::arg("condition"), nb::arg("x1"), nb::arg("x2"));
  m.def(
      "floormod",
      [](nb::handle a, nb::handle b) {
        return ivy::floormod(operand_or_throw(a, "floormod"), operand_or_throw(b, "floormod"));
      },
      nb::arg("x1"), nb::arg("x2"));
}

}  // namespace ivypy
