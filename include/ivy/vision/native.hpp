#pragma once
/// ivy::vision on an engine's own arrays: with `ivy/torch.hpp` (or `ivy/xtensor.hpp`,
/// `ivy/mlx.hpp`) included, every function of vision/function_list.hpp that takes arrays also
/// takes at::Tensor (xt::xarray, mlx::core::array) and returns the engine's type:
///
///   at::Tensor world = ivy::vision::depth_to_world_coords(depth, inv_full_mat);
///
/// As with the unified functions (ivy/native.hpp), the native arguments enter ivy::Array (for
/// LibTorch without a copy), the one implementation runs, and array results convert back, so
/// results and errors are those of the ivy::Array API by construction. Containers (Intrinsics,
/// CameraGeometry, ...) hold ivy::Array fields either way.
#include "ivy/native.hpp"
#include "ivy/vision/function_list.hpp"

namespace ivy::vision {

#define IVY_VISION_NATIVE_OVERLOAD(name) IVY_NATIVE_OVERLOAD(name, true)
IVY_VISION_ARRAY_FUNCTIONS(IVY_VISION_NATIVE_OVERLOAD)
#undef IVY_VISION_NATIVE_OVERLOAD

}  // namespace ivy::vision
