#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {

// No fused kernels: convolutions use core's composite.
const NNKernels& nn_kernels() {
  static const NNKernels k{};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
