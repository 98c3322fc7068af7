// ivycpp.vision optical flow: ivy::vision's optical_flow.hpp under the original ivy_vision
// names. Arguments as in vision.cpp: ivycpp arrays or any DLPack producer; optional arrays
// default to None. Functions returning an image and its mask return a tuple.
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>

#include <cstdint>
#include <string>

#include "common.hpp"
#include "ivy/vision.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace vision = ivy::vision;
using namespace vision_args;
}  // namespace

void bind_vision_optical_flow(nb::module_& m) {
  m.def(
      "flow_from_depth_and_cam_mats",
      [](nb::handle ds, nb::handle p12) {
        const char* fn = "vision.flow_from_depth_and_cam_mats";
        return vision::flow_from_depth_and_cam_mats(as_array(ds, fn), as_array(p12, fn));
      },
      nb::arg("pixel_coords1"), nb::arg("cam1to2_full_mat"));
  m.def(
      "depth_from_flow_and_cam_mats",
      [](nb::handle flow, nb::handle full, nb::handle inv, nb::handle centres, nb::handle pix,
         const std::string& method) {
        const char* fn = "vision.depth_from_flow_and_cam_mats";
        return vision::depth_from_flow_and_cam_mats(as_array(flow, fn), as_array(full, fn),
                                                    maybe_array(inv, fn), maybe_array(centres, fn),
                                                    maybe_array(pix, fn), method);
      },
      nb::arg("flow"), nb::arg("full_mats"), nb::arg("inv_full_mats").none() = nb::none(),
      nb::arg("camera_centers").none() = nb::none(),
      nb::arg("uniform_pixel_coords").none() = nb::none(), nb::arg("triangulation_method") = "cmp");
  m.def(
      "project_flow_to_epipolar_line",
      [](nb::handle flow, nb::handle f, nb::handle pix) {
        const char* fn = "vision.project_flow_to_epipolar_line";
        return vision::project_flow_to_epipolar_line(as_array(flow, fn), as_array(f, fn),
                                                     maybe_array(pix, fn));
      },
      nb::arg("flow"), nb::arg("fund_mat"), nb::arg("uniform_pixel_coords").none() = nb::none());
  m.def(
      "pixel_cost_volume",
      [](nb::handle a, nb::handle b, std::int64_t r) {
        const char* fn = "vision.pixel_cost_volume";
        return vision::pixel_cost_volume(as_array(a, fn), as_array(b, fn), r);
      },
      nb::arg("image1"), nb::arg("image2"), nb::arg("search_range"));
  m.def(
      "velocity_from_flow_cam_coords_and_cam_mats",
      [](nb::handle flow, nb::handle t, nb::handle tm1, nb::handle e, nb::handle dt,
         nb::handle pix) {
        const char* fn = "vision.velocity_from_flow_cam_coords_and_cam_mats";
        return vision::velocity_from_flow_cam_coords_and_cam_mats(
            as_array(flow, fn), as_array(t, fn), as_array(tm1, fn), as_array(e, fn),
            as_array(dt, fn), maybe_array(pix, fn));
      },
      nb::arg("flow_t_to_tm1"), nb::arg("cam_coords_t"), nb::arg("cam_coords_tm1"),
      nb::arg("cam_tm1_to_t_ext_mat"), nb::arg("delta_t"),
      nb::arg("uniform_pixel_coords").none() = nb::none());
  m.def(
      "project_cam_coords_with_object_transformations",
      [](nb::handle c, nb::handle ids, nb::handle obj_ids, nb::handle trans, nb::handle e) {
        const char* fn = "vision.project_cam_coords_with_object_transformations";
        return vision::project_cam_coords_with_object_transformations(
            as_array(c, fn), as_array(ids, fn), as_array(obj_ids, fn), as_array(trans, fn),
            as_array(e, fn));
      },
      nb::arg("cam_coords_1"), nb::arg("id_image"), nb::arg("obj_ids"), nb::arg("obj_trans"),
      nb::arg("cam_1_to_2_ext_mat"));
  m.def(
      "velocity_from_cam_coords_id_image_and_object_trans",
      [](nb::handle c, nb::handle ids, nb::handle obj_ids, nb::handle trans, nb::handle dt) {
        const char* fn = "vision.velocity_from_cam_coords_id_image_and_object_trans";
        return vision::velocity_from_cam_coords_id_image_and_object_trans(
            as_array(c, fn), as_array(ids, fn), as_array(obj_ids, fn), as_array(trans, fn),
            as_array(dt, fn));
      },
      nb::arg("cam_coords_t"), nb::arg("id_image"), nb::arg("obj_ids"), nb::arg("obj_trans"),
      nb::arg("delta_t"));
  m.def(
      "flow_from_cam_coords_id_image_and_object_trans",
      [](nb::handle c, nb::handle ids, nb::handle obj_ids, nb::handle trans, nb::handle k,
         nb::handle e) {
        const char* fn = "vision.flow_from_cam_coords_id_image_and_object_trans";
        return vision::flow_from_cam_coords_id_image_and_object_trans(
            as_array(c, fn), as_array(ids, fn), as_array(obj_ids, fn), as_array(trans, fn),
            as_array(k, fn), as_array(e, fn));
      },
      nb::arg("cam_coords_f1"), nb::arg("id_image"), nb::arg("obj_ids"), nb::arg("obj_trans"),
      nb::arg("calib_mat"), nb::arg("cam_1_to_2_ext_mat"));
}

}  // namespace ivypy
