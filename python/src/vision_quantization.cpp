// ivycpp.vision quantization: quantize_to_image under the original's argument names, returning
// (mean, var, counter). The variance and prior arguments take an array or a float; var_threshold
// a (min, max) pair or an array [..., 2 + d, 2].
#include "common.hpp"
#include "ivy/vision/quantization.hpp"
#include "vision_args.hpp"

namespace ivypy {

void bind_vision_quantization(nb::module_& m) {
  using namespace vision_args;
  m.def(
      "quantize_to_image",
      [](nb::handle pixel_coords, nb::handle final_image_dims, nb::handle feat,
         nb::handle feat_prior, bool with_db, nb::handle pixel_coords_var, nb::handle feat_var,
         nb::handle pixel_coords_prior_var, nb::handle feat_prior_var, nb::handle var_threshold,
         nb::handle uniform_pixel_coords) {
        const char* fn = "vision.quantize_to_image";
        ivy::vision::QuantizeOptions o;
        if (!feat_prior.is_none()) o.feat_prior = array_or_scalar(feat_prior, fn);
        o.with_db = with_db;
        o.pixel_coords_var = array_or_scalar(pixel_coords_var, fn);
        o.feat_var = array_or_scalar(feat_var, fn);
        o.pixel_coords_prior_var = array_or_scalar(pixel_coords_prior_var, fn);
        o.feat_prior_var = array_or_scalar(feat_prior_var, fn);
        if (nb::isinstance<nb::tuple>(var_threshold) || nb::isinstance<nb::list>(var_threshold)) {
          if (nb::len(var_threshold) != 2) {
            ivy::detail::raise<ivy::ValueError>(
                "vision::quantize_to_image", "none",
                "var_threshold: expected an array or a (min, max) pair, got " +
                    safe_repr(var_threshold));
          }
          o.var_threshold_min = nb::cast<double>(var_threshold[0]);
          o.var_threshold_max = nb::cast<double>(var_threshold[1]);
        } else {
          o.var_threshold = as_array(var_threshold, fn);
        }
        o.uniform_pixel_coords = maybe_array(uniform_pixel_coords, fn);
        const auto r = ivy::vision::quantize_to_image(
            as_array(pixel_coords, fn), dims2(final_image_dims, fn), maybe_array(feat, fn), o);
        return nb::make_tuple(r.mean, r.var, r.counter);
      },
      nb::arg("pixel_coords"), nb::arg("final_image_dims"), nb::arg("feat").none() = nb::none(),
      nb::arg("feat_prior").none() = nb::none(), nb::arg("with_db") = false,
      nb::arg("pixel_coords_var") = 1e-3, nb::arg("feat_var") = 1e-3,
      nb::arg("pixel_coords_prior_var") = 1e12, nb::arg("feat_prior_var") = 1e12,
      nb::arg("var_threshold") = nb::make_tuple(1e-3, 1e12),
      nb::arg("uniform_pixel_coords").none() = nb::none());
}

}  // namespace ivypy
