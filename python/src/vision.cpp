// ivycpp.vision: ivy::vision (camera containers and single-view geometry) under the original
// ivy_vision names. Arguments may be ivycpp arrays or any DLPack producer (NumPy, PyTorch...),
// imported into the current backend; results are ivycpp arrays. Image sizes are (H, W)
// sequences; optional arrays default to None.
#include <nanobind/stl/array.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <array>
#include <optional>

#include "common.hpp"
#include "ivy/vision.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace vision = ivy::vision;
using namespace vision_args;

// A container's as_identity(batch_shape, *, dtype=None, device=None, backend=None).
template <class T>
void def_as_identity(nb::class_<T>& cls, const char* fn) {
  cls.def_static(
      "as_identity",
      [fn](nb::handle batch_shape, nb::handle dtype, nb::handle device, nb::handle backend) {
        return T::as_identity(to_shape(batch_shape, fn), make_options(dtype, device, backend, fn));
      },
      nb::arg("batch_shape"), nb::kw_only(), nb::arg("dtype").none() = nb::none(),
      nb::arg("device").none() = nb::none(), nb::arg("backend").none() = nb::none());
}

}  // namespace

void bind_vision(nb::module_& parent) {
  nb::module_ m =
      parent.def_submodule("vision", "ivy::vision under the original ivy_vision names.");

  auto intrinsics = nb::class_<vision::Intrinsics>(m, "Intrinsics");
  intrinsics.def(nb::init<>())
      .def_rw("focal_lengths", &vision::Intrinsics::focal_lengths)
      .def_rw("persp_angles", &vision::Intrinsics::persp_angles)
      .def_rw("pp_offsets", &vision::Intrinsics::pp_offsets)
      .def_rw("calib_mats", &vision::Intrinsics::calib_mats)
      .def_rw("inv_calib_mats", &vision::Intrinsics::inv_calib_mats);
  def_as_identity(intrinsics, "vision.Intrinsics.as_identity");
  auto extrinsics = nb::class_<vision::Extrinsics>(m, "Extrinsics");
  extrinsics.def(nb::init<>())
      .def_rw("cam_centers", &vision::Extrinsics::cam_centers)
      .def_rw("Rs", &vision::Extrinsics::Rs)
      .def_rw("inv_Rs", &vision::Extrinsics::inv_Rs)
      .def_rw("ext_mats_homo", &vision::Extrinsics::ext_mats_homo)
      .def_rw("inv_ext_mats_homo", &vision::Extrinsics::inv_ext_mats_homo);
  def_as_identity(extrinsics, "vision.Extrinsics.as_identity");
  auto camera_geometry = nb::class_<vision::CameraGeometry>(m, "CameraGeometry");
  camera_geometry.def(nb::init<>())
      .def_rw("intrinsics", &vision::CameraGeometry::intrinsics)
      .def_rw("extrinsics", &vision::CameraGeometry::extrinsics)
      .def_rw("full_mats_homo", &vision::CameraGeometry::full_mats_homo)
      .def_rw("inv_full_mats_homo", &vision::CameraGeometry::inv_full_mats_homo);
  def_as_identity(camera_geometry, "vision.CameraGeometry.as_identity");

  m.def(
      "create_uniform_pixel_coords_image",
      [](nb::handle image_dims, nb::handle batch_shape, bool normalized, bool homogeneous,
         nb::handle dtype, nb::handle device, nb::handle backend) {
        const char* fn = "vision.create_uniform_pixel_coords_image";
        return vision::create_uniform_pixel_coords_image(
            dims2(image_dims, fn), batch_shape.is_none() ? ivy::Shape{} : to_shape(batch_shape, fn),
            normalized, homogeneous, make_options(dtype, device, backend, fn));
      },
      nb::arg("image_dims"), nb::arg("batch_shape").none() = nb::none(),
      nb::arg("normalized") = false, nb::arg("homogeneous") = true, nb::kw_only(),
      nb::arg("dtype").none() = nb::none(), nb::arg("device").none() = nb::none(),
      nb::arg("backend").none() = nb::none());
  m.def(
      "create_sampled_pixel_coords_image",
      [](nb::handle image_dims, nb::handle samples_per_dim, nb::handle batch_shape, bool normalized,
         bool randomize, bool homogeneous, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        const char* fn = "vision.create_sampled_pixel_coords_image";
        return vision::create_sampled_pixel_coords_image(
            dims2(image_dims, fn), dims2(samples_per_dim, fn),
            batch_shape.is_none() ? ivy::Shape{} : to_shape(batch_shape, fn), normalized, randomize,
            homogeneous, make_options(dtype, device, backend, fn));
      },
      nb::arg("image_dims"), nb::arg("samples_per_dim"), nb::arg("batch_shape").none() = nb::none(),
      nb::arg("normalized") = false, nb::arg("randomize") = true, nb::arg("homogeneous") = false,
      nb::kw_only(), nb::arg("dtype").none() = nb::none(), nb::arg("device").none() = nb::none(),
      nb::arg("backend").none() = nb::none());
  m.def(
      "downsampled_image_dims_from_desired_num_pixels",
      [](nb::handle image_dims, std::int64_t num_pixels, bool maximum) {
        const auto r = vision::downsampled_image_dims_from_desired_num_pixels(
            dims2(image_dims, "vision.downsampled_image_dims_from_desired_num_pixels"), num_pixels,
            maximum);
        return nb::make_tuple(nb::make_tuple(r[0], r[1]), r[2]);
      },
      nb::arg("image_dims"), nb::arg("num_pixels"), nb::arg("maximum") = false);

// (array, image_dims) -> array
#define IVY_VISION_WITH_DIMS(name, a0)                                                   \
  m.def(                                                                                 \
      #name,                                                                             \
      [](nb::handle x, nb::handle dims) {                                                \
        return vision::name(as_array(x, "vision." #name), dims2(dims, "vision." #name)); \
      },                                                                                 \
      nb::arg(a0), nb::arg("image_dims"))
  IVY_VISION_WITH_DIMS(persp_angles_to_focal_lengths, "persp_angles");
  IVY_VISION_WITH_DIMS(focal_lengths_to_persp_angles, "focal_lengths");
  IVY_VISION_WITH_DIMS(calib_mat_to_intrinsics_object, "calib_mat");
#undef IVY_VISION_WITH_DIMS

#define IVY_VISION_UNARY(name, a0) \
  m.def(                           \
      #name, [](nb::handle x) { return vision::name(as_array(x, "vision." #name)); }, nb::arg(a0))
  IVY_VISION_UNARY(inv_ext_mat_to_camera_center, "inv_ext_mat");
  IVY_VISION_UNARY(projection_matrix_inverse, "proj_mat");
  IVY_VISION_UNARY(projection_matrix_pseudo_inverse, "proj_mat");
#undef IVY_VISION_UNARY

#define IVY_VISION_BINARY(name, a0, a1)                                                  \
  m.def(                                                                                 \
      #name,                                                                             \
      [](nb::handle x, nb::handle y) {                                                   \
        return vision::name(as_array(x, "vision." #name), as_array(y, "vision." #name)); \
      },                                                                                 \
      nb::arg(a0), nb::arg(a1))
  IVY_VISION_BINARY(focal_lengths_and_pp_offsets_to_calib_mat, "focal_lengths", "pp_offsets");
  IVY_VISION_BINARY(rot_mat_and_cam_center_to_ext_mat, "rotation_mat", "camera_center");
  IVY_VISION_BINARY(calib_and_ext_to_full_mat, "calib_mat", "ext_mat");
  IVY_VISION_BINARY(ds_pixel_coords_to_radial_depth, "ds_pixel_coords", "inv_calib_mat");
  IVY_VISION_BINARY(cam_to_ds_pixel_coords, "coords_wrt_cam", "calib_mat");
  IVY_VISION_BINARY(cam_coords_to_depth, "coords_wrt_cam", "calib_mat");
  IVY_VISION_BINARY(ds_pixel_to_cam_coords, "ds_pixel_coords", "inv_calib_mat");
  IVY_VISION_BINARY(world_to_cam_coords, "coords_wrt_world", "ext_mat");
  IVY_VISION_BINARY(cam_to_world_coords, "coords_wrt_cam", "inv_ext_mat");
  IVY_VISION_BINARY(world_to_ds_pixel_coords, "coords_wrt_world", "full_mat");
  IVY_VISION_BINARY(world_coords_to_depth, "coords_wrt_world", "full_mat");
  IVY_VISION_BINARY(ds_pixel_to_world_coords, "ds_pixel_coords", "inv_full_mat");
  IVY_VISION_BINARY(sphere_coords_to_world_ray_vectors, "sphere_coords", "inv_rotation_mat");
  IVY_VISION_BINARY(bilinearly_interpolate_image, "image", "sampling_pixel_coords");
  IVY_VISION_BINARY(ds_pixel_to_sphere_coords, "ds_pixel_coords", "inv_calib_mat");
  IVY_VISION_BINARY(sphere_to_ds_pixel_coords, "sphere_coords", "calib_mat");
  IVY_VISION_BINARY(ds_pixel_to_ds_pixel_coords, "ds_pixel_coords1", "cam1to2_full_mat");
  IVY_VISION_BINARY(cam_to_cam_coords, "cam_coords1", "cam1to2_ext_mat");
#undef IVY_VISION_BINARY

// (depth, matrix, uniform_pixel_coords=None) -> array
#define IVY_VISION_DEPTH(name, a1)                                                      \
  m.def(                                                                                \
      #name,                                                                            \
      [](nb::handle d, nb::handle k, nb::handle u) {                                    \
        return vision::name(as_array(d, "vision." #name), as_array(k, "vision." #name), \
                            maybe_array(u, "vision." #name));                           \
      },                                                                                \
      nb::arg("depth"), nb::arg(a1), nb::arg("uniform_pixel_coords").none() = nb::none())
  IVY_VISION_DEPTH(depth_to_radial_depth, "inv_calib_mat");
  IVY_VISION_DEPTH(depth_to_cam_coords, "inv_calib_mat");
  IVY_VISION_DEPTH(depth_to_world_coords, "inv_full_mat");
#undef IVY_VISION_DEPTH
  m.def(
      "depth_to_ds_pixel_coords",
      [](nb::handle d, nb::handle u) {
        return vision::depth_to_ds_pixel_coords(as_array(d, "vision.depth_to_ds_pixel_coords"),
                                                maybe_array(u, "vision.depth_to_ds_pixel_coords"));
      },
      nb::arg("depth"), nb::arg("uniform_pixel_coords").none() = nb::none());
  m.def(
      "pixel_coords_to_world_ray_vectors",
      [](nb::handle inv_full, nb::handle pix, nb::handle centre) {
        const char* fn = "vision.pixel_coords_to_world_ray_vectors";
        return vision::pixel_coords_to_world_ray_vectors(as_array(inv_full, fn), as_array(pix, fn),
                                                         maybe_array(centre, fn));
      },
      nb::arg("inv_full_mat"), nb::arg("pixel_coords"),
      nb::arg("camera_center").none() = nb::none());
  m.def(
      "cam_to_sphere_coords",
      [](nb::handle x, bool f) {
        return vision::cam_to_sphere_coords(as_array(x, "vision.cam_to_sphere_coords"), f);
      },
      nb::arg("cam_coords"), nb::arg("forward_facing_z") = true);
  m.def(
      "sphere_to_cam_coords",
      [](nb::handle x, bool f) {
        return vision::sphere_to_cam_coords(as_array(x, "vision.sphere_to_cam_coords"), f);
      },
      nb::arg("sphere_coords"), nb::arg("forward_facing_z") = true);
  m.def(
      "sphere_to_angular_pixel_coords",
      [](nb::handle x, double ppd) {
        return vision::sphere_to_angular_pixel_coords(
            as_array(x, "vision.sphere_to_angular_pixel_coords"), ppd);
      },
      nb::arg("sphere_coords"), nb::arg("pixels_per_degree"));
  m.def(
      "angular_pixel_to_sphere_coords",
      [](nb::handle x, double ppd) {
        return vision::angular_pixel_to_sphere_coords(
            as_array(x, "vision.angular_pixel_to_sphere_coords"), ppd);
      },
      nb::arg("angular_pixel_coords"), nb::arg("pixels_per_degree"));
  m.def(
      "focal_lengths_and_pp_offsets_to_intrinsics_object",
      [](nb::handle f, nb::handle p, nb::handle dims) {
        const char* fn = "vision.focal_lengths_and_pp_offsets_to_intrinsics_object";
        return vision::focal_lengths_and_pp_offsets_to_intrinsics_object(
            as_array(f, fn), as_array(p, fn), dims2(dims, fn));
      },
      nb::arg("focal_lengths"), nb::arg("pp_offsets"), nb::arg("image_dims"));
  m.def(
      "persp_angles_and_pp_offsets_to_intrinsics_object",
      [](nb::handle a, nb::handle p, nb::handle dims) {
        const char* fn = "vision.persp_angles_and_pp_offsets_to_intrinsics_object";
        return vision::persp_angles_and_pp_offsets_to_intrinsics_object(
            as_array(a, fn), as_array(p, fn), dims2(dims, fn));
      },
      nb::arg("persp_angles"), nb::arg("pp_offsets"), nb::arg("image_dims"));
  m.def(
      "ext_mat_and_intrinsics_to_cam_geometry_object",
      [](nb::handle e, const vision::Intrinsics& in) {
        return vision::ext_mat_and_intrinsics_to_cam_geometry_object(
            as_array(e, "vision.ext_mat_and_intrinsics_to_cam_geometry_object"), in);
      },
      nb::arg("ext_mat"), nb::arg("intrinsics"));
  m.def(
      "inv_ext_mat_and_intrinsics_to_cam_geometry_object",
      [](nb::handle e, const vision::Intrinsics& in) {
        return vision::inv_ext_mat_and_intrinsics_to_cam_geometry_object(
            as_array(e, "vision.inv_ext_mat_and_intrinsics_to_cam_geometry_object"), in);
      },
      nb::arg("inv_ext_mat"), nb::arg("intrinsics"));
  bind_vision_quantization(m);
  bind_vision_smoothing(m);
  bind_vision_padding(m);
  bind_vision_mesh(m);
  bind_vision_voxel_grids(m);
  bind_vision_sdf(m);
  bind_vision_implicit(m);
  bind_vision_two_view_geometry(m);
  bind_vision_optical_flow(m);

  // The C++ list (ivy/vision/function_list.hpp), which python/tests/test_library_names.py
  // compares with this module's names and with docs/vision.md.
  nb::list names;
#define IVY_VISION_NAME(name) names.append(#name);
  IVY_VISION_ARRAY_FUNCTIONS(IVY_VISION_NAME)
  IVY_VISION_SIZE_FUNCTIONS(IVY_VISION_NAME)
  IVY_VISION_CONTAINERS(IVY_VISION_NAME)
#undef IVY_VISION_NAME
  m.attr("_cpp_names") = names;
}

}  // namespace ivypy
