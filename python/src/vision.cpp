// ivycpp.vision: ivy::vision (issue 14, part 1: single-view geometry) under the original
// ivy_vision names. Arguments may be ivycpp arrays or any DLPack producer, imported into the
// current backend; results are ivycpp arrays.
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include "ivy/vision.hpp"

#include "common.hpp"

namespace ivypy {
namespace {

using Unary = ivy::Array (*)(const ivy::Array&);
using Binary = ivy::Array (*)(const ivy::Array&, const ivy::Array&);

template <Binary F>
void def_binary(nb::module_& m, const char* name, const char* a, const char* b) {
  m.def(
      name,
      [name](nb::handle x, nb::handle y) { return F(any_array(x, name), any_array(y, name)); },
      nb::arg(a), nb::arg(b));
}

template <Unary F>
void def_unary(nb::module_& m, const char* name, const char* a) {
  m.def(
      name, [name](nb::handle x) { return F(any_array(x, name)); }, nb::arg(a));
}

std::optional<ivy::Array> optional_array(nb::handle h, const char* fn) {
  if (h.is_none()) return std::nullopt;
  return any_array(h, fn);
}

}  // namespace

void bind_vision(nb::module_& parent) {
  namespace v = ivy::vision;
  nb::module_ m = parent.def_submodule("vision", "ivy::vision under the original names.");
  m.def(
      "create_uniform_pixel_coords_image",
      [](nb::handle image_dims, nb::handle batch_shape, bool normalized, bool homogeneous,
         nb::handle dtype, nb::handle backend) {
        constexpr const char* fn = "vision.create_uniform_pixel_coords_image";
        return v::create_uniform_pixel_coords_image(
            to_shape(image_dims, fn), batch_shape.is_none() ? ivy::Shape{} : to_shape(batch_shape, fn),
            normalized, homogeneous, make_options(dtype, nb::none(), backend, fn));
      },
      nb::arg("image_dims"), nb::arg("batch_shape").none() = nb::none(),
      nb::arg("normalized") = false, nb::arg("homogeneous") = true,
      nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none());
  m.def(
      "persp_angles_to_focal_lengths",
      [](nb::handle a, nb::handle image_dims) {
        constexpr const char* fn = "vision.persp_angles_to_focal_lengths";
        return v::persp_angles_to_focal_lengths(any_array(a, fn), to_shape(image_dims, fn));
      },
      nb::arg("persp_angles"), nb::arg("image_dims"));
  m.def(
      "focal_lengths_to_persp_angles",
      [](nb::handle f, nb::handle image_dims) {
        constexpr const char* fn = "vision.focal_lengths_to_persp_angles";
        return v::focal_lengths_to_persp_angles(any_array(f, fn), to_shape(image_dims, fn));
      },
      nb::arg("focal_lengths"), nb::arg("image_dims"));
  m.def(
      "depth_to_ds_pixel_coords",
      [](nb::handle depth, nb::handle uniform) {
        constexpr const char* fn = "vision.depth_to_ds_pixel_coords";
        return v::depth_to_ds_pixel_coords(any_array(depth, fn), optional_array(uniform, fn));
      },
      nb::arg("depth"), nb::arg("uniform_pixel_coords").none() = nb::none());
  m.def(
      "depth_to_cam_coords",
      [](nb::handle depth, nb::handle inv_calib, nb::handle uniform) {
        constexpr const char* fn = "vision.depth_to_cam_coords";
        return v::depth_to_cam_coords(any_array(depth, fn), any_array(inv_calib, fn),
                                      optional_array(uniform, fn));
      },
      nb::arg("depth"), nb::arg("inv_calib_mat"),
      nb::arg("uniform_pixel_coords").none() = nb::none());
  def_binary<v::transform>(m, "transform", "coords", "trans");
  def_binary<v::focal_lengths_and_pp_offsets_to_calib_mat>(
      m, "focal_lengths_and_pp_offsets_to_calib_mat", "focal_lengths", "pp_offsets");
  def_binary<v::rot_mat_and_cam_center_to_ext_mat>(m, "rot_mat_and_cam_center_to_ext_mat",
                                                   "rotation_mat", "camera_center");
  def_binary<v::calib_and_ext_to_full_mat>(m, "calib_and_ext_to_full_mat", "calib_mat",
                                           "ext_mat");
  def_unary<v::inv_ext_mat_to_camera_center>(m, "inv_ext_mat_to_camera_center", "inv_ext_mat");
  def_binary<v::ds_pixel_to_cam_coords>(m, "ds_pixel_to_cam_coords", "ds_pixel_coords",
                                        "inv_calib_mat");
  def_binary<v::cam_to_ds_pixel_coords>(m, "cam_to_ds_pixel_coords", "coords_wrt_cam",
                                        "calib_mat");
  def_binary<v::cam_coords_to_depth>(m, "cam_coords_to_depth", "coords_wrt_cam", "calib_mat");
  def_binary<v::world_to_cam_coords>(m, "world_to_cam_coords", "coords_wrt_world", "ext_mat");
  def_binary<v::cam_to_world_coords>(m, "cam_to_world_coords", "coords_wrt_cam", "inv_ext_mat");
  def_binary<v::world_to_ds_pixel_coords>(m, "world_to_ds_pixel_coords", "coords_wrt_world",
                                          "full_mat");
  def_binary<v::world_coords_to_depth>(m, "world_coords_to_depth", "coords_wrt_world",
                                       "full_mat");
  def_binary<v::ds_pixel_coords_to_radial_depth>(m, "ds_pixel_coords_to_radial_depth",
                                                 "ds_pixel_coords", "inv_calib_mat");
}

}  // namespace ivypy
