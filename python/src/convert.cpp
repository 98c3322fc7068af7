#include <nanobind/stl/string.h>

#include "common.hpp"

namespace ivypy {

std::optional<ivy::Operand> to_operand(nb::handle h) {
  if (nb::isinstance<ivy::Array>(h)) return ivy::Operand(nb::cast<const ivy::Array&>(h));
  PyObject* o = h.ptr();
  if (PyBool_Check(o)) return ivy::Operand(ivy::Scalar(o == Py_True));
  if (PyLong_Check(o)) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow) throw nb::value_error("Python int out of the int64 range");
    return ivy::Operand(ivy::Scalar(static_cast<std::int64_t>(v)));
  }
  if (PyFloat_Check(o)) return ivy::Operand(ivy::Scalar(PyFloat_AsDouble(o)));
  return std::nullopt;
}

ivy::Operand operand_or_throw(nb::handle h, const char* fn) {
  if (auto op = to_operand(h)) return *op;
  throw nb::type_error((std::string(fn) + ": expected an ivycpp array or a Python scalar, got " +
                        nb::cast<std::string>(nb::str(h.type())))
                           .c_str());
}

ivy::Axes to_axes(nb::handle axis) {
  if (axis.is_none()) return ivy::Axes::all();
  if (PyLong_Check(axis.ptr())) return ivy::Axes(nb::cast<int>(axis));
  std::vector<int> axes;
  for (nb::handle a : axis) axes.push_back(nb::cast<int>(a));
  return ivy::Axes(std::move(axes));
}

ivy::Shape to_shape(nb::handle shape) {
  if (PyLong_Check(shape.ptr())) return ivy::Shape{nb::cast<std::int64_t>(shape)};
  ivy::Shape s;
  for (nb::handle d : shape) s.push_back(nb::cast<std::int64_t>(d));
  return s;
}

std::optional<ivy::Device> to_device(nb::handle device) {
  if (device.is_none()) return std::nullopt;
  if (nb::isinstance<ivy::Device>(device)) return nb::cast<ivy::Device>(device);
  return ivy::Device(nb::cast<std::string>(device));
}

const ivy::Backend& backend_or_current(nb::handle backend) {
  if (backend.is_none()) return ivy::current_backend();
  return ivy::backend(nb::cast<std::string>(backend));
}

ivy::Options make_options(nb::handle dtype, nb::handle device, nb::handle backend) {
  ivy::Options o;
  if (!dtype.is_none()) o.dtype = nb::cast<ivy::DType>(dtype);
  if (!backend.is_none()) o.backend = &ivy::backend(nb::cast<std::string>(backend));
  o.device = to_device(device);
  return o;
}

}  // namespace ivypy
