// dtypes, devices and the choice of backend.
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/vector.h>

#include "common.hpp"

namespace ivypy {

void bind_types(nb::module_& m) {
  nb::enum_<ivy::DType>(m, "DType", "Array dtypes; the module exports each as ivycpp.<name>.")
      .value("bool", ivy::DType::bool_)
      .value("int8", ivy::DType::int8)
      .value("int16", ivy::DType::int16)
      .value("int32", ivy::DType::int32)
      .value("int64", ivy::DType::int64)
      .value("uint8", ivy::DType::uint8)
      .value("float16", ivy::DType::float16)
      .value("bfloat16", ivy::DType::bfloat16)
      .value("float32", ivy::DType::float32)
      .value("float64", ivy::DType::float64);
  m.def("_promote_types", &ivy::promote_types);
  m.def("_itemsize", &ivy::itemsize);

  nb::class_<ivy::Device>(m, "Device", "A device: 'cpu' or 'cuda:N'.")
      .def(nb::init<std::string_view>())
      .def("__eq__",
           [](const ivy::Device& a, nb::handle b) {
             if (nb::isinstance<ivy::Device>(b)) return a == nb::cast<const ivy::Device&>(b);
             if (nb::isinstance<nb::str>(b)) return a.str() == nb::cast<std::string>(b);
             return false;
           })
      .def("__hash__", [](const ivy::Device& d) { return nb::hash(nb::str(d.str().c_str())); })
      .def("__str__", [](const ivy::Device& d) { return d.str(); })
      .def("__repr__", [](const ivy::Device& d) { return "Device('" + d.str() + "')"; });

  m.def(
      "set_framework", [](const std::string& name) { ivy::set_framework(name); }, nb::arg("name"),
      "Pushes a backend on this thread's framework stack.");
  m.def("unset_framework", &ivy::unset_framework, "Pops this thread's framework stack.");
  m.def("framework_depth", &ivy::framework_depth);
  m.def(
      "current_backend", [] { return std::string(ivy::backend_name(ivy::current_backend())); },
      "The backend creation functions use when given none.");
  m.def("available_backends", &ivy::available_backends);
  m.def("has_backend", [](const std::string& n) { return ivy::has_backend(n); });
  m.def(
      "seed",
      [](nb::handle v) {
        // ivy's seed is an unsigned 64-bit integer: to_int checks the type (beyond int64 it
        // saturates), the unsigned cast the range.
        const std::int64_t s = to_int(v, "seed", "value", Overflow::saturate);
        std::uint64_t u = 0;
        if (s < 0 || !nb::try_cast<std::uint64_t>(nb::int_(v), u))
          throw ivy::ValueError("ivycpp.seed: the seed must be in [0, 2**64), got " +
                                nb::cast<std::string>(nb::repr(v)));
        ivy::seed(u);
      },
      nb::arg("value"));
}

}  // namespace ivypy
