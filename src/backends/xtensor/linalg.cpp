#include "backends/xtensor/broadcast_loop.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// Batched matrix product: batch dimensions broadcast, each product an i-k-j loop (floats
// accumulate in their own type, integers wrap).
template <class T>
xt::xarray<T> batched_matmul(const xt::xarray<T>& a, const xt::xarray<T>& b) {
  const std::size_t ra = a.dimension(), rb = b.dimension();
  const std::size_t m = a.shape()[ra - 2], k = a.shape()[ra - 1], n = b.shape()[rb - 1];
  std::vector<std::size_t> batch_a(a.shape().begin(), a.shape().end() - 2);
  std::vector<std::size_t> batch_b(b.shape().begin(), b.shape().end() - 2);
  const auto batch = broadcast_shape_of({&batch_a, &batch_b});
  std::vector<std::size_t> out_shape = batch;
  out_shape.push_back(m);
  out_shape.push_back(n);
  auto out = xt::xarray<T>::from_shape(out_shape);
  std::fill(out.begin(), out.end(), T(0));
  const auto sa = broadcast_strides(batch_a, batch);
  const auto sb = broadcast_strides(batch_b, batch);
  std::size_t count = 1;
  for (auto d : batch) count *= d;
  std::vector<std::size_t> idx(batch.size(), 0);
  for (std::size_t p = 0; p < count; ++p) {
    std::int64_t oa = 0, ob = 0;
    for (std::size_t d = 0; d < batch.size(); ++d) {
      oa += sa[d] * static_cast<std::int64_t>(idx[d]);
      ob += sb[d] * static_cast<std::int64_t>(idx[d]);
    }
    const T* pa = a.data() + oa * m * k;
    const T* pb = b.data() + ob * k * n;
    T* po = out.data() + p * m * n;
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t l = 0; l < k; ++l) {
        const T av = pa[i * k + l];
        for (std::size_t j = 0; j < n; ++j) {
          if constexpr (std::is_floating_point_v<T>)
            po[i * n + j] += av * pb[l * n + j];
          else
            po[i * n + j] = static_cast<T>(static_cast<std::uint64_t>(po[i * n + j]) +
                                           static_cast<std::uint64_t>(av) *
                                               static_cast<std::uint64_t>(pb[l * n + j]));
        }
      }
    for (std::size_t d = batch.size(); d-- > 0;) {
      if (++idx[d] < batch[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

Array matmul(const Array& a, const Array& b) {
  return visit(a, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    return wrap(batched_matmul<T>(xa, get<T>(b)));
  });
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

}  // namespace ivy::backends::xtensor_impl
