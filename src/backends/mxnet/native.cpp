// The exported half of include/ivy/mxnet.hpp.
#include "backends/mxnet/mx_array.hpp"
#include "ivy/mxnet.hpp"

namespace ivy::detail {

const Backend& mxnet_backend_table() { return backends::mxnet_impl::backend(); }

void empty_mxnet_array_error() {
  raise<ValueError>("from_native", "mxnet", "the ivy::mxnet::NDArray is empty");
}

void not_an_mxnet_array_error(const Array& a) {
  raise<BackendError>("to_native", a.backend_name(),
                      "an Array of backend '" + std::string(a.backend_name()) +
                          "' is not an ivy::mxnet::NDArray; convert it with ivy::to_backend");
}

}  // namespace ivy::detail
