// Functions of the original Ivy's core added for issue 13 (part A): logspace, has_nans,
// array_equal, copysign, stable_divide, stable_pow, clip_vector_norm, clip_matrix_norm,
// linear_resample, fourier_encode, float_img_to_uint8_img and uint8_img_to_float_img. Each
// calls the C++ unified function of the same name; arguments are converted with the helpers of
// common.hpp, so bad Python types are TypeErrors naming the function.
#include "common.hpp"

namespace ivypy {
namespace {

double to_double(nb::handle h, const char* fn, const char* what) {
  if (nb::isinstance<nb::bool_>(h)) type_error(fn, what, "a number", h);
  return to_scalar(h, fn).as_double();
}

void bind_creation_a(nb::module_& m) {
  m.def(
      "logspace",
      [](nb::handle start, nb::handle stop, nb::handle num, nb::handle base, nb::handle axis,
         nb::handle dtype, nb::handle device, nb::handle backend) {
        constexpr const char* fn = "logspace";
        return ivy::logspace(operand_or_throw(start, fn), operand_or_throw(stop, fn),
                             to_int(num, fn, "num"), to_double(base, fn, "base"), to_axis(axis, fn),
                             make_options(dtype, device, backend, fn));
      },
      nb::arg("start"), nb::arg("stop"), nb::arg("num"), nb::arg("base") = 10.0,
      nb::arg("axis") = -1, nb::kw_only(), nb::arg("dtype").none() = nb::none(),
      nb::arg("device").none() = nb::none(), nb::arg("backend").none() = nb::none());
}

void bind_checks(nb::module_& m) {
  m.def(
      "has_nans",
      [](nb::handle x, nb::handle include_infs) {
        return ivy::has_nans(to_array(x, "has_nans", "x"),
                             to_bool(include_infs, "has_nans", "include_infs"));
      },
      nb::arg("x"), nb::arg("include_infs") = true);
  m.def(
      "array_equal",
      [](nb::handle x1, nb::handle x2) {
        return ivy::array_equal(to_array(x1, "array_equal", "x1"),
                                to_array(x2, "array_equal", "x2"));
      },
      nb::arg("x1"), nb::arg("x2"));
}

void bind_elementwise_a(nb::module_& m) {
  m.def(
      "copysign",
      [](nb::handle x1, nb::handle x2) {
        return ivy::copysign(operand_or_throw(x1, "copysign"), operand_or_throw(x2, "copysign"));
      },
      nb::arg("x1"), nb::arg("x2"));
  m.def(
      "stable_divide",
      [](nb::handle n, nb::handle d, nb::handle min_denominator) {
        constexpr const char* fn = "stable_divide";
        return ivy::stable_divide(operand_or_throw(n, fn), operand_or_throw(d, fn),
                                  to_double(min_denominator, fn, "min_denominator"));
      },
      nb::arg("numerator"), nb::arg("denominator"), nb::arg("min_denominator") = 1e-12);
  m.def(
      "stable_pow",
      [](nb::handle base, nb::handle exponent, nb::handle min_base) {
        constexpr const char* fn = "stable_pow";
        return ivy::stable_pow(operand_or_throw(base, fn), operand_or_throw(exponent, fn),
                               to_double(min_base, fn, "min_base"));
      },
      nb::arg("base"), nb::arg("exponent"), nb::arg("min_base") = 1e-5);
}

void bind_linalg_a(nb::module_& m) {
  m.def(
      "clip_vector_norm",
      [](nb::handle x, nb::handle max_norm, nb::handle p) {
        constexpr const char* fn = "clip_vector_norm";
        return ivy::clip_vector_norm(to_array(x, fn, "x"), to_double(max_norm, fn, "max_norm"),
                                     to_double(p, fn, "p"));
      },
      nb::arg("x"), nb::arg("max_norm"), nb::arg("p") = 2.0);
  m.def(
      "clip_matrix_norm",
      [](nb::handle x, nb::handle max_norm, nb::handle p) {
        constexpr const char* fn = "clip_matrix_norm";
        return ivy::clip_matrix_norm(to_array(x, fn, "x"), to_double(max_norm, fn, "max_norm"),
                                     to_double(p, fn, "p"));
      },
      nb::arg("x"), nb::arg("max_norm"), nb::arg("p") = 2.0);
}

void bind_image_a(nb::module_& m) {
  m.def(
      "linear_resample",
      [](nb::handle x, nb::handle num_samples, nb::handle axis) {
        constexpr const char* fn = "linear_resample";
        return ivy::linear_resample(to_array(x, fn, "x"), to_int(num_samples, fn, "num_samples"),
                                    to_axis(axis, fn));
      },
      nb::arg("x"), nb::arg("num_samples"), nb::arg("axis") = -1);
  m.def(
      "fourier_encode",
      [](nb::handle x, nb::handle max_freq, nb::handle num_bands, nb::handle linear,
         nb::handle concat, nb::handle flatten) -> nb::object {
        constexpr const char* fn = "fourier_encode";
        const bool join = to_bool(concat, fn, "concat");
        std::vector<ivy::Array> out =
            ivy::fourier_encode(to_array(x, fn, "x"), to_double(max_freq, fn, "max_freq"),
                                to_int(num_bands, fn, "num_bands"), to_bool(linear, fn, "linear"),
                                join, to_bool(flatten, fn, "flatten"));
        if (join) return nb::cast(std::move(out[0]));
        return nb::make_tuple(std::move(out[0]), std::move(out[1]));
      },
      nb::arg("x"), nb::arg("max_freq"), nb::arg("num_bands") = 4, nb::arg("linear") = false,
      nb::arg("concat") = true, nb::arg("flatten") = false);
  m.def(
      "float_img_to_uint8_img",
      [](nb::handle x) {
        return ivy::float_img_to_uint8_img(to_array(x, "float_img_to_uint8_img", "x"));
      },
      nb::arg("x"));
  m.def(
      "uint8_img_to_float_img",
      [](nb::handle x) {
        return ivy::uint8_img_to_float_img(to_array(x, "uint8_img_to_float_img", "x"));
      },
      nb::arg("x"));
}

}  // namespace

void bind_functions_a(nb::module_& m) {
  bind_creation_a(m);
  bind_checks(m);
  bind_elementwise_a(m);
  bind_linalg_a(m);
  bind_image_a(m);
}

}  // namespace ivypy
