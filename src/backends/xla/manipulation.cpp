#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{};
  return k;
}

}  // namespace ivy::backends::xla_impl
