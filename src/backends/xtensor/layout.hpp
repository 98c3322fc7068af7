#pragma once
// Axis moves that let kernels work on contiguous rows: move the axes a kernel works along to
// the end, run over blocks of the trailing size, move them back.
#include <vector>
#include <xtensor/xarray.hpp>
#include <xtensor/xmanipulation.hpp>

#include "ivy/core/shape.hpp"

namespace ivy::backends::xtensor_impl {

/** The permutation that keeps the other axes in order and puts `axes` (sorted) last. */
inline std::vector<std::size_t> axes_last_perm(int ndim, const std::vector<int>& axes) {
  std::vector<std::size_t> perm;
  for (int i = 0; i < ndim; ++i)
    if (std::find(axes.begin(), axes.end(), i) == axes.end()) perm.push_back(i);
  for (int a : axes) perm.push_back(a);
  return perm;
}

inline std::vector<std::size_t> inverse_perm(const std::vector<std::size_t>& perm) {
  std::vector<std::size_t> inv(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i) inv[perm[i]] = i;
  return inv;
}

/** A row-major copy of a with its axes permuted (a itself when perm is the identity). */
template <class T>
xt::xarray<T> permuted(const xt::xarray<T>& a, const std::vector<std::size_t>& perm) {
  bool identity = true;
  for (std::size_t i = 0; i < perm.size(); ++i) identity = identity && perm[i] == i;
  if (identity) return a;
  return xt::xarray<T>(xt::transpose(a, perm));
}

inline Shape to_shape(const xt::svector<std::size_t>& s) { return Shape(s.begin(), s.end()); }
template <class S>
std::vector<std::size_t> to_xshape(const S& s) {
  return std::vector<std::size_t>(s.begin(), s.end());
}

}  // namespace ivy::backends::xtensor_impl
