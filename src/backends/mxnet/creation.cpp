#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

// Written on the host (float32 for the half types, then MXNet's Cast).
Array filled(const Shape& shape, DType d, const std::function<Scalar(std::int64_t)>& value) {
  const bool half = d == DType::float16 || d == DType::bfloat16;
  const DType host = half ? DType::float32 : d;
  NDArray a = host_array(shape, host, [&](void* dst, std::size_t n) {
    const std::size_t size = itemsize(host);
    for (std::size_t i = 0; i < n / size; ++i)
      write_value(value(static_cast<std::int64_t>(i)), host, static_cast<char*>(dst) + i * size);
  });
  return wrap(half ? cast_to(a, d, "full") : a);
}

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  return filled(shape, d, [&](std::int64_t) { return value; });
}

Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  return filled({n}, d,
                [&](std::int64_t i) { return Scalar(start + static_cast<double>(i) * step); });
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
