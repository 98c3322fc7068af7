#pragma once
// Element-wise loops over row-major arrays with numpy broadcasting, without expression
// templates: cheap to compile for every dtype, and fast on the common equal-shape and
// scalar cases.
#include <array>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>
#include <xtensor/xarray.hpp>

namespace ivy::backends::xtensor_impl {

template <class S>
std::vector<std::size_t> broadcast_shape_of(std::initializer_list<const S*> shapes) {
  std::size_t n = 0;
  for (const S* s : shapes) n = std::max(n, s->size());
  std::vector<std::size_t> out(n, 1);
  for (const S* s : shapes)
    for (std::size_t i = 0; i < s->size(); ++i) {
      const std::size_t d = (*s)[i];
      std::size_t& o = out[n - s->size() + i];
      if (d != 1) o = d;
    }
  // A zero-size dimension wins over 1.
  for (const S* s : shapes)
    for (std::size_t i = 0; i < s->size(); ++i)
      if ((*s)[i] == 0) out[n - s->size() + i] = 0;
  return out;
}

/** Element strides of an input of shape s read as the broadcast shape out (0 where broadcast). */
template <class S>
std::vector<std::int64_t> broadcast_strides(const S& s, const std::vector<std::size_t>& out) {
  std::vector<std::int64_t> strides(out.size(), 0);
  std::int64_t step = 1;
  for (std::size_t i = s.size(); i-- > 0;) {
    const std::size_t o = out.size() - s.size() + i;
    strides[o] = s[i] == 1 ? 0 : step;
    step *= static_cast<std::int64_t>(s[i]);
  }
  return strides;
}

template <class R, class F, std::size_t... I, class... T>
xt::xarray<R> broadcast_map_impl(std::index_sequence<I...>, F&& f, const xt::xarray<T>&... in) {
  constexpr std::size_t N = sizeof...(T);
  const std::vector<std::size_t> shape = broadcast_shape_of({&in.shape()...});
  auto out = xt::xarray<R>::from_shape(shape);
  const std::size_t n = out.size();
  if (n == 0) return out;
  R* dst = out.data();
  const std::tuple<const T*...> src{in.data()...};
  if (((in.size() == n && in.dimension() == shape.size()) && ...)) {
    for (std::size_t i = 0; i < n; ++i) dst[i] = f(std::get<I>(src)[i]...);
    return out;
  }
  const std::array<std::vector<std::int64_t>, N> strides{broadcast_strides(in.shape(), shape)...};
  std::vector<std::size_t> idx(shape.size(), 0);
  std::array<std::int64_t, N> off{};
  const int nd = static_cast<int>(shape.size());
  for (std::size_t i = 0; i < n; ++i) {
    dst[i] = f(std::get<I>(src)[off[I]]...);
    for (int d = nd - 1; d >= 0; --d) {  // advance the multi-index and the input offsets
      if (++idx[d] < shape[d]) {
        for (std::size_t j = 0; j < N; ++j) off[j] += strides[j][d];
        break;
      }
      for (std::size_t j = 0; j < N; ++j)
        off[j] -= strides[j][d] * static_cast<std::int64_t>(shape[d] - 1);
      idx[d] = 0;
    }
  }
  return out;
}

/** out[i] = f(each input at the broadcast position of i), for any number of inputs. */
template <class R, class F, class... T>
xt::xarray<R> broadcast_map(F&& f, const xt::xarray<T>&... in) {
  return broadcast_map_impl<R>(std::index_sequence_for<T...>{}, std::forward<F>(f), in...);
}

}  // namespace ivy::backends::xtensor_impl
