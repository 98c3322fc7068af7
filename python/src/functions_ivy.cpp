// ivy's own registered functions that have no Array API name: the image functions, the
// convolutions and the random functions beyond uniform/normal, and the registry itself
// (ivycpp.registered_functions(), which python/tests/test_registry.py checks the namespace
// against).
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>

#include "common.hpp"

namespace ivypy {
namespace {

// Strides and dilations: one int for every spatial dimension, or a sequence of them.
ivy::SpatialInts to_spatial(nb::handle h, const char* fn, const char* what) {
  if (nb::isinstance<nb::tuple>(h) || nb::isinstance<nb::list>(h)) {
    std::vector<std::int64_t> v;
    for (nb::handle item : h) v.push_back(to_int(item, fn, what));
    return ivy::SpatialInts(std::move(v));
  }
  return ivy::SpatialInts(to_int(h, fn, what));
}

std::pair<double, double> to_ratio(nb::handle h, const char* fn) {
  if (!(nb::isinstance<nb::tuple>(h) || nb::isinstance<nb::list>(h)) || nb::len(h) != 2)
    type_error(fn, "desired_aspect_ratio", "a pair of numbers", h);
  return {to_scalar(h[0], fn).as_double(), to_scalar(h[1], fn).as_double()};
}

std::optional<ivy::Shape> to_opt_shape(nb::handle h, const char* fn) {
  if (h.is_none()) return std::nullopt;
  return to_shape(h, fn);
}

void bind_image(nb::module_& m) {
  m.def(
      "stack_images",
      [](nb::handle images, nb::handle ratio) {
        return ivy::stack_images(to_arrays(images, "stack_images", "images"),
                                 to_ratio(ratio, "stack_images"));
      },
      nb::arg("images"), nb::arg("desired_aspect_ratio") = nb::make_tuple(1.0, 1.0));
  m.def(
      "bilinear_resample",
      [](nb::handle x, nb::handle warp) {
        return ivy::bilinear_resample(to_array(x, "bilinear_resample", "x"),
                                      to_array(warp, "bilinear_resample", "warp"));
      },
      nb::arg("x"), nb::arg("warp"));
  m.def(
      "gradient_image",
      [](nb::handle x) {
        auto [dy, dx] = ivy::gradient_image(to_array(x, "gradient_image", "x"));
        return nb::make_tuple(std::move(dy), std::move(dx));
      },
      nb::arg("x"));
}

template <ivy::Array (*Conv)(const ivy::Array&, const ivy::Array&, const ivy::SpatialInts&,
                             std::string_view, std::string_view, const ivy::SpatialInts&)>
void def_conv(nb::module_& m, const char* name, const char* default_format) {
  m.def(
      name,
      [name](nb::handle x, nb::handle filters, nb::handle strides, nb::handle padding,
             nb::handle data_format, nb::handle dilations) {
        return Conv(to_array(x, name, "x"), to_array(filters, name, "filters"),
                    to_spatial(strides, name, "strides"), to_str(padding, name, "padding"),
                    to_str(data_format, name, "data_format"),
                    to_spatial(dilations, name, "dilations"));
      },
      nb::arg("x"), nb::arg("filters"), nb::arg("strides"), nb::arg("padding"),
      nb::arg("data_format") = default_format, nb::arg("dilations") = 1);
}

ivy::Array conv1d_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                   std::string_view p, std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::conv1d(x, f, s, p, d, dil);
}
ivy::Array conv2d_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                   std::string_view p, std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::conv2d(x, f, s, p, d, dil);
}
ivy::Array conv3d_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                   std::string_view p, std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::conv3d(x, f, s, p, d, dil);
}

void bind_convolutions(nb::module_& m) {
  def_conv<conv1d_>(m, "conv1d", "NWC");
  def_conv<conv2d_>(m, "conv2d", "NHWC");
  def_conv<conv3d_>(m, "conv3d", "NDHWC");
  constexpr const char* fn = "conv2d_transpose";
  m.def(
      fn,
      [](nb::handle x, nb::handle filters, nb::handle strides, nb::handle padding,
         nb::handle output_shape, nb::handle data_format, nb::handle dilations) {
        return ivy::conv2d_transpose(to_array(x, fn, "x"), to_array(filters, fn, "filters"),
                                     to_spatial(strides, fn, "strides"),
                                     to_str(padding, fn, "padding"), to_opt_shape(output_shape, fn),
                                     to_str(data_format, fn, "data_format"),
                                     to_spatial(dilations, fn, "dilations"));
      },
      nb::arg("x"), nb::arg("filters"), nb::arg("strides"), nb::arg("padding"),
      nb::arg("output_shape").none() = nb::none(), nb::arg("data_format") = "NHWC",
      nb::arg("dilations") = 1);
}

void bind_random(nb::module_& m) {
  m.def(
      "randint",
      [](nb::handle low, nb::handle high, nb::handle shape, nb::handle dtype, nb::handle backend) {
        return ivy::randint(operand_or_throw(low, "randint"), operand_or_throw(high, "randint"),
                            to_opt_shape(shape, "randint"),
                            make_options(dtype, nb::none(), backend, "randint"));
      },
      nb::arg("low"), nb::arg("high"), nb::arg("shape").none() = nb::none(), nb::kw_only(),
      nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none());
  m.def(
      "shuffle", [](nb::handle x) { return ivy::shuffle(to_array(x, "shuffle", "x")); },
      nb::arg("x"));
  m.def(
      "multinomial",
      [](nb::handle probs, nb::handle num_samples, nb::handle replace) {
        return ivy::multinomial(to_array(probs, "multinomial", "probs"),
                                to_int(num_samples, "multinomial", "num_samples"),
                                to_bool(replace, "multinomial", "replace"));
      },
      nb::arg("probs"), nb::arg("num_samples"), nb::arg("replace") = true);
}

}  // namespace

void bind_functions_ivy(nb::module_& m) {
  bind_image(m);
  bind_convolutions(m);
  bind_random(m);
  m.def(
      "registered_functions",
      [] {
        nb::list out;
        for (const ivy::FunctionInfo& f : ivy::registered_functions())
          out.append(nb::make_tuple(std::string(f.name), std::string(f.family), f.differentiable));
        return out;
      },
      "Every unified function of the C++ library as (name, family, differentiable), the "
      "registry's one list.");
}

}  // namespace ivypy
