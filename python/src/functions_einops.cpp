// The einops trio with einops' Python signature: einops_rearrange(x, pattern, **axes_lengths),
// einops_reduce(x, pattern, reduction, **axes_lengths), einops_repeat(x, pattern,
// **axes_lengths). Each calls the C++ unified function of the same name; the keywords become
// its AxesLengths in the order given (a non-integer length is a TypeError naming the function).
#include <string>

#include "common.hpp"

namespace ivypy {
namespace {

ivy::AxesLengths to_axes_lengths(const nb::kwargs& kw, const char* fn) {
  ivy::AxesLengths out;
  for (auto [key, value] : kw) {
    const std::string name = to_str(key, fn, "an axis name");
    const std::string what = "axis length " + name;
    out.emplace_back(name, to_int(value, fn, what.c_str()));
  }
  return out;
}

}  // namespace

void bind_functions_einops(nb::module_& m) {
  m.def(
      "einops_rearrange",
      [](nb::handle x, nb::handle pattern, nb::kwargs axes_lengths) {
        constexpr const char* fn = "einops_rearrange";
        return ivy::einops_rearrange(to_array(x, fn, "x"), to_str(pattern, fn, "pattern"),
                                     to_axes_lengths(axes_lengths, fn));
      },
      nb::arg("x"), nb::arg("pattern"), nb::arg("axes_lengths"));
  m.def(
      "einops_reduce",
      [](nb::handle x, nb::handle pattern, nb::handle reduction, nb::kwargs axes_lengths) {
        constexpr const char* fn = "einops_reduce";
        return ivy::einops_reduce(to_array(x, fn, "x"), to_str(pattern, fn, "pattern"),
                                  to_str(reduction, fn, "reduction"),
                                  to_axes_lengths(axes_lengths, fn));
      },
      nb::arg("x"), nb::arg("pattern"), nb::arg("reduction"), nb::arg("axes_lengths"));
  m.def(
      "einops_repeat",
      [](nb::handle x, nb::handle pattern, nb::kwargs axes_lengths) {
        constexpr const char* fn = "einops_repeat";
        return ivy::einops_repeat(to_array(x, fn, "x"), to_str(pattern, fn, "pattern"),
                                  to_axes_lengths(axes_lengths, fn));
      },
      nb::arg("x"), nb::arg("pattern"), nb::arg("axes_lengths"));
}

}  // namespace ivypy
