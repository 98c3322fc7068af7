#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k{};
  return k;
}

}  // namespace ivy::backends::torch_impl
