// The linalg table; einsum stays null (core composes it from matmul and the other families).
#include "backends/xla/linalg.hpp"

#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k = [] {
    LinalgKernels t;
    t.matmul = matmul;
    t.inv = inv;
    t.svd = svd;
    t.cholesky = cholesky;
    t.eigh = eigh;
    t.qr = qr;
    t.det = det;
    t.solve = solve;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::xla_impl
