// ivycpp.robot manipulators: Manipulator, MicoManipulator and PandaManipulator under the original
// ivy_robot names. Arrays may be ivycpp arrays or any DLPack producer; results are ivycpp arrays.
#include <nanobind/stl/optional.h>
#include <nanobind/stl/vector.h>

#include <cstdint>
#include <optional>

#include "common.hpp"
#include "ivy/robot.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace robot = ivy::robot;
using vision_args::as_array;
using vision_args::maybe_array;

/** The constructor of a published arm: an optional base pose and the parameter arrays' dtype,
 * device and backend (keywords, as vision's as_identity). */
template <class Arm>
void bind_published_arm(nb::module_& m, const char* name, const char* fn) {
  nb::class_<Arm, robot::Manipulator>(m, name).def(
      "__init__",
      [fn](Arm* self, nb::handle base, nb::handle dtype, nb::handle device, nb::handle backend) {
        new (self) Arm(maybe_array(base, fn), make_options(dtype, device, backend, fn));
      },
      nb::arg("base_inv_ext_mat").none() = nb::none(), nb::kw_only(),
      nb::arg("dtype").none() = nb::none(), nb::arg("device").none() = nb::none(),
      nb::arg("backend").none() = nb::none());
}

}  // namespace

void bind_robot_manipulator(nb::module_& m) {
  nb::class_<robot::Manipulator>(m, "Manipulator")
      .def(
          "__init__",
          [](robot::Manipulator* self, nb::handle a_s, nb::handle d_s, nb::handle alpha_s,
             nb::handle scales, nb::handle offsets, nb::handle base) {
            const char* fn = "robot.Manipulator";
            new (self) robot::Manipulator(as_array(a_s, fn), as_array(d_s, fn),
                                          as_array(alpha_s, fn), as_array(scales, fn),
                                          as_array(offsets, fn), maybe_array(base, fn));
          },
          nb::arg("a_s"), nb::arg("d_s"), nb::arg("alpha_s"), nb::arg("dh_joint_scales"),
          nb::arg("dh_joint_offsets"), nb::arg("base_inv_ext_mat").none() = nb::none())
      .def(
          "compute_link_matrices",
          [](const robot::Manipulator& r, nb::handle joint_angles, std::int64_t link_num) {
            return r.compute_link_matrices(
                as_array(joint_angles, "robot.Manipulator.compute_link_matrices"), link_num);
          },
          nb::arg("joint_angles"), nb::arg("link_num"))
      .def(
          "compute_link_poses",
          [](const robot::Manipulator& r, nb::handle joint_angles, std::int64_t link_num) {
            return r.compute_link_poses(
                as_array(joint_angles, "robot.Manipulator.compute_link_poses"), link_num);
          },
          nb::arg("joint_angles"), nb::arg("link_num"))
      .def(
          "sample_links",
          [](const robot::Manipulator& r, nb::handle joint_angles,
             std::optional<std::int64_t> link_num, double samples_per_metre) {
            return r.sample_links(as_array(joint_angles, "robot.Manipulator.sample_links"),
                                  link_num, samples_per_metre);
          },
          nb::arg("joint_angles"), nb::arg("link_num").none() = nb::none(),
          nb::arg("samples_per_metre") = 25.0)
      .def("num_link_samples", &robot::Manipulator::num_link_samples,
           nb::arg("link_num").none() = nb::none(), nb::arg("samples_per_metre") = 25.0)
      .def("num_joints", &robot::Manipulator::num_joints)
      .def("link_lengths", &robot::Manipulator::link_lengths)
      .def_prop_ro("a_s", &robot::Manipulator::a_s)
      .def_prop_ro("d_s", &robot::Manipulator::d_s)
      .def_prop_ro("alpha_s", &robot::Manipulator::alpha_s)
      .def_prop_ro("dh_joint_scales", &robot::Manipulator::dh_joint_scales)
      .def_prop_ro("dh_joint_offsets", &robot::Manipulator::dh_joint_offsets)
      .def_prop_ro("base_inv_ext_mat", &robot::Manipulator::base_inv_ext_mat);

  bind_published_arm<robot::MicoManipulator>(m, "MicoManipulator", "robot.MicoManipulator");
  bind_published_arm<robot::PandaManipulator>(m, "PandaManipulator", "robot.PandaManipulator");
}

}  // namespace ivypy
