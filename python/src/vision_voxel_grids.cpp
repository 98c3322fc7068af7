// ivycpp.vision voxel grids: coords_to_voxel_grid, returning (voxel_grid, dims, resolutions,
// lower_corners) like the original.
#include <nanobind/stl/string.h>

#include <string>

#include "common.hpp"
#include "ivy/vision/voxel_grids.hpp"
#include "vision_args.hpp"

namespace ivypy {

void bind_vision_voxel_grids(nb::module_& m) {
  using namespace vision_args;
  m.def(
      "coords_to_voxel_grid",
      [](nb::handle coords, nb::handle voxel_shape_spec, const std::string& mode,
         nb::handle coord_bounds, nb::handle features) {
        const char* fn = "vision.coords_to_voxel_grid";
        const auto r = ivy::vision::coords_to_voxel_grid(
            as_array(coords, fn), as_array(voxel_shape_spec, fn), mode,
            maybe_array(coord_bounds, fn), maybe_array(features, fn));
        return nb::make_tuple(r.grid, r.dims, r.resolutions, r.lower_corners);
      },
      nb::arg("coords"), nb::arg("voxel_shape_spec"), nb::arg("mode") = "DIMS",
      nb::arg("coord_bounds").none() = nb::none(), nb::arg("features").none() = nb::none());
}

}  // namespace ivypy
