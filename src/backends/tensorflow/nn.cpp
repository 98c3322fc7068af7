#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {

// No fused kernels yet: convolutions use core's composite (docs/tensorflow.md).
const NNKernels& nn_kernels() {
  static const NNKernels k{};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
