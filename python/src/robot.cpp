// ivycpp.robot: ivy::robot under the original ivy_robot names: sample_spline_path and
// RigidMobile (the manipulators are bound in robot_manipulator.cpp). Arguments may be ivycpp
// arrays or any DLPack producer; results are ivycpp arrays.
#include "ivy/robot.hpp"
#include "common.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace robot = ivy::robot;
using vision_args::as_array;
}  // namespace

void bind_robot(nb::module_& parent) {
  nb::module_ m = parent.def_submodule("robot", "ivy::robot under the original ivy_robot names.");
  m.def(
      "sample_spline_path",
      [](nb::handle anchor_points, nb::handle anchor_vals, nb::handle sample_points, int order) {
        const char* fn = "robot.sample_spline_path";
        return robot::sample_spline_path(as_array(anchor_points, fn), as_array(anchor_vals, fn),
                                         as_array(sample_points, fn), order);
      },
      nb::arg("anchor_points"), nb::arg("anchor_vals"), nb::arg("sample_points"),
      nb::arg("order") = 3);

  nb::class_<robot::RigidMobile>(m, "RigidMobile")
      .def(
          "__init__",
          [](robot::RigidMobile* self, nb::handle rel_body_points) {
            new (self) robot::RigidMobile(as_array(rel_body_points, "robot.RigidMobile"));
          },
          nb::arg("rel_body_points"))
      .def(
          "sample_body",
          [](const robot::RigidMobile& r, nb::handle inv_ext_mats) {
            return r.sample_body(as_array(inv_ext_mats, "robot.RigidMobile.sample_body"));
          },
          nb::arg("inv_ext_mats"))
      .def_prop_ro("rel_body_points", &robot::RigidMobile::rel_body_points);
  bind_robot_manipulator(m);

  // The names of ivy::robot's one list, for the test that Python and the docs follow it.
  nb::list names;
#define IVY_ROBOT_NAME(name) names.append(#name);
  IVY_ROBOT_ARRAY_FUNCTIONS(IVY_ROBOT_NAME)
  IVY_ROBOT_CLASSES(IVY_ROBOT_NAME)
#undef IVY_ROBOT_NAME
  m.attr("_cpp_names") = names;
}

}  // namespace ivypy
