// Functions of the original Ivy's core added for issue 13 (part B): the neural-network
// functional API (gelu, layer_norm). Each calls the C++ unified function of the same name;
// arguments are converted with the helpers of common.hpp, so bad Python types are TypeErrors
// naming the function.
#include "common.hpp"

namespace ivypy {
namespace {

double to_double(nb::handle h, const char* fn, const char* what) {
  if (nb::isinstance<nb::bool_>(h)) type_error(fn, what, "a number", h);
  return to_scalar(h, fn).as_double();
}

std::optional<ivy::Array> to_opt_array(nb::handle h, const char* fn, const char* what) {
  if (h.is_none()) return std::nullopt;
  return to_array(h, fn, what);
}

void bind_nn_b(nb::module_& m) {
  m.def(
      "gelu",
      [](nb::handle x, nb::handle approximate) {
        return ivy::gelu(to_array(x, "gelu", "x"), to_bool(approximate, "gelu", "approximate"));
      },
      nb::arg("x"), nb::arg("approximate") = false);
  m.def(
      "layer_norm",
      [](nb::handle x, nb::handle normalized_idxs, nb::handle epsilon, nb::handle scale,
         nb::handle offset) {
        constexpr const char* fn = "layer_norm";
        return ivy::layer_norm(to_array(x, fn, "x"), to_axes(normalized_idxs, fn),
                               to_double(epsilon, fn, "epsilon"), to_opt_array(scale, fn, "scale"),
                               to_opt_array(offset, fn, "offset"));
      },
      nb::arg("x"), nb::arg("normalized_idxs"), nb::arg("epsilon") = 1e-5,
      nb::arg("scale").none() = nb::none(), nb::arg("offset").none() = nb::none());
}

}  // namespace

void bind_functions_b(nb::module_& m) { bind_nn_b(m); }

}  // namespace ivypy
