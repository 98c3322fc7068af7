#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{};
  return k;
}

}  // namespace ivy::backends::xla_impl
