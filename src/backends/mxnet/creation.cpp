#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  return wrap(full_array(shape, d, value));
}

// Written on the host as start + i * step (float32 for the half types, then MXNet's Cast).
Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  const bool half = d == DType::float16 || d == DType::bfloat16;
  const DType host = half ? DType::float32 : d;
  const NDArray a = host_array({n}, host, [&](void* dst, std::size_t bytes) {
    fill_range(start, step, host, dst, bytes, "mxnet");
  });
  return wrap(half ? cast_to(a, d, "arange") : a);
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
