#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {

const RandomKernels& random_kernels() {
  static const RandomKernels k{};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
