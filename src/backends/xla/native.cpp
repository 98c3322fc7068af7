// The exported half of include/ivy/xla.hpp.
#include "backends/xla/xla_array.hpp"
#include "ivy/xla.hpp"

namespace ivy::detail {

const Backend& xla_backend_table() { return backends::xla_impl::backend(); }

void empty_xla_buffer_error() {
  raise<ValueError>("from_native", "xla", "the ivy::xla::Buffer is empty");
}

void not_an_xla_buffer_error(const Array& a) {
  raise<BackendError>("to_native", a.backend_name(),
                      "an Array of backend '" + std::string(a.backend_name()) +
                          "' is not an ivy::xla::Buffer; convert it with ivy::to_backend");
}

}  // namespace ivy::detail
