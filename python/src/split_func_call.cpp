// split_func_call from Python: ivy::split_func_call over a Python callable, so that a function
// too large for one call runs on chunks of its inputs (the original Ivy's signature).
#include <nanobind/stl/vector.h>

#include <memory>
#include <string>

#include "ivy/split_func_call.hpp"

#include "common.hpp"

namespace ivypy {
namespace {

constexpr const char* kFn = "split_func_call";

// An int, or a sequence of ints (one per array), as a vector of axes.
std::vector<int> axes_of(nb::handle h, const char* what) {
  if (nb::isinstance<nb::int_>(h)) return {nb::cast<int>(h)};
  try {
    return nb::cast<std::vector<int>>(h);
  } catch (const nb::cast_error&) {
    throw nb::type_error(
        (std::string("ivycpp.split_func_call: ") + what + " must be an int or a sequence of ints")
            .c_str());
  }
}

nb::object split_func_call(nb::callable func, nb::handle inputs, std::int64_t chunk_size,
                           nb::handle input_axes, nb::handle output_axes) {
  const std::vector<ivy::Array> in = to_arrays(inputs, kFn, "inputs (a sequence of arrays)");
  auto single = std::make_shared<bool>(true);  // func returned one array, not a tuple
  const std::vector<ivy::Array> out = ivy::split_func_call(
      [&](const std::vector<ivy::Array>& args) -> std::vector<ivy::Array> {
        nb::list py_args;
        for (const auto& a : args) py_args.append(nb::cast(a));
        nb::object ret = func(*nb::tuple(py_args));
        *single = !(nb::isinstance<nb::tuple>(ret) || nb::isinstance<nb::list>(ret));
        if (!*single) return to_arrays(ret, kFn, "func's result");
        return {to_array(ret, kFn, "func's result (an array, or a tuple of arrays)")};
      },
      in, chunk_size, axes_of(input_axes, "input_axes"),
      output_axes.is_none() ? std::vector<int>{} : axes_of(output_axes, "output_axes"));
  if (*single) return nb::cast(out.at(0));
  nb::list l;
  for (const auto& a : out) l.append(nb::cast(a));
  return nb::tuple(l);
}

}  // namespace

void bind_split_func_call(nb::module_& m) {
  m.def("split_func_call", &split_func_call, nb::arg("func"), nb::arg("inputs"),
        nb::arg("chunk_size"), nb::arg("input_axes") = 0, nb::arg("output_axes") = nb::none(),
        "func(*inputs) computed on chunks of chunk_size along input_axes (one for all inputs, "
        "or one each) and joined along output_axes (default: the first input axis); an array "
        "or a tuple of arrays, as func returns.");
}

}  // namespace ivypy
