#include <nanobind/stl/string.h>

#include <climits>
#include <limits>

#include "common.hpp"

namespace ivypy {

namespace {

std::string prefix(const char* fn) { return std::string("ivycpp.") + fn + ": "; }

std::string py_type_name(nb::handle h) {
  return nb::cast<std::string>(nb::str(h.type().attr("__name__")));
}

}  // namespace

std::string safe_repr(nb::handle h) {
  PyObject* r = PyObject_Repr(h.ptr());
  if (!r) {
    PyErr_Clear();
    return "<" + py_type_name(h) + ">";
  }
  return nb::cast<std::string>(nb::steal(r));
}

void type_error(const char* fn, const char* what, const char* expected, nb::handle got) {
  throw nb::type_error(
      (prefix(fn) + what + " must be " + expected + ", got " + py_type_name(got)).c_str());
}

std::int64_t to_int(nb::handle h, const char* fn, const char* what, Overflow overflow) {
  PyObject* o = h.ptr();
  // bool subclasses int, but True is not an axis or a dimension (NumPy agrees).
  if (PyBool_Check(o) || !PyIndex_Check(o)) type_error(fn, what, "an integer", h);
  nb::object i = nb::steal(PyNumber_Index(o));
  if (!i.is_valid()) {
    // __index__ itself refused (an ivycpp float array, a NumPy array of several elements).
    PyErr_Clear();
    type_error(fn, what, "an integer", h);
  }
  int over = 0;
  const long long v = PyLong_AsLongLongAndOverflow(i.ptr(), &over);
  if (!over) return v;
  const std::string msg = prefix(fn) + what + " " + safe_repr(i) + " is out of the int64 range";
  switch (overflow) {
    case Overflow::saturate:
      return over > 0 ? std::numeric_limits<std::int64_t>::max()
                      : std::numeric_limits<std::int64_t>::min();
    case Overflow::index_error:
      throw ivy::IndexError(msg);
    case Overflow::value_error:
      break;
  }
  throw ivy::ValueError(msg);
}

int to_axis(nb::handle h, const char* fn) {
  const std::int64_t a = to_int(h, fn, "axis", Overflow::index_error);
  if (a < INT_MIN || a > INT_MAX)
    throw ivy::IndexError(prefix(fn) + "axis " + std::to_string(a) + " is out of range");
  return static_cast<int>(a);
}

std::optional<int> to_opt_axis(nb::handle h, const char* fn) {
  if (h.is_none()) return std::nullopt;
  return to_axis(h, fn);
}

std::vector<int> to_axis_list(nb::handle h, const char* fn) {
  if (!nb::isinstance<nb::tuple>(h) && !nb::isinstance<nb::list>(h)) return {to_axis(h, fn)};
  std::vector<int> out;
  for (nb::handle a : h) out.push_back(to_axis(a, fn));
  return out;
}

bool to_bool(nb::handle h, const char* fn, const char* what) {
  if (!PyBool_Check(h.ptr())) type_error(fn, what, "True or False", h);
  return h.ptr() == Py_True;
}

std::optional<bool> to_opt_bool(nb::handle h, const char* fn, const char* what) {
  if (h.is_none()) return std::nullopt;
  if (!PyBool_Check(h.ptr())) type_error(fn, what, "True, False or None", h);
  return h.ptr() == Py_True;
}

std::string to_str(nb::handle h, const char* fn, const char* what) {
  if (!nb::isinstance<nb::str>(h)) type_error(fn, what, "a str", h);
  return nb::cast<std::string>(h);
}

ivy::DType to_dtype(nb::handle h, const char* fn) {
  if (!nb::isinstance<ivy::DType>(h))
    type_error(fn, "dtype", "an ivycpp dtype (ivycpp.float32, ...)", h);
  return nb::cast<ivy::DType>(h);
}

const ivy::Array& to_array(nb::handle h, const char* fn, const char* what) {
  if (!nb::isinstance<ivy::Array>(h)) type_error(fn, what, "an ivycpp array", h);
  return nb::cast<const ivy::Array&>(h);
}

std::vector<ivy::Array> to_arrays(nb::handle seq, const char* fn, const char* what) {
  if (nb::isinstance<ivy::Array>(seq) || !PySequence_Check(seq.ptr()) ||
      nb::isinstance<nb::str>(seq))
    type_error(fn, what, "a sequence of ivycpp arrays", seq);
  std::vector<ivy::Array> xs;
  for (nb::handle a : seq) xs.push_back(to_array(a, fn, what));
  return xs;
}

std::optional<ivy::Operand> to_operand(nb::handle h, const char* fn) {
  if (nb::isinstance<ivy::Array>(h)) return ivy::Operand(nb::cast<const ivy::Array&>(h));
  PyObject* o = h.ptr();
  if (PyBool_Check(o)) return ivy::Operand(ivy::Scalar(o == Py_True));
  if (PyLong_Check(o)) return ivy::Operand(ivy::Scalar(to_int(h, fn, "Python int")));
  if (PyFloat_Check(o)) return ivy::Operand(ivy::Scalar(PyFloat_AsDouble(o)));
  return std::nullopt;
}

ivy::Operand operand_or_throw(nb::handle h, const char* fn) {
  if (auto op = to_operand(h, fn)) return *op;
  type_error(fn, "an operand", "an ivycpp array or a Python scalar", h);
}

ivy::Scalar to_scalar(nb::handle h, const char* fn) {
  auto op = to_operand(h, fn);
  if (!op || op->is_array()) type_error(fn, "a value", "a Python bool, int or float", h);
  return op->scalar();
}

void check_scalar_fits(const ivy::Scalar& s, ivy::DType d, const ivy::Backend& b, const char* fn) {
  if (!ivy::is_integral(d)) return;
  try {
    (void)ivy::full({0}, s, ivy::Options(d).on(b));
  } catch (const ivy::ValueError& e) {
    throw ivy::ValueError(prefix(fn) + e.what());
  }
}

ivy::Axes to_axes(nb::handle axis, const char* fn) {
  if (axis.is_none()) return ivy::Axes::all();
  if (!nb::isinstance<nb::tuple>(axis) && !nb::isinstance<nb::list>(axis))
    return ivy::Axes(to_axis(axis, fn));
  return ivy::Axes(to_axis_list(axis, fn));
}

ivy::Shape to_shape(nb::handle shape, const char* fn) {
  PyObject* o = shape.ptr();
  if (PyIndex_Check(o) && !PyBool_Check(o)) {
    nb::object n = nb::steal(PyNumber_Index(o));
    if (n.is_valid()) return ivy::Shape{to_int(n, fn, "shape")};
    PyErr_Clear();  // an array of several integers: read below as a sequence of them
  }
  if (!PySequence_Check(shape.ptr()) || nb::isinstance<nb::str>(shape) ||
      nb::isinstance<nb::bytes>(shape))
    type_error(fn, "shape", "an int or a sequence of ints", shape);
  ivy::Shape s;
  try {
    for (nb::handle d : shape) s.push_back(to_int(d, fn, "shape entry"));
  } catch (const nb::python_error&) {  // a sequence whose iteration fails (a 0-d array inside)
    type_error(fn, "shape", "an int or a sequence of ints", shape);
  }
  return s;
}

std::optional<ivy::Device> to_device(nb::handle device, const char* fn) {
  if (device.is_none()) return std::nullopt;
  if (nb::isinstance<ivy::Device>(device)) return nb::cast<ivy::Device>(device);
  return ivy::Device(to_str(device, fn, "device"));
}

const ivy::Backend& backend_or_current(nb::handle backend, const char* fn) {
  if (backend.is_none()) return ivy::current_backend();
  return ivy::backend(to_str(backend, fn, "backend"));
}

ivy::Options make_options(nb::handle dtype, nb::handle device, nb::handle backend, const char* fn) {
  ivy::Options o;
  if (!dtype.is_none()) o.dtype = to_dtype(dtype, fn);
  if (!backend.is_none()) o.backend = &backend_or_current(backend, fn);
  o.device = to_device(device, fn);
  return o;
}

}  // namespace ivypy
