#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{};
  return k;
}

}  // namespace ivy::backends::xla_impl
