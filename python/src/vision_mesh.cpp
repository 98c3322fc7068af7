// ivycpp.vision meshes: create_trimesh_indices_for_image, coord_image_to_trimesh (returning
// (vertices, triangle_indices)) and rasterize_triangles.
#include <nanobind/stl/optional.h>

#include "common.hpp"
#include "ivy/vision/mesh.hpp"
#include "vision_args.hpp"

namespace ivypy {

void bind_vision_mesh(nb::module_& m) {
  using namespace vision_args;
  m.def(
      "create_trimesh_indices_for_image",
      [](nb::handle batch_shape, nb::handle image_dims, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        const char* fn = "vision.create_trimesh_indices_for_image";
        return ivy::vision::create_trimesh_indices_for_image(
            to_shape(batch_shape, fn), dims2(image_dims, fn),
            make_options(dtype, device, backend, fn));
      },
      nb::arg("batch_shape"), nb::arg("image_dims"), nb::kw_only(),
      nb::arg("dtype").none() = nb::none(), nb::arg("device").none() = nb::none(),
      nb::arg("backend").none() = nb::none());
  m.def(
      "coord_image_to_trimesh",
      [](nb::handle coord_img, nb::handle validity_mask) {
        const char* fn = "vision.coord_image_to_trimesh";
        const auto r = ivy::vision::coord_image_to_trimesh(as_array(coord_img, fn),
                                                           maybe_array(validity_mask, fn));
        return nb::make_tuple(r.vertices, r.triangle_indices);
      },
      nb::arg("coord_img"), nb::arg("validity_mask").none() = nb::none());
  m.def(
      "rasterize_triangles",
      [](nb::handle triangles, nb::handle image_dims, nb::handle batch_shape) {
        const char* fn = "vision.rasterize_triangles";
        return ivy::vision::rasterize_triangles(
            as_array(triangles, fn), dims2(image_dims, fn),
            batch_shape.is_none() ? ivy::Shape{} : to_shape(batch_shape, fn));
      },
      nb::arg("pixel_coords_triangles"), nb::arg("image_dims"),
      nb::arg("batch_shape").none() = nb::none());
}

}  // namespace ivypy
