#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
