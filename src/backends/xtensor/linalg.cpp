#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k{};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
