#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  return guarded("full", [&] {
    return wrap(mx::full(to_mlx_shape(shape, "full"), scalar(value, d), to_mlx(d)));
  });
}

Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  return guarded("arange", [&] {
    // Computed in float64 so that integer ranges are exact, then cast.
    const mx::array i = mx::arange(static_cast<double>(n), mx::float64);
    return wrap(mx::astype(mx::add(mx::multiply(i, f64(step)), f64(start)), to_mlx(d)));
  });
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::mlx_impl
