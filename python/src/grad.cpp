// Gradients from Python: execute_with_gradients(func, xs) over a dict (or list) of arrays,
// as the original ivy: func(xs) returns the loss or (loss, *extras).
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include "ivy/grad.hpp"

#include "common.hpp"

namespace ivypy {
namespace {

constexpr const char* kFn = "execute_with_gradients";

// func's result: the loss array, or a tuple/list (loss, *extras) of arrays.
std::vector<ivy::Array> split_outputs(nb::handle ret) {
  if (nb::isinstance<nb::tuple>(ret) || nb::isinstance<nb::list>(ret))
    return to_arrays(ret, kFn, "func's result");
  return {to_array(ret, kFn, "func's result (the loss, or a tuple (loss, *extras))")};
}

// The Container form: func gets a Container of the variables, grads come back as one.
nb::object execute_with_gradients_c(nb::callable func, const ivy::Container& xs) {
  ivy::ContainerGradResult r = ivy::detail::execute_with_gradients(
      [&](const ivy::Container& v) { return split_outputs(func(nb::cast(v))); }, xs);
  nb::list out;
  out.append(nb::cast(r.value));
  out.append(nb::cast(r.grads));
  for (auto& e : r.extras) out.append(nb::cast(e));
  return nb::tuple(out);
}

nb::object execute_with_gradients(nb::callable func, nb::handle xs) {
  if (is_container(xs)) return execute_with_gradients_c(func, nb::cast<ivy::Container>(xs));
  const bool is_dict = nb::isinstance<nb::dict>(xs);
  std::vector<nb::object> keys;
  std::vector<ivy::Array> values;
  if (is_dict) {
    for (auto [k, v] : nb::borrow<nb::dict>(xs)) {
      keys.push_back(nb::borrow(k));
      values.push_back(to_array(v, kFn, "each value of xs"));
    }
  } else {
    values = to_arrays(xs, kFn, "xs (a dict or list of arrays)");
  }
  auto pack = [&](const std::vector<ivy::Array>& arrays) -> nb::object {
    if (!is_dict) {
      nb::list l;
      for (const auto& a : arrays) l.append(nb::cast(a));
      return l;
    }
    nb::dict d;
    for (std::size_t k = 0; k < keys.size(); ++k) d[keys[k]] = nb::cast(arrays[k]);
    return d;
  };
  ivy::GradResult r = ivy::execute_with_gradients(
      [&](const std::vector<ivy::Array>& args) { return split_outputs(func(pack(args))); }, values);
  nb::list out;
  out.append(nb::cast(r.value));
  out.append(pack(r.grads));
  for (auto& e : r.extras) out.append(nb::cast(e));
  return nb::tuple(out);
}

}  // namespace

void bind_grad(nb::module_& m) {
  m.def("execute_with_gradients", &execute_with_gradients, nb::arg("func"), nb::arg("xs"),
        "(loss, grads[, *extras]) of func(xs); xs and grads are dicts (or lists) of arrays, or "
        "Containers.");
  m.def(
      "variable", [](const ivy::Array& x) { return ivy::variable(x); }, nb::arg("x"));
  m.def(
      "is_variable", [](const ivy::Array& x) { return ivy::is_variable(x); }, nb::arg("x"));
  m.def(
      "stop_gradient", [](const ivy::Array& x) { return ivy::stop_gradient(x); }, nb::arg("x"));
}

}  // namespace ivypy
