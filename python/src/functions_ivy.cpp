// ivy's own registered functions that have no Array API name: the image functions (random_crop
// included), the convolutions (transposed and depthwise included), the random functions beyond
// uniform/normal, and the registry itself (ivycpp.registered_functions(), which
// python/tests/test_registry.py checks the namespace against).
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>

#include <algorithm>

#include "common.hpp"

namespace ivypy {

ivy::SpatialInts to_spatial(nb::handle h, const char* fn, const char* what) {
  if (nb::isinstance<nb::tuple>(h) || nb::isinstance<nb::list>(h)) {
    std::vector<std::int64_t> v;
    for (nb::handle item : h) v.push_back(to_int(item, fn, what));
    return ivy::SpatialInts(std::move(v));
  }
  return ivy::SpatialInts(to_int(h, fn, what));
}

namespace {

std::pair<double, double> to_ratio(nb::handle h, const char* fn) {
  if (!(nb::isinstance<nb::tuple>(h) || nb::isinstance<nb::list>(h)) || nb::len(h) != 2)
    type_error(fn, "desired_aspect_ratio", "a pair of numbers", h);
  return {to_scalar(h[0], fn).as_double(), to_scalar(h[1], fn).as_double()};
}

std::optional<ivy::Shape> to_opt_shape(nb::handle h, const char* fn) {
  if (h.is_none()) return std::nullopt;
  return to_shape(h, fn);
}

// None, or a seed in [0, 2**64) (ValueError naming fn otherwise), as ivycpp.seed.
std::optional<std::uint64_t> to_opt_seed(nb::handle h, const char* fn) {
  if (h.is_none()) return std::nullopt;
  const std::int64_t s = to_int(h, fn, "seed", Overflow::saturate);
  std::uint64_t u = 0;
  if (s < 0 || !nb::try_cast<std::uint64_t>(nb::int_(h), u))
    throw ivy::ValueError(std::string("ivycpp.") + fn + ": the seed must be in [0, 2**64), got " +
                          safe_repr(h));
  return u;
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
  m.def(
      "random_crop",
      [](nb::handle x, nb::handle crop_size, nb::handle batch_shape, nb::handle image_dims,
         nb::handle seed) {
        constexpr const char* fn = "random_crop";
        std::vector<std::int64_t> crop;
        if (!(nb::isinstance<nb::tuple>(crop_size) || nb::isinstance<nb::list>(crop_size)))
          type_error(fn, "crop_size", "a sequence of two ints", crop_size);
        for (nb::handle v : crop_size) crop.push_back(to_int(v, fn, "crop_size"));
        return ivy::random_crop(to_array(x, fn, "x"), crop, to_opt_shape(batch_shape, fn),
                                to_opt_shape(image_dims, fn), to_opt_seed(seed, fn));
      },
      nb::arg("x"), nb::arg("crop_size"), nb::arg("batch_shape").none() = nb::none(),
      nb::arg("image_dims").none() = nb::none(), nb::arg("seed").none() = nb::none());
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

// The transposed convolutions add output_shape (None, the spatial sizes or the whole shape).
template <ivy::Array (*Conv)(const ivy::Array&, const ivy::Array&, const ivy::SpatialInts&,
                             std::string_view, const std::optional<ivy::Shape>&, std::string_view,
                             const ivy::SpatialInts&)>
void def_conv_transpose(nb::module_& m, const char* name, const char* default_format) {
  m.def(
      name,
      [name](nb::handle x, nb::handle filters, nb::handle strides, nb::handle padding,
             nb::handle output_shape, nb::handle data_format, nb::handle dilations) {
        return Conv(to_array(x, name, "x"), to_array(filters, name, "filters"),
                    to_spatial(strides, name, "strides"), to_str(padding, name, "padding"),
                    to_opt_shape(output_shape, name), to_str(data_format, name, "data_format"),
                    to_spatial(dilations, name, "dilations"));
      },
      nb::arg("x"), nb::arg("filters"), nb::arg("strides"), nb::arg("padding"),
      nb::arg("output_shape").none() = nb::none(), nb::arg("data_format") = default_format,
      nb::arg("dilations") = 1);
}

ivy::Array conv1d_transpose_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                             std::string_view p, const std::optional<ivy::Shape>& o,
                             std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::conv1d_transpose(x, f, s, p, o, d, dil);
}
ivy::Array conv2d_transpose_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                             std::string_view p, const std::optional<ivy::Shape>& o,
                             std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::conv2d_transpose(x, f, s, p, o, d, dil);
}
ivy::Array conv3d_transpose_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                             std::string_view p, const std::optional<ivy::Shape>& o,
                             std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::conv3d_transpose(x, f, s, p, o, d, dil);
}
ivy::Array depthwise_conv2d_(const ivy::Array& x, const ivy::Array& f, const ivy::SpatialInts& s,
                             std::string_view p, std::string_view d, const ivy::SpatialInts& dil) {
  return ivy::depthwise_conv2d(x, f, s, p, d, dil);
}

void bind_convolutions(nb::module_& m) {
  def_conv<conv1d_>(m, "conv1d", "NWC");
  def_conv<conv2d_>(m, "conv2d", "NHWC");
  def_conv<conv3d_>(m, "conv3d", "NDHWC");
  def_conv<depthwise_conv2d_>(m, "depthwise_conv2d", "NHWC");
  def_conv_transpose<conv1d_transpose_>(m, "conv1d_transpose", "NWC");
  def_conv_transpose<conv2d_transpose_>(m, "conv2d_transpose", "NHWC");
  def_conv_transpose<conv3d_transpose_>(m, "conv3d_transpose", "NDHWC");
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

// tensordot's axes: an int n, or a pair of sequences (or ints) of axes.
ivy::Array tensordot_(nb::handle x1, nb::handle x2, nb::handle axes) {
  constexpr const char* fn = "tensordot";
  const ivy::Array& a = to_array(x1, fn, "x1");
  const ivy::Array& b = to_array(x2, fn, "x2");
  if (nb::isinstance<nb::tuple>(axes) || nb::isinstance<nb::list>(axes)) {
    if (nb::len(axes) != 2) type_error(fn, "axes", "an int or a pair of axis sequences", axes);
    return ivy::tensordot(a, b, to_axis_list(axes[0], fn), to_axis_list(axes[1], fn));
  }
  // Beyond int, any count is out of range the same way: ivy::tensordot says so with the ranks.
  const std::int64_t n = std::clamp<std::int64_t>(to_int(axes, fn, "axes"), -1, 1 << 20);
  return ivy::tensordot(a, b, static_cast<int>(n));
}

}  // namespace

void bind_functions_ivy(nb::module_& m) {
  bind_image(m);
  bind_convolutions(m);
  bind_random(m);
  // The set functions return plain tuples; ivycpp/_composites.py names their fields.
  m.def(
      "unique_values",
      [](nb::handle x) { return ivy::unique_values(to_array(x, "unique_values", "x")); },
      nb::arg("x"));
  m.def(
      "unique_counts",
      [](nb::handle x) {
        auto [values, counts] = ivy::unique_counts(to_array(x, "unique_counts", "x"));
        return nb::make_tuple(std::move(values), std::move(counts));
      },
      nb::arg("x"));
  m.def(
      "unique_inverse",
      [](nb::handle x) {
        auto [values, inverse] = ivy::unique_inverse(to_array(x, "unique_inverse", "x"));
        return nb::make_tuple(std::move(values), std::move(inverse));
      },
      nb::arg("x"));
  m.def(
      "unique_all",
      [](nb::handle x) {
        ivy::UniqueResult r = ivy::unique_all(to_array(x, "unique_all", "x"));
        return nb::make_tuple(std::move(r.values), std::move(r.indices),
                              std::move(r.inverse_indices), std::move(r.counts));
      },
      nb::arg("x"));
  m.def("tensordot", &tensordot_, nb::arg("x1"), nb::arg("x2"), nb::kw_only(), nb::arg("axes") = 2);
  m.def(
      "vecdot",
      [](nb::handle x1, nb::handle x2, nb::handle axis) {
        return ivy::vecdot(to_array(x1, "vecdot", "x1"), to_array(x2, "vecdot", "x2"),
                           to_axis(axis, "vecdot"));
      },
      nb::arg("x1"), nb::arg("x2"), nb::kw_only(), nb::arg("axis") = -1);
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
  m.def(
      "unsupported_reason",
      [](nb::handle function, nb::handle dtype, nb::handle backend) -> std::optional<std::string> {
        constexpr const char* fn = "unsupported_reason";
        return ivy::unsupported_reason(to_str(function, fn, "function"), to_dtype(dtype, fn),
                                       backend_or_current(backend, fn));
      },
      nb::arg("function"), nb::arg("dtype"), nb::arg("backend").none() = nb::none(),
      "Why the backend (default: the current one) does not support the registered function on "
      "dtype, or None when it does.");
  m.def(
      "supports",
      [](nb::handle function, nb::handle dtype, nb::handle backend) {
        constexpr const char* fn = "supports";
        return ivy::supports(to_str(function, fn, "function"), to_dtype(dtype, fn),
                             backend_or_current(backend, fn));
      },
      nb::arg("function"), nb::arg("dtype"), nb::arg("backend").none() = nb::none(),
      "True when the backend (default: the current one) supports the registered function on "
      "dtype, from its one declared table (docs/support_matrix.md).");
}

}  // namespace ivypy
