#pragma once
// The framework-specific mode (ivy::torch::fn on at::Tensor), kept in its own translation unit
// so that only it pays for LibTorch's headers.
#include <vector>

namespace ivy_demo {

/** The demo's field computed on at::Tensor through ivy::torch::*, as host floats. */
std::vector<float> field_through_torch_namespace(int n);

}  // namespace ivy_demo
