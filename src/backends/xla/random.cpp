#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const RandomKernels& random_kernels() {
  static const RandomKernels k{};
  return k;
}

}  // namespace ivy::backends::xla_impl
