// The exported half of include/ivy/torch.hpp: at::Tensor <-> ivy::Array without copies.
#include "backends/torch/torch_array.hpp"
#include "ivy/torch.hpp"

namespace ivy {

Array native_traits<at::Tensor>::to_array(const at::Tensor& t) {
  if (!t.defined())
    detail::raise<ValueError>("from_native", "torch", "the at::Tensor is undefined");
  return backends::torch_impl::wrap(t);
}

at::Tensor native_traits<at::Tensor>::from_array(const Array& a) {
  if (a.backend_name() != "torch")
    detail::raise<BackendError>("to_native", a.backend_name(),
                                "an Array of backend '" + std::string(a.backend_name()) +
                                    "' is not an at::Tensor; convert it with ivy::to_backend");
  return backends::torch_impl::tensor(a);
}

}  // namespace ivy
