#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{};
  return k;
}

}  // namespace ivy::backends::torch_impl
