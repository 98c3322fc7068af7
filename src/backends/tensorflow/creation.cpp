#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

// Small arrays (the 0-d operands core makes of scalars, above all) are written on the host:
// one tensor instead of two host tensors and a Fill op.
constexpr std::int64_t kHostFillLimit = 64;

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  const bool half = d == DType::float16 || d == DType::bfloat16;
  if (!half && numel(shape) <= kHostFillLimit) {
    return wrap(host_tensor(
        shape, d, [&](void* dst, std::size_t n) { fill_value(value, d, dst, n, "tensorflow"); }));
  }
  const Tensor dims = int64_vector(shape);
  return wrap(Op("Fill", "full").input(dims).input(scalar(value, d)).run1());
}

// Written on the host as start + i * step in float64 (TensorFlow's Range accumulates the step,
// which drifts from that for long float ranges), then cast where there is no host type.
Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  const bool half = d == DType::float16 || d == DType::bfloat16;
  const DType host = half ? DType::float64 : d;
  Tensor values = host_tensor({n}, host, [&](void* dst, std::size_t bytes) {
    fill_range(start, step, host, dst, bytes, "tensorflow");
  });
  return wrap(cast_to(values, d, "arange"));
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
