// compile_fn from Python: ivy::compile_fn over a Python callable of arrays, so that the torch
// (TorchScript tracing) and MLX (mlx::core::compile) compilers serve Python users as C++ ones.
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/vector.h>

#include <memory>
#include <optional>
#include <string>

#include "ivy/compile.hpp"

#include "common.hpp"

namespace ivypy {
namespace {

constexpr const char* kFn = "compile_fn";

// func, borrowed by the compiled function's closure and owned by PyCompiled, so that Python's
// garbage collector sees the reference (tp_traverse below): func's globals usually hold the
// CompiledFunction object itself, a cycle that would otherwise never be collected.
struct Callee {
  PyObject* func = nullptr;  // borrowed; null once the collector cleared PyCompiled
  bool single = true;        // func returned one array, not a tuple/list
};

// The compiled function, and whether func returned one array (given back as one) or a
// tuple/list (given back as a tuple): known once func ran, at the trace or (without a
// compiler) at each call.
struct PyCompiled {
  std::optional<ivy::CompiledFunction> fn;
  nb::object func;
  std::shared_ptr<Callee> callee;

  const ivy::CompiledFunction& compiled() const {
    if (!fn) throw nb::type_error("ivycpp.compile_fn: this compiled function was cleared");
    return *fn;
  }

  nb::object call(nb::args args) const {
    const ivy::CompiledFunction& f = compiled();
    std::vector<ivy::Array> in = to_arrays(args, kFn, "the arguments");
    if (in.size() != f.arity())
      throw nb::type_error((std::string("ivycpp.compile_fn: the compiled function takes ") +
                            std::to_string(f.arity()) + " arrays, got " + std::to_string(in.size()))
                               .c_str());
    std::vector<ivy::Array> out = f(in);
    if (callee->single) return nb::cast(out.at(0));
    nb::list l;
    for (auto& a : out) l.append(nb::cast(a));
    return nb::tuple(l);
  }
};

int traverse(PyObject* self, visitproc visit, void* arg) {
  Py_VISIT(Py_TYPE(self));
  if (!nb::inst_ready(self)) return 0;
  Py_VISIT(nb::inst_ptr<PyCompiled>(self)->func.ptr());
  return 0;
}

int clear(PyObject* self) {
  PyCompiled* c = nb::inst_ptr<PyCompiled>(self);
  c->callee->func = nullptr;
  c->fn.reset();
  c->func.reset();
  return 0;
}

PyType_Slot gc_slots[] = {{Py_tp_traverse, reinterpret_cast<void*>(traverse)},
                          {Py_tp_clear, reinterpret_cast<void*>(clear)},
                          {0, nullptr}};

PyCompiled compile(nb::callable func, nb::args example_args) {
  if (example_args.size() == 0)
    throw nb::type_error("ivycpp.compile_fn: give at least one example array after func");
  const std::vector<ivy::Array> examples = to_arrays(example_args, kFn, "the example arguments");
  auto callee = std::make_shared<Callee>();
  callee->func = func.ptr();
  ivy::CompiledFunction fn = ivy::compile_fn(
      [callee](const std::vector<ivy::Array>& args) -> std::vector<ivy::Array> {
        if (!callee->func) throw nb::type_error("ivycpp.compile_fn: the function was cleared");
        nb::list py_args;
        for (const auto& a : args) py_args.append(nb::cast(a));
        nb::object ret = nb::borrow<nb::callable>(callee->func)(*nb::tuple(py_args));
        callee->single = !(nb::isinstance<nb::tuple>(ret) || nb::isinstance<nb::list>(ret));
        if (!callee->single) return to_arrays(ret, kFn, "func's result");
        return {to_array(ret, kFn, "func's result (an array, or a tuple of arrays)")};
      },
      examples);
  return PyCompiled{std::move(fn), std::move(func), std::move(callee)};
}

}  // namespace

void bind_compile(nb::module_& m) {
  nb::class_<PyCompiled>(m, "CompiledFunction", nb::type_slots(gc_slots),
                         "func compiled by ivycpp.compile_fn: call it with arrays like the "
                         "examples; engine says which compiler runs it.")
      .def("__call__", &PyCompiled::call)
      .def_prop_ro("engine", [](const PyCompiled& c) { return std::string(c.compiled().engine()); })
      .def_prop_ro("compiled", [](const PyCompiled& c) { return c.compiled().compiled(); })
      .def_prop_ro("traces", [](const PyCompiled& c) { return c.compiled().traces(); })
      .def_prop_ro("arity", [](const PyCompiled& c) { return c.compiled().arity(); });
  m.def("compile_fn", &compile, nb::arg("func"), nb::arg("example_args"),
        "compile_fn(func, *example_args): func (arrays -> an array or a tuple of arrays) "
        "compiled for arguments like example_args, by TorchScript tracing on torch and "
        "mlx::core::compile on MLX (called as it is, with one notice, elsewhere).");
}

}  // namespace ivypy
