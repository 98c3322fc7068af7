#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

Array matmul(const Array& a, const Array& b) {
  return guarded("matmul", [&] { return wrap(at::matmul(tensor(a), tensor(b))); });
}

}  // namespace

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k = [] {
    LinalgKernels t;
    t.matmul = matmul;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::torch_impl
