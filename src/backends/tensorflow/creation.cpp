#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  const Tensor dims = int64_vector(shape);
  return wrap(Op("Fill", "full").input(dims).input(scalar(value, d)).run1());
}

// Written on the host as start + i * step in float64 (TensorFlow's Range accumulates the step,
// which drifts from that for long float ranges), then cast where there is no host type.
Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  const bool half = d == DType::float16 || d == DType::bfloat16;
  const DType host = half ? DType::float64 : d;
  Tensor values = host_tensor({n}, host, [&](void* dst, std::size_t) {
    const std::size_t size = itemsize(host);
    for (std::int64_t i = 0; i < n; ++i)
      write_value(Scalar(start + static_cast<double>(i) * step), host,
                  static_cast<char*>(dst) + static_cast<std::size_t>(i) * size);
  });
  return wrap(cast_to(values, d, "arange"));
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
