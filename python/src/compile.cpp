// compile_fn from Python: ivy::compile_fn over a Python callable of arrays, so that the torch
// (TorchScript tracing) and MLX (mlx::core::compile) compilers serve Python users as C++ ones.
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/vector.h>

#include <memory>
#include <string>

#include "ivy/compile.hpp"

#include "common.hpp"

namespace ivypy {
namespace {

constexpr const char* kFn = "compile_fn";

// The compiled function, and whether func returned one array (given back as one) or a
// tuple/list (given back as a tuple): known once func ran, at the trace or (without a
// compiler) at each call.
struct PyCompiled {
  ivy::CompiledFunction fn;
  std::shared_ptr<bool> single;

  nb::object call(nb::args args) const {
    std::vector<ivy::Array> in = to_arrays(args, kFn, "the arguments");
    if (in.size() != fn.arity())
      throw nb::type_error((std::string("ivycpp.compile_fn: the compiled function takes ") +
                            std::to_string(fn.arity()) + " arrays, got " +
                            std::to_string(in.size()))
                               .c_str());
    std::vector<ivy::Array> out = fn(in);
    if (*single) return nb::cast(out.at(0));
    nb::list l;
    for (auto& a : out) l.append(nb::cast(a));
    return nb::tuple(l);
  }
};

PyCompiled compile(nb::callable func, nb::args example_args) {
  if (example_args.size() == 0)
    throw nb::type_error("ivycpp.compile_fn: give at least one example array after func");
  const std::vector<ivy::Array> examples = to_arrays(example_args, kFn, "the example arguments");
  // The first call (the trace, or the plain call without a compiler) tells the result's form.
  auto single = std::make_shared<bool>(true);
  ivy::CompiledFunction fn = ivy::compile_fn(
      [func, single](const std::vector<ivy::Array>& args) -> std::vector<ivy::Array> {
        nb::list py_args;
        for (const auto& a : args) py_args.append(nb::cast(a));
        nb::object ret = func(*nb::tuple(py_args));
        *single = !(nb::isinstance<nb::tuple>(ret) || nb::isinstance<nb::list>(ret));
        if (!*single) return to_arrays(ret, kFn, "func's result");
        return {to_array(ret, kFn, "func's result (an array, or a tuple of arrays)")};
      },
      examples);
  return PyCompiled{std::move(fn), single};
}

}  // namespace

void bind_compile(nb::module_& m) {
  nb::class_<PyCompiled>(m, "CompiledFunction",
                         "func compiled by ivycpp.compile_fn: call it with arrays like the "
                         "examples; engine says which compiler runs it.")
      .def("__call__", &PyCompiled::call)
      .def_prop_ro("engine", [](const PyCompiled& c) { return std::string(c.fn.engine()); })
      .def_prop_ro("compiled", [](const PyCompiled& c) { return c.fn.compiled(); })
      .def_prop_ro("traces", [](const PyCompiled& c) { return c.fn.traces(); })
      .def_prop_ro("arity", [](const PyCompiled& c) { return c.fn.arity(); });
  m.def("compile_fn", &compile, nb::arg("func"), nb::arg("example_args"),
        "compile_fn(func, *example_args): func (arrays -> an array or a tuple of arrays) "
        "compiled for arguments like example_args, by TorchScript tracing on torch and "
        "mlx::core::compile on MLX (called as it is, with one notice, elsewhere).");
}

}  // namespace ivypy
