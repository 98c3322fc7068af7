// Bitwise functions and operators: ivy's bitwise functions under their Array API names.
#include <nanobind/stl/string.h>

#include "common.hpp"

namespace ivypy {

ivy::Array bitwise_binary(const ivy::Operand& a, const ivy::Operand& b, const std::string& op) {
  if (!a.is_array() && !b.is_array())
    throw nb::type_error(("ivycpp.bitwise_" + op + ": needs at least one array").c_str());
  if (op == "and") return ivy::bitwise_and(a, b);
  if (op == "or") return ivy::bitwise_or(a, b);
  if (op == "xor") return ivy::bitwise_xor(a, b);
  if (op == "left_shift") return ivy::bitwise_left_shift(a, b);
  if (op == "right_shift") return ivy::bitwise_right_shift(a, b);
  throw nb::value_error(("no bitwise operation " + op).c_str());
}

ivy::Array bitwise_invert(const ivy::Array& x) { return ivy::bitwise_invert(x); }

void bind_bitwise(nb::module_& m) {
  for (const char* op : {"and", "or", "xor", "left_shift", "right_shift"}) {
    const std::string name = std::string("bitwise_") + op;
    m.def(
        name.c_str(),
        [op = std::string(op), name](nb::handle a, nb::handle b) {
          return bitwise_binary(operand_or_throw(a, name.c_str()),
                                operand_or_throw(b, name.c_str()), op);
        },
        nb::arg("x1"), nb::arg("x2"));
  }
  m.def("bitwise_invert", &bitwise_invert, nb::arg("x"));
}

}  // namespace ivypy
