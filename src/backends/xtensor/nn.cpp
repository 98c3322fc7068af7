#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {

const NNKernels& nn_kernels() {
  static const NNKernels k{};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
