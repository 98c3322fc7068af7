#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k{};
  return k;
}

}  // namespace ivy::backends::xla_impl
