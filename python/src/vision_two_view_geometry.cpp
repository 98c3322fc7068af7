// ivycpp.vision two-view geometry: ivy::vision's two_view_geometry.hpp under the original
// ivy_vision names (plus projective_geometry's solve_homogeneous_dlt). Arguments as in
// vision.cpp: ivycpp arrays or any DLPack producer; optional arrays default to None.
#include <nanobind/stl/string.h>

#include <string>

#include "common.hpp"
#include "ivy/vision.hpp"
#include "vision_args.hpp"

namespace ivypy {
namespace {
namespace vision = ivy::vision;
using namespace vision_args;
}  // namespace

void bind_vision_two_view_geometry(nb::module_& m) {
  m.def(
      "sphere_to_sphere_coords",
      [](nb::handle s, nb::handle e) {
        const char* fn = "vision.sphere_to_sphere_coords";
        return vision::sphere_to_sphere_coords(as_array(s, fn), as_array(e, fn));
      },
      nb::arg("sphere_coords1"), nb::arg("cam1to2_ext_mat"));
  m.def(
      "angular_pixel_to_angular_pixel_coords",
      [](nb::handle a, nb::handle e, double ppd) {
        const char* fn = "vision.angular_pixel_to_angular_pixel_coords";
        return vision::angular_pixel_to_angular_pixel_coords(as_array(a, fn), as_array(e, fn), ppd);
      },
      nb::arg("angular_pixel_coords1"), nb::arg("cam1to2_ext_mat"), nb::arg("pixels_per_degree"));
  m.def(
      "get_fundamental_matrix",
      [](nb::handle p1, nb::handle p2, nb::handle c1, nb::handle pinv1) {
        const char* fn = "vision.get_fundamental_matrix";
        return vision::get_fundamental_matrix(as_array(p1, fn), as_array(p2, fn),
                                              maybe_array(c1, fn), maybe_array(pinv1, fn));
      },
      nb::arg("full_mat1"), nb::arg("full_mat2"), nb::arg("camera_center1").none() = nb::none(),
      nb::arg("pinv_full_mat1").none() = nb::none());
  m.def(
      "closest_mutual_points_along_two_skew_rays",
      [](nb::handle c, nb::handle r) {
        const char* fn = "vision.closest_mutual_points_along_two_skew_rays";
        return vision::closest_mutual_points_along_two_skew_rays(as_array(c, fn), as_array(r, fn));
      },
      nb::arg("camera_centers"), nb::arg("world_ray_vectors"));
  m.def(
      "triangulate_depth",
      [](nb::handle ds, nb::handle full, nb::handle inv, nb::handle centres,
         const std::string& method) {
        const char* fn = "vision.triangulate_depth";
        return vision::triangulate_depth(as_array(ds, fn), as_array(full, fn), maybe_array(inv, fn),
                                         maybe_array(centres, fn), method);
      },
      nb::arg("ds_pixel_coords"), nb::arg("full_mats"),
      nb::arg("inv_full_mats").none() = nb::none(), nb::arg("camera_centers").none() = nb::none(),
      nb::arg("method") = "cmp");
  m.def(
      "solve_homogeneous_dlt",
      [](nb::handle a) {
        return vision::solve_homogeneous_dlt(as_array(a, "vision.solve_homogeneous_dlt"));
      },
      nb::arg("A"));
}

}  // namespace ivypy
