// ivycpp.vision signed distances: sphere_signed_distances, cuboid_signed_distances and the
// PrimitiveScene container, under the original ivy_vision names. Arguments may be ivycpp arrays
// or any DLPack producer; results are ivycpp arrays.
#include <nanobind/stl/optional.h>

#include <optional>

#include "common.hpp"
#include "ivy/vision.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace vision = ivy::vision;
using namespace vision_args;

using Field = std::optional<ivy::Array> vision::PrimitiveScene::*;

// A read-write optional array attribute that takes None, an ivycpp array or a DLPack producer.
void def_field(nb::class_<vision::PrimitiveScene>& cls, const char* name, Field field) {
  cls.def_prop_rw(
      name, [field](const vision::PrimitiveScene& s) { return s.*field; },
      [field](vision::PrimitiveScene& s, nb::handle v) {
        s.*field = maybe_array(v, "vision.PrimitiveScene");
      },
      nb::arg("value").none());
}

}  // namespace

void bind_vision_sdf(nb::module_& m) {
  auto scene = nb::class_<vision::PrimitiveScene>(m, "PrimitiveScene");
  scene.def(
      "__init__",
      [](vision::PrimitiveScene* self, nb::handle sp, nb::handle sr, nb::handle ce, nb::handle cd) {
        const char* fn = "vision.PrimitiveScene";
        new (self) vision::PrimitiveScene{maybe_array(sp, fn), maybe_array(sr, fn),
                                          maybe_array(ce, fn), maybe_array(cd, fn)};
      },
      nb::arg("sphere_positions").none() = nb::none(), nb::arg("sphere_radii").none() = nb::none(),
      nb::arg("cuboid_ext_mats").none() = nb::none(), nb::arg("cuboid_dims").none() = nb::none());
  def_field(scene, "sphere_positions", &vision::PrimitiveScene::sphere_positions);
  def_field(scene, "sphere_radii", &vision::PrimitiveScene::sphere_radii);
  def_field(scene, "cuboid_ext_mats", &vision::PrimitiveScene::cuboid_ext_mats);
  def_field(scene, "cuboid_dims", &vision::PrimitiveScene::cuboid_dims);
  scene.def_static(
      "as_identity",
      [](nb::handle batch_shape, nb::handle dtype, nb::handle device, nb::handle backend) {
        const char* fn = "vision.PrimitiveScene.as_identity";
        return vision::PrimitiveScene::as_identity(to_shape(batch_shape, fn),
                                                   make_options(dtype, device, backend, fn));
      },
      nb::arg("batch_shape"), nb::kw_only(), nb::arg("dtype").none() = nb::none(),
      nb::arg("device").none() = nb::none(), nb::arg("backend").none() = nb::none());
  scene.def(
      "sdf",
      [](const vision::PrimitiveScene& s, nb::handle q) {
        return s.sdf(as_array(q, "vision.PrimitiveScene.sdf"));
      },
      nb::arg("query_positions"));

  m.def(
      "sphere_signed_distances",
      [](nb::handle p, nb::handle r, nb::handle q) {
        const char* fn = "vision.sphere_signed_distances";
        return vision::sphere_signed_distances(as_array(p, fn), as_array(r, fn), as_array(q, fn));
      },
      nb::arg("sphere_positions"), nb::arg("sphere_radii"), nb::arg("query_positions"));
  m.def(
      "cuboid_signed_distances",
      [](nb::handle e, nb::handle d, nb::handle q) {
        const char* fn = "vision.cuboid_signed_distances";
        return vision::cuboid_signed_distances(as_array(e, fn), as_array(d, fn), as_array(q, fn));
      },
      nb::arg("cuboid_ext_mats"), nb::arg("cuboid_dims"), nb::arg("query_positions"));
}

}  // namespace ivypy
