#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

Array take(const Array& x, const Array& idx, int axis) {
  const auto& ind = get<std::int64_t>(idx);
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    std::vector<std::size_t> shape(a.shape().begin(), a.shape().begin() + axis);
    shape.insert(shape.end(), ind.shape().begin(), ind.shape().end());
    shape.insert(shape.end(), a.shape().begin() + axis + 1, a.shape().end());
    auto out = xt::xarray<T>::from_shape(shape);
    std::size_t outer = 1, inner = 1;
    for (int d = 0; d < axis; ++d) outer *= a.shape()[d];
    for (std::size_t d = axis + 1; d < a.dimension(); ++d) inner *= a.shape()[d];
    const std::size_t n = a.shape()[axis], m = ind.size();
    for (std::size_t o = 0; o < outer; ++o)
      for (std::size_t j = 0; j < m; ++j) {
        const T* src = a.data() + (o * n + static_cast<std::size_t>(ind.data()[j])) * inner;
        std::copy(src, src + inner, out.data() + (o * m + j) * inner);
      }
    return wrap(std::move(out));
  });
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k = [] {
    IndexingKernels t;
    t.take = take;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::xtensor_impl
