// Bitwise functions. ivy has no bitwise kernels, so on integers they run on the host (a copy
// out, a loop, a copy back) on every backend; on bool they are ivy's logical functions.
#include <nanobind/stl/string.h>

#include "common.hpp"

namespace ivypy {
namespace {

// Sign-extends (signed dtypes) or zero-extends (uint8) v to int64 after wrapping to d's width.
std::int64_t wrap_to(std::uint64_t v, ivy::DType d) {
  switch (d) {
    case ivy::DType::int8:
      return static_cast<std::int8_t>(v & 0xffu);
    case ivy::DType::int16:
      return static_cast<std::int16_t>(v & 0xffffu);
    case ivy::DType::int32:
      return static_cast<std::int32_t>(v & 0xffffffffu);
    case ivy::DType::uint8:
      return static_cast<std::int64_t>(v & 0xffu);
    default:
      return static_cast<std::int64_t>(v);
  }
}

std::int64_t apply(const std::string& op, std::int64_t a, std::int64_t b, ivy::DType d) {
  const auto ua = static_cast<std::uint64_t>(a);
  const auto ub = static_cast<std::uint64_t>(b);
  const int bits = 8 * ivy::itemsize(d);
  if (op == "and") return static_cast<std::int64_t>(ua & ub);
  if (op == "or") return static_cast<std::int64_t>(ua | ub);
  if (op == "xor") return static_cast<std::int64_t>(ua ^ ub);
  if (b < 0 || b >= bits) {  // numpy: everything shifted out
    return op == "right_shift" && a < 0 ? -1 : 0;
  }
  if (op == "left_shift") return wrap_to(ua << b, d);
  return a >> b;  // arithmetic shift of the sign-extended value
}

ivy::Array as_array(const ivy::Operand& o, const ivy::Operand& other) {
  if (o.is_array()) return o.array();
  const ivy::Array& ref = other.array();
  return ivy::full({}, o.scalar(), ivy::Options(ref.dtype()).on(ref.backend()));
}

void require_integer_or_bool(ivy::DType d, const std::string& op) {
  if (ivy::is_floating(d))
    throw ivy::DTypeError("ivycpp.bitwise_" + op + ": needs integer or bool arrays, not " +
                          std::string(ivy::dtype_name(d)));
}

}  // namespace

ivy::Array bitwise_binary(const ivy::Operand& a0, const ivy::Operand& b0, const std::string& op) {
  if (!a0.is_array() && !b0.is_array())
    throw nb::type_error("bitwise functions need at least one array");
  const ivy::Array a = as_array(a0, b0), b = as_array(b0, a0);
  const ivy::DType d = ivy::promote_types(a.dtype(), b.dtype());
  require_integer_or_bool(d, op);
  if (ivy::is_bool(d)) {
    if (op == "and") return ivy::logical_and(a, b);
    if (op == "or") return ivy::logical_or(a, b);
    if (op == "xor") return ivy::logical_xor(a, b);
    throw ivy::DTypeError("ivycpp.bitwise_" + op + ": needs integer arrays, not bool");
  }
  const ivy::Shape s =
      ivy::detail::broadcast_shapes(a.shape(), b.shape(), "bitwise_" + op, a.backend_name());
  const auto va = ivy::broadcast_to(ivy::cast(a, d), s).to_vector<std::int64_t>();
  const auto vb = ivy::broadcast_to(ivy::cast(b, d), s).to_vector<std::int64_t>();
  std::vector<std::int64_t> out(va.size());
  for (std::size_t k = 0; k < va.size(); ++k) out[k] = apply(op, va[k], vb[k], d);
  return ivy::array(out, s, ivy::Options(d).on(a.backend()).to(a.device()));
}

ivy::Array bitwise_invert(const ivy::Array& x) {
  require_integer_or_bool(x.dtype(), "invert");
  if (ivy::is_bool(x.dtype())) return ivy::logical_not(x);
  auto v = x.to_vector<std::int64_t>();
  for (auto& e : v) e = wrap_to(~static_cast<std::uint64_t>(e), x.dtype());
  return ivy::array(v, x.shape(), ivy::Options(x.dtype()).on(x.backend()).to(x.device()));
}

void bind_bitwise(nb::module_& m) {
  for (const char* op : {"and", "or", "xor", "left_shift", "right_shift"}) {
    const std::string name = std::string("bitwise_") + op;
    m.def(
        name.c_str(),
        [op = std::string(op)](nb::handle a, nb::handle b) {
          return bitwise_binary(operand_or_throw(a, "bitwise"), operand_or_throw(b, "bitwise"), op);
        },
        nb::arg("x1"), nb::arg("x2"));
  }
  m.def("bitwise_invert", &bitwise_invert, nb::arg("x"));
}

}  // namespace ivypy
