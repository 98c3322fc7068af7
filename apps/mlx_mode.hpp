#pragma once
// The framework-specific mode (ivy::mlx::fn on mlx::core::array), kept in its own translation
// unit so that only it includes MLX's headers.
#include <vector>

namespace ivy_demo {

/** The demo's field computed on mlx::core::array through ivy::mlx::*, as host floats. */
std::vector<float> field_through_mlx_namespace(int n);

}  // namespace ivy_demo
