#include "backends/xtensor/layout.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// xtensor arrays live in host memory only.
void require_cpu(const Device& dev, std::string_view fn) {
  if (!dev.is_cpu())
    detail::raise<UnsupportedError>(fn, "xtensor", "only the cpu device exists, not " + dev.str());
}

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  return visit_dtype(d, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto a = xt::xarray<T>::from_shape(to_xshape(shape));
    std::fill(a.begin(), a.end(), scalar_as<T>(value));
    return wrap(std::move(a));
  });
}

Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  return visit_dtype(d, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto a = xt::xarray<T>::from_shape({static_cast<std::size_t>(n)});
    for (std::int64_t i = 0; i < n; ++i)
      a.data()[i] = static_cast<T>(start + static_cast<double>(i) * step);
    return wrap(std::move(a));
  });
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
