// ivycpp.vision smoothing: weighted_image_smooth and smooth_image_fom_var_image (with the
// correctly spelled alias smooth_image_from_var_image), each returning (mean, weights|var).
#include "common.hpp"
#include "ivy/vision/smoothing.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {

template <auto F>
void def_var_smoothing(nb::module_& m, const char* name, const char* fn) {
  using namespace vision_args;
  m.def(
      name,
      [fn](nb::handle mean, nb::handle var, nb::handle kernel_dim, nb::handle kernel_scale) {
        const auto r = F(as_array(mean, fn), as_array(var, fn),
                         to_int(kernel_dim, fn, "kernel_dim"), array_or_scalar(kernel_scale, fn));
        return nb::make_tuple(r.mean, r.var);
      },
      nb::arg("mean"), nb::arg("var"), nb::arg("kernel_dim"), nb::arg("kernel_scale"));
}

}  // namespace

void bind_vision_smoothing(nb::module_& m) {
  using namespace vision_args;
  m.def(
      "weighted_image_smooth",
      [](nb::handle mean, nb::handle weights, nb::handle kernel_dim) {
        const char* fn = "vision.weighted_image_smooth";
        const auto r = ivy::vision::weighted_image_smooth(as_array(mean, fn), as_array(weights, fn),
                                                          to_int(kernel_dim, fn, "kernel_dim"));
        return nb::make_tuple(r.mean, r.weights);
      },
      nb::arg("mean"), nb::arg("weights"), nb::arg("kernel_dim"));
  def_var_smoothing<&ivy::vision::smooth_image_fom_var_image>(m, "smooth_image_fom_var_image",
                                                              "vision.smooth_image_fom_var_image");
  def_var_smoothing<&ivy::vision::smooth_image_from_var_image>(
      m, "smooth_image_from_var_image", "vision.smooth_image_from_var_image");
}

}  // namespace ivypy
