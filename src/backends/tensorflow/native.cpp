// The exported half of include/ivy/tensorflow.hpp.
#include "backends/tensorflow/tf_tensor.hpp"
#include "ivy/tensorflow.hpp"

namespace ivy::detail {

const Backend& tensorflow_backend_table() { return backends::tensorflow_impl::backend(); }

void empty_tensorflow_tensor_error() {
  raise<ValueError>("from_native", "tensorflow", "the ivy::tensorflow::Tensor is empty");
}

void not_a_tensorflow_tensor_error(const Array& a) {
  raise<BackendError>("to_native", a.backend_name(),
                      "an Array of backend '" + std::string(a.backend_name()) +
                          "' is not an ivy::tensorflow::Tensor; convert it with ivy::to_backend");
}

}  // namespace ivy::detail
