#pragma once
// Internal to the ivy::vision sources: the two-view steps that optical flow reuses, taking the
// name of the calling function for their error messages.
#include <optional>
#include <string_view>

#include "ivy/core/array.hpp"

namespace ivy::vision::detail {

/** closest_mutual_points_along_two_skew_rays, errors naming fn. */
Array closest_mutual_points(std::string_view fn, const Array& camera_centers,
                            const Array& world_ray_vectors);
/** solve_homogeneous_dlt, errors naming fn. */
Array homogeneous_dlt(std::string_view fn, const Array& a);
/** triangulate_depth, errors naming fn. */
Array triangulate(std::string_view fn, const Array& ds_pixel_coords, const Array& full_mats,
                  const std::optional<Array>& inv_full_mats,
                  const std::optional<Array>& camera_centers, std::string_view method);

}  // namespace ivy::vision::detail
