// The array type: ivycpp.Array wraps an ivy::Array (a refcounted handle, so no data copies).
#include <nanobind/stl/string.h>

#include <cmath>
#include <cstdint>

#include "common.hpp"

namespace ivypy {
namespace {

using Fn = ivy::Array (*)(const ivy::Operand&, const ivy::Operand&);

// a <op> b, or NotImplemented so that Python tries the other operand's reflected method (and,
// NumPy deferring through __array_ufunc__ = None, a NumPy array operand is a TypeError).
template <Fn F>
nb::object forward(const ivy::Array& a, nb::handle b) {
  auto op = to_operand(b, "Array operator");
  if (!op) return nb::borrow(Py_NotImplemented);
  return nb::cast(F(a, *op));
}
template <Fn F>
nb::object reflected(const ivy::Array& a, nb::handle b) {
  auto op = to_operand(b, "Array operator");
  if (!op) return nb::borrow(Py_NotImplemented);
  return nb::cast(F(*op, a));
}

// Adapters with a single signature (ivy's functions are declared through macros).
#define IVY_PY_BINARY(name) \
  ivy::Array name##_(const ivy::Operand& a, const ivy::Operand& b) { return ivy::name(a, b); }
IVY_PY_BINARY(add)
IVY_PY_BINARY(subtract)
IVY_PY_BINARY(multiply)
IVY_PY_BINARY(divide)
IVY_PY_BINARY(floor_divide)
IVY_PY_BINARY(remainder)
IVY_PY_BINARY(pow)
IVY_PY_BINARY(equal)
IVY_PY_BINARY(not_equal)
IVY_PY_BINARY(less)
IVY_PY_BINARY(less_equal)
IVY_PY_BINARY(greater)
IVY_PY_BINARY(greater_equal)
#undef IVY_PY_BINARY
ivy::Array and_(const ivy::Operand& a, const ivy::Operand& b) {
  return bitwise_binary(a, b, "and");
}
ivy::Array or_(const ivy::Operand& a, const ivy::Operand& b) { return bitwise_binary(a, b, "or"); }
ivy::Array xor_(const ivy::Operand& a, const ivy::Operand& b) {
  return bitwise_binary(a, b, "xor");
}
ivy::Array lshift_(const ivy::Operand& a, const ivy::Operand& b) {
  return bitwise_binary(a, b, "left_shift");
}
ivy::Array rshift_(const ivy::Operand& a, const ivy::Operand& b) {
  return bitwise_binary(a, b, "right_shift");
}

nb::tuple shape_tuple(const ivy::Array& x) {
  const ivy::Shape s = x.shape();
  nb::list l;
  for (auto d : s) l.append(d);
  return nb::tuple(l);
}

void require_size_one(const ivy::Array& x, const char* what) {
  if (x.size() != 1)
    throw nb::type_error((std::string("only arrays of one element convert to Python ") + what +
                          ", this one has " + std::to_string(x.size()))
                             .c_str());
}

// x's elements as Python scalars (bool, int or float by x's dtype), in row-major order.
nb::list python_scalars(const ivy::Array& x) {
  nb::list out;
  if (ivy::is_bool(x.dtype())) {
    for (bool v : x.to_vector<bool>()) out.append(nb::bool_(v));
  } else if (ivy::is_floating(x.dtype())) {
    for (double v : x.to_vector<double>()) out.append(nb::float_(v));
  } else {
    for (std::int64_t v : x.to_vector<std::int64_t>()) out.append(nb::int_(v));
  }
  return out;
}

nb::object nested(const nb::list& flat, const ivy::Shape& shape, std::size_t dim,
                  std::size_t& next) {
  if (dim == shape.size()) return flat[next++];
  nb::list l;
  for (std::int64_t i = 0; i < shape[dim]; ++i) l.append(nested(flat, shape, dim + 1, next));
  return l;
}

// As NumPy's ndarray.tolist: nested lists of Python scalars, a Python scalar for a 0-d array.
nb::object to_list(const ivy::Array& x) {
  std::size_t next = 0;
  return nested(python_scalars(x), x.shape(), 0, next);
}

}  // namespace

#define IVY_PY_OP(py, fn) .def("__" #py "__", &forward<fn>).def("__r" #py "__", &reflected<fn>)

void bind_array(nb::module_& m) {
  auto cls = nb::class_<ivy::Array>(m, "Array", "An array of any ivy backend (Array API 2023.12).");
  cls.def_prop_ro("shape", &shape_tuple)
      .def_prop_ro("dtype", [](const ivy::Array& x) { return x.dtype(); })
      .def_prop_ro("device", [](const ivy::Array& x) { return x.device(); })
      .def_prop_ro("ndim", [](const ivy::Array& x) { return x.ndim(); })
      .def_prop_ro("size", [](const ivy::Array& x) { return x.size(); })
      .def_prop_ro("backend", [](const ivy::Array& x) { return std::string(x.backend_name()); })
      .def_prop_ro("T",
                   [](const ivy::Array& x) {
                     if (x.ndim() != 2)
                       throw nb::value_error("x.T needs a 2-D array; use permute_dims or mT");
                     return ivy::transpose(x);
                   })
      .def_prop_ro("mT", [](const ivy::Array& x) { return ivy::swapaxes(x, -1, -2); })
      .def(
          "__array_namespace__",
          [](const ivy::Array&, nb::handle api_version) {
            if (!api_version.is_none() &&
                to_str(api_version, "Array.__array_namespace__", "api_version") != "2023.12")
              throw nb::value_error("ivycpp implements the Array API 2023.12 only");
            return nb::module_::import_("ivycpp");
          },
          nb::kw_only(), nb::arg("api_version").none() = nb::none())
      .def(
          "to_device",
          [](const ivy::Array& x, nb::handle device, nb::handle) {
            if (device.is_none()) type_error("Array.to_device", "device", "a device", device);
            return ivy::to_device(x, *to_device(device, "Array.to_device"));
          },
          nb::arg("device"), nb::kw_only(), nb::arg("stream").none() = nb::none())
      .def("__len__",
           [](const ivy::Array& x) {
             if (x.ndim() == 0) throw nb::type_error("len() of a 0-d array");
             return x.dim(0);
           })
      .def("__bool__",
           [](const ivy::Array& x) {
             require_size_one(x, "bool");
             return x.item<bool>();
           })
      .def("__int__",
           [](const ivy::Array& x) {
             require_size_one(x, "int");
             if (ivy::is_floating(x.dtype())) {
               const double v = x.item<double>();
               if (!std::isfinite(v)) throw nb::value_error("cannot convert nan or inf to int");
               return nb::steal(PyLong_FromDouble(v));
             }
             return nb::cast(x.item<std::int64_t>());
           })
      .def("__index__",
           [](const ivy::Array& x) {
             // As NumPy: only a 0-d integer array is an integer; a [1, 1] array used as one
             // would make "s" * x repeat a string (or x * "s" try to, 2^63 times).
             if (!ivy::is_integral(x.dtype()) || x.ndim() != 0)
               throw nb::type_error(
                   ("ivycpp.Array.__index__: only a 0-d integer array is an integer, got " +
                    std::string(ivy::dtype_name(x.dtype())) + " of shape " +
                    ivy::shape_str(x.shape()))
                       .c_str());
             return x.item<std::int64_t>();
           })
      .def("__float__",
           [](const ivy::Array& x) {
             require_size_one(x, "float");
             return x.item<double>();
           })
      .def("tolist", &to_list, "The elements as nested lists of Python scalars (NumPy's tolist).")
      .def(
          "item",
          [](const ivy::Array& x) {
            require_size_one(x, "item");
            const nb::list values = python_scalars(x);
            return nb::object(values[0]);
          },
          "The one element as a Python scalar (bool, int or float).")
      .def("__repr__", [](const ivy::Array& x) { return x.to_string(); })
      .def("__neg__", [](const ivy::Array& x) { return ivy::negative(x); })
      .def("__pos__", [](const ivy::Array& x) { return x; })
      .def("__abs__", [](const ivy::Array& x) { return ivy::abs(x); })
      .def("__invert__", &bitwise_invert)
      .def("__matmul__", [](const ivy::Array& a, const ivy::Array& b) { return ivy::matmul(a, b); })
      .def("__rmatmul__",
           [](const ivy::Array& a, const ivy::Array& b) { return ivy::matmul(b, a); })
          IVY_PY_OP(add, add_) IVY_PY_OP(sub, subtract_) IVY_PY_OP(mul, multiply_)
              IVY_PY_OP(truediv, divide_) IVY_PY_OP(floordiv, floor_divide_)
                  IVY_PY_OP(mod, remainder_) IVY_PY_OP(pow, pow_) IVY_PY_OP(and, and_)
                      IVY_PY_OP(or, or_) IVY_PY_OP(xor, xor_) IVY_PY_OP(lshift, lshift_)
                          IVY_PY_OP(rshift, rshift_)
      .def("__eq__", &forward<equal_>)
      .def("__ne__", &forward<not_equal_>)
      .def("__lt__", &forward<less_>)
      .def("__le__", &forward<less_equal_>)
      .def("__gt__", &forward<greater_>)
      .def("__ge__", &forward<greater_equal_>);
  cls.attr("__hash__") = nb::none();
  // NumPy defers to us instead of treating an Array as an object scalar: np.ones(2) + x and
  // x + np.ones(2) are a TypeError (convert with asarray/from_dlpack), not an object array.
  cls.attr("__array_ufunc__") = nb::none();
  bind_indexing(cls);
  bind_dlpack(m, cls);
}

}  // namespace ivypy
