#pragma once
/// ivy::robot on an engine's own arrays: with `ivy/torch.hpp` (or `ivy/xtensor.hpp`,
/// `ivy/mlx.hpp`) included, every function of robot/function_list.hpp also takes at::Tensor
/// (xt::xarray, mlx::core::array) and returns the engine's type, through the one ivy::Array
/// implementation (as vision/native.hpp does). The classes' methods have their own overloads.
#include "ivy/native.hpp"
#include "ivy/robot/function_list.hpp"

namespace ivy::robot {

#define IVY_ROBOT_NATIVE_OVERLOAD(name) IVY_NATIVE_OVERLOAD(name, true)
IVY_ROBOT_ARRAY_FUNCTIONS(IVY_ROBOT_NATIVE_OVERLOAD)
#undef IVY_ROBOT_NATIVE_OVERLOAD

}  // namespace ivy::robot
