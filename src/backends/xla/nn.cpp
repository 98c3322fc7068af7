#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const NNKernels& nn_kernels() {
  static const NNKernels k{};
  return k;
}

}  // namespace ivy::backends::xla_impl
