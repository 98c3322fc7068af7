// ivycpp.vision implicit-rendering helpers under the original ivy_vision names. Arguments may be
// ivycpp arrays or any DLPack producer; results are ivycpp arrays. network_fn and inter_feat_fn
// are Python callables called with ivycpp arrays (None for absent features and timestamps).
#include <nanobind/stl/optional.h>
#include <nanobind/stl/vector.h>

#include <optional>
#include <utility>
#include <vector>

#include "common.hpp"
#include "ivy/vision.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace vision = ivy::vision;
using namespace vision_args;

nb::object maybe_object(const std::optional<ivy::Array>& a) {
  return a ? nb::cast(*a) : nb::none();
}

// network_fn(points, features, timestamps) -> (features, densities), as an ImplicitFunction.
vision::ImplicitFunction implicit_function(nb::handle network_fn, const char* fn) {
  if (!PyCallable_Check(network_fn.ptr())) type_error(fn, "network_fn", "a callable", network_fn);
  return [f = nb::borrow<nb::object>(network_fn), fn](const ivy::Array& pts,
                                                      const std::optional<ivy::Array>& feats,
                                                      const std::optional<ivy::Array>& ts) {
    const nb::object r = f(nb::cast(pts), maybe_object(feats), maybe_object(ts));
    if (nb::isinstance<ivy::Array>(r) || !PySequence_Check(r.ptr()) ||
        PySequence_Size(r.ptr()) != 2)
      type_error(fn, "network_fn's result", "a pair (features, densities)", r);
    const nb::object a = nb::steal(PySequence_GetItem(r.ptr(), 0));
    const nb::object b = nb::steal(PySequence_GetItem(r.ptr(), 1));
    return std::pair{as_array(a, fn), as_array(b, fn)};
  };
}

vision::PointFeatureFunction point_feature_function(nb::handle inter_feat_fn, const char* fn) {
  if (inter_feat_fn.is_none()) return nullptr;
  if (!PyCallable_Check(inter_feat_fn.ptr()))
    type_error(fn, "inter_feat_fn", "a callable or None", inter_feat_fn);
  return [f = nb::borrow<nb::object>(inter_feat_fn), fn](const ivy::Array& pts) {
    return as_array(f(nb::cast(pts)), fn);
  };
}

}  // namespace

void bind_vision_implicit(nb::module_& m) {
  m.def(
      "positional_encoding",
      [](nb::handle x, std::int64_t num_bands, std::optional<double> max_freq, bool linear) {
        return vision::positional_encoding(as_array(x, "vision.positional_encoding"), num_bands,
                                           max_freq, linear);
      },
      nb::arg("x"), nb::arg("num_bands") = 4, nb::arg("max_freq").none() = nb::none(),
      nb::arg("linear") = false);
  m.def(
      "sample_images",
      [](nb::handle images, std::int64_t num_pixels) {
        const char* fn = "vision.sample_images";
        if (nb::isinstance<ivy::Array>(images) || !PySequence_Check(images.ptr()))
          type_error(fn, "list_of_images", "a sequence of arrays", images);
        std::vector<ivy::Array> xs;
        for (nb::handle h : images) xs.push_back(as_array(h, fn));
        return vision::sample_images(xs, num_pixels);
      },
      nb::arg("list_of_images"), nb::arg("num_pixels"));
  m.def(
      "sampled_volume_density_to_occupancy_probability",
      [](nb::handle s, nb::handle d) {
        const char* fn = "vision.sampled_volume_density_to_occupancy_probability";
        return vision::sampled_volume_density_to_occupancy_probability(as_array(s, fn),
                                                                       as_array(d, fn));
      },
      nb::arg("density"), nb::arg("inter_sample_distance"));
  m.def(
      "ray_termination_probabilities",
      [](nb::handle s, nb::handle d) {
        const char* fn = "vision.ray_termination_probabilities";
        return vision::ray_termination_probabilities(as_array(s, fn), as_array(d, fn));
      },
      nb::arg("density"), nb::arg("inter_sample_distance"));
  m.def(
      "stratified_sample",
      [](nb::handle s, nb::handle e, std::int64_t n) {
        const char* fn = "vision.stratified_sample";
        return vision::stratified_sample(as_array(s, fn), as_array(e, fn), n);
      },
      nb::arg("starts"), nb::arg("ends"), nb::arg("num_samples"));
  m.def(
      "render_rays_via_termination_probabilities",
      [](nb::handle w, nb::handle f, bool render_variance) -> nb::object {
        const char* fn = "vision.render_rays_via_termination_probabilities";
        const vision::RayRendering r = vision::render_rays_via_termination_probabilities(
            as_array(w, fn), as_array(f, fn), render_variance);
        if (!r.variance) return nb::cast(r.rendering);
        return nb::make_tuple(r.rendering, *r.variance);
      },
      nb::arg("ray_term_probs"), nb::arg("features"), nb::arg("render_variance") = false);
  m.def(
      "render_implicit_features_and_depth",
      [](nb::handle network_fn, nb::handle rays_o, nb::handle rays_d, nb::handle near,
         nb::handle far, std::int64_t samples_per_ray, nb::handle timestamps, bool render_depth,
         bool render_feats, bool render_variance, nb::handle inter_feat_fn) {
        const char* fn = "vision.render_implicit_features_and_depth";
        const vision::ImplicitRendering r = vision::render_implicit_features_and_depth(
            implicit_function(network_fn, fn), as_array(rays_o, fn), as_array(rays_d, fn),
            as_array(near, fn), as_array(far, fn), samples_per_ray, maybe_array(timestamps, fn),
            render_depth, render_feats, render_variance, point_feature_function(inter_feat_fn, fn));
        nb::list out;
        for (const auto* a : {&r.features, &r.features_variance, &r.depth, &r.depth_variance})
          if (*a) out.append(nb::cast(**a));
        return nb::tuple(out);
      },
      nb::arg("network_fn"), nb::arg("rays_o"), nb::arg("rays_d"), nb::arg("near"), nb::arg("far"),
      nb::arg("samples_per_ray"), nb::arg("timestamps").none() = nb::none(),
      nb::arg("render_depth") = true, nb::arg("render_feats") = true,
      nb::arg("render_variance") = false, nb::arg("inter_feat_fn").none() = nb::none());
}

}  // namespace ivypy
