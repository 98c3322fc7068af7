// The exported half of include/ivy/mlx.hpp.
#include "backends/mlx/mlx_array.hpp"
#include "ivy/mlx.hpp"

namespace ivy::detail {

const Backend& mlx_backend_table() { return backends::mlx_impl::backend(); }

void not_an_mlx_array_error(const Array& a) {
  raise<BackendError>("to_native", a.backend_name(),
                      "an Array of backend '" + std::string(a.backend_name()) +
                          "' is not an mlx::core::array; convert it with ivy::to_backend");
}

}  // namespace ivy::detail
