#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {

const NNKernels& nn_kernels() {
  static const NNKernels k{};
  return k;
}

}  // namespace ivy::backends::torch_impl
