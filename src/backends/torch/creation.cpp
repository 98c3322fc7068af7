#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  return guarded("full",
                 [&] { return wrap(at::full(shape, to_torch_scalar(value, d), options(d, dev))); });
}

Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  return guarded("arange", [&] {
    // Computed in float64 so that integer ranges are exact, then cast.
    at::Tensor t = at::arange(n, options(DType::float64, dev)).mul_(step).add_(start);
    return wrap(t.to(to_torch(d)));
  });
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::torch_impl
