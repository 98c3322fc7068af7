#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {

const RandomKernels& random_kernels() {
  static const RandomKernels k{};
  return k;
}

}  // namespace ivy::backends::torch_impl
