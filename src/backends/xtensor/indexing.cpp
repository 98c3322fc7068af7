#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// Sizes of the axes before and after `axis`: both operands of take/gather share them.
template <class S>
std::pair<std::size_t, std::size_t> outer_inner(const S& shape, int axis) {
  std::size_t outer = 1, inner = 1;
  for (int d = 0; d < axis; ++d) outer *= shape[d];
  for (std::size_t d = axis + 1; d < shape.size(); ++d) inner *= shape[d];
  return {outer, inner};
}

Array take_along_axis(const Array& x, const Array& idx, int axis) {
  const auto& ind = get<std::int64_t>(idx);
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    auto out = xt::xarray<T>::from_shape(ind.shape());
    const auto [outer, inner] = outer_inner(a.shape(), axis);
    const std::size_t n = a.shape()[axis], m = ind.shape()[axis];
    for (std::size_t o = 0; o < outer; ++o)
      for (std::size_t j = 0; j < m; ++j)
        for (std::size_t i = 0; i < inner; ++i) {
          const std::size_t at = (o * m + j) * inner + i;
          const auto k = static_cast<std::size_t>(ind.data()[at]);
          out.data()[at] = a.data()[(o * n + k) * inner + i];
        }
    return wrap(std::move(out));
  });
}

Array take(const Array& x, const Array& idx, int axis) {
  const auto& ind = get<std::int64_t>(idx);
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    std::vector<std::size_t> shape(a.shape().begin(), a.shape().begin() + axis);
    shape.insert(shape.end(), ind.shape().begin(), ind.shape().end());
    shape.insert(shape.end(), a.shape().begin() + axis + 1, a.shape().end());
    auto out = xt::xarray<T>::from_shape(shape);
    const auto [outer, inner] = outer_inner(a.shape(), axis);
    const std::size_t n = a.shape()[axis], m = ind.size();
    for (std::size_t o = 0; o < outer; ++o)
      for (std::size_t j = 0; j < m; ++j) {
        const T* src = a.data() + (o * n + static_cast<std::size_t>(ind.data()[j])) * inner;
        std::copy(src, src + inner, out.data() + (o * m + j) * inner);
      }
    return wrap(std::move(out));
  });
}

// cur combined with an update v; the first update of a row replaces the zero fill.
template <class T>
T combine(T cur, T v, ScatterReduction r) {
  if constexpr (std::is_same_v<T, bool>) {
    switch (r) {
      case ScatterReduction::sum:
      case ScatterReduction::max:
        return cur || v;
      case ScatterReduction::min:
        return cur && v;
      case ScatterReduction::replace:
        return v;
    }
  } else {
    switch (r) {
      case ScatterReduction::sum:
        if constexpr (std::is_integral_v<T>)  // wraps like the other backends, without UB
          return static_cast<T>(static_cast<std::uint64_t>(cur) + static_cast<std::uint64_t>(v));
        else
          return cur + v;
      case ScatterReduction::min:
        if constexpr (std::is_floating_point_v<T>) {
          if (std::isnan(cur) || std::isnan(v)) return std::numeric_limits<T>::quiet_NaN();
        }
        return v < cur ? v : cur;
      case ScatterReduction::max:
        if constexpr (std::is_floating_point_v<T>) {
          if (std::isnan(cur) || std::isnan(v)) return std::numeric_limits<T>::quiet_NaN();
        }
        return v > cur ? v : cur;
      case ScatterReduction::replace:
        return v;
    }
  }
  return v;  // not reached: both switches name every reduction
}

Array scatter_rows(const Array& idx, const Array& updates, std::int64_t rows,
                   ScatterReduction reduction) {
  const auto& ind = get<std::int64_t>(idx);
  return visit(updates, [&](const auto& u) {
    using T = typename std::decay_t<decltype(u)>::value_type;
    std::vector<std::size_t> shape(u.shape().begin(), u.shape().end());
    shape[0] = static_cast<std::size_t>(rows);
    auto out = xt::xarray<T>::from_shape(shape);
    std::fill(out.data(), out.data() + out.size(), T(0));
    std::size_t inner = 1;
    for (std::size_t d = 1; d < shape.size(); ++d) inner *= shape[d];
    std::vector<bool> touched(static_cast<std::size_t>(rows), false);
    for (std::size_t j = 0; j < ind.size(); ++j) {
      const auto r = static_cast<std::size_t>(ind.data()[j]);
      T* dst = out.data() + r * inner;
      const T* src = u.data() + j * inner;
      for (std::size_t i = 0; i < inner; ++i)
        dst[i] = touched[r] ? combine(dst[i], src[i], reduction) : src[i];
      touched[r] = true;
    }
    return wrap(std::move(out));
  });
}

Array nonzero(const Array& x) {
  return visit(x, [&](const auto& a) {
    const auto& shape = a.shape();
    const std::size_t nd = shape.size();
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a.data()[i] != 0) hits.push_back(i);
    auto out = xt::xarray<std::int64_t>::from_shape({hits.size(), nd});
    for (std::size_t h = 0; h < hits.size(); ++h) {
      std::size_t flat = hits[h];
      for (std::size_t d = nd; d-- > 0;) {
        out.data()[h * nd + d] = static_cast<std::int64_t>(flat % shape[d]);
        flat /= shape[d];
      }
    }
    return wrap(std::move(out));
  });
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{take_along_axis, take, scatter_rows, nonzero};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
