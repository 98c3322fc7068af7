// The exported half of include/ivy/torch.hpp.
#include "backends/torch/torch_array.hpp"
#include "ivy/torch.hpp"

namespace ivy::detail {

const Backend& torch_backend_table() { return backends::torch_impl::backend(); }

void undefined_tensor_error() {
  raise<ValueError>("from_native", "torch", "the at::Tensor is undefined");
}

void not_a_tensor_error(const Array& a) {
  raise<BackendError>("to_native", a.backend_name(),
                      "an Array of backend '" + std::string(a.backend_name()) +
                          "' is not an at::Tensor; convert it with ivy::to_backend");
}

}  // namespace ivy::detail
