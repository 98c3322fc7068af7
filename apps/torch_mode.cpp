#include "torch_mode.hpp"

#include <ATen/ATen.h>

#include "field.hpp"
#include "ivy/torch.hpp"

namespace ivy_demo {

std::vector<float> field_through_torch_namespace(int n) {
  // Native tensors in, native tensors out: the same template as every other mode.
  const at::Tensor t = field<at::Tensor>(ivy::torch::linspace(-2.0, 2.0, n), n);
  const at::Tensor flat = t.contiguous().reshape({-1});
  return std::vector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
}

}  // namespace ivy_demo
