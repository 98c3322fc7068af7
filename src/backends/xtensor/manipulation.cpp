#include <algorithm>
#include <cmath>
#include <numeric>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xstrided_view.hpp>

#include "backends/sort_order.hpp"
#include "backends/xtensor/layout.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

Array reshape(const Array& x, const Shape& s) {
  return visit(x, [&](const auto& a) {
    auto out = a;  // storage is immutable, so reshaping needs its own copy
    out.reshape(to_xshape(s));
    return wrap(std::move(out));
  });
}

// Writes the broadcast of in (row-major, shape `from` padded with leading 1s to to's rank) into
// out (row-major, shape `to`) from dimension dim on. A broadcast dimension is written once and
// its slice duplicated with doubling block copies, so repeat and tile of large counts run at memory
// speed (xtensor's generic broadcast assignment took 19 s for 3e9 elements).
template <class T>
void broadcast_copy(const T* in, T* out, const std::vector<std::size_t>& from,
                    const std::vector<std::size_t>& to, const std::vector<std::size_t>& in_strides,
                    const std::vector<std::size_t>& out_strides, std::size_t dim) {
  if (dim == to.size()) {
    *out = *in;
    return;
  }
  const std::size_t block = out_strides[dim];
  if (dim + 1 == to.size() && from[dim] == to[dim]) {
    std::copy_n(in, to[dim], out);
  } else if (from[dim] == 1) {
    broadcast_copy(in, out, from, to, in_strides, out_strides, dim + 1);
    // Doubling copies: few and large even when the block is one element.
    for (std::size_t done = 1; done < to[dim];) {
      const std::size_t k = std::min(done, to[dim] - done);
      std::copy_n(out, k * block, out + done * block);
      done += k;
    }
  } else {
    for (std::size_t i = 0; i < to[dim]; ++i)
      broadcast_copy(in + i * in_strides[dim], out + i * block, from, to, in_strides, out_strides,
                     dim + 1);
  }
}

Array broadcast_to(const Array& x, const Shape& s) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    const auto shape = to_xshape(s);
    xt::xarray<T> out = xt::xarray<T>::from_shape(shape);
    if (out.size() == 0) return wrap(std::move(out));
    const std::size_t n = shape.size();
    std::vector<std::size_t> from(n, 1), to(shape.begin(), shape.end());
    std::copy(a.shape().begin(), a.shape().end(), from.end() - a.dimension());
    std::vector<std::size_t> in_strides(n, 1), out_strides(n, 1);
    for (std::size_t d = n; d-- > 1;) {
      in_strides[d - 1] = in_strides[d] * from[d];
      out_strides[d - 1] = out_strides[d] * to[d];
    }
    broadcast_copy(a.data(), out.data(), from, to, in_strides, out_strides, 0);
    return wrap(std::move(out));
  });
}

Array transpose(const Array& x, const std::vector<int>& perm) {
  return visit(x, [&](const auto& a) {
    return wrap(permuted(a, std::vector<std::size_t>(perm.begin(), perm.end())));
  });
}

// A view selecting [lo, hi) with step along `axis`, everything along the other axes.
xt::xstrided_slice_vector along(std::size_t ndim, int axis, std::int64_t lo, std::int64_t hi,
                                std::int64_t step = 1) {
  xt::xstrided_slice_vector sv(ndim, xt::all());
  sv[axis] = xt::range(lo, hi, step);
  return sv;
}

Array concat(const std::vector<Array>& xs, int axis) {
  return visit(xs[0], [&](const auto& first) {
    using T = typename std::decay_t<decltype(first)>::value_type;
    auto shape = to_xshape(first.shape());
    shape[axis] = 0;
    for (const Array& x : xs) shape[axis] += get<T>(x).shape()[axis];
    auto out = xt::xarray<T>::from_shape(shape);
    std::int64_t offset = 0;
    for (const Array& x : xs) {
      const auto& a = get<T>(x);
      const auto len = static_cast<std::int64_t>(a.shape()[axis]);
      if (len > 0)
        xt::noalias(xt::strided_view(out, along(shape.size(), axis, offset, offset + len))) = a;
      offset += len;
    }
    return wrap(std::move(out));
  });
}

Array flip(const Array& x, const std::vector<int>& axes) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    xt::xstrided_slice_vector sv(a.dimension(), xt::all());
    for (int ax : axes) {
      const auto n = static_cast<std::int64_t>(a.shape()[ax]);
      if (n > 0) sv[ax] = xt::range(n - 1, -n - 1, -1);
    }
    return wrap(xt::xarray<T>(xt::strided_view(a, sv)));
  });
}

Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    xt::xstrided_slice_vector sv;
    for (const SliceRange& r : ranges) sv.push_back(xt::range(r.start, r.stop, r.step));
    return wrap(xt::xarray<T>(xt::strided_view(a, sv)));
  });
}

Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    auto shape = to_xshape(a.shape());
    xt::xstrided_slice_vector inner;
    for (std::size_t i = 0; i < shape.size(); ++i) {
      inner.push_back(
          xt::range(widths[i].first, widths[i].first + static_cast<std::int64_t>(shape[i])));
      shape[i] += widths[i].first + widths[i].second;
    }
    auto out = xt::xarray<T>::from_shape(shape);
    std::fill(out.begin(), out.end(), scalar_as<T>(value));
    if (a.size() > 0) xt::noalias(xt::strided_view(out, inner)) = a;
    return wrap(std::move(out));
  });
}

template <class T>
xt::xarray<std::int64_t> sort_indices(const xt::xarray<T>& a, int axis, bool descending,
                                      xt::xarray<T>* values) {
  const auto perm = axes_last_perm(static_cast<int>(a.dimension()), {axis});
  const auto moved = permuted(a, perm);
  const std::size_t n = a.shape()[axis];
  const std::size_t rows = n ? moved.size() / n : 0;
  auto idx = xt::xarray<std::int64_t>::from_shape(moved.shape());
  auto vals = xt::xarray<T>::from_shape(moved.shape());
  std::vector<std::int64_t> order(n);
  for (std::size_t r = 0; r < rows; ++r) {
    const T* p = moved.data() + r * n;
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t i, std::int64_t j) {
      return sorts_before(p[i], p[j], descending);
    });
    for (std::size_t j = 0; j < n; ++j) {
      idx.data()[r * n + j] = order[j];
      vals.data()[r * n + j] = p[order[j]];
    }
  }
  const auto inv = inverse_perm(perm);
  if (values) *values = permuted(vals, inv);
  return permuted(idx, inv);
}

Array sort(const Array& x, int axis, bool descending) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    xt::xarray<T> values;
    sort_indices(a, axis, descending, &values);
    return wrap(std::move(values));
  });
}

Array argsort(const Array& x, int axis, bool descending) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    return wrap(sort_indices<T>(a, axis, descending, nullptr));
  });
}

}  // namespace

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{reshape, broadcast_to, transpose, concat, flip,
                                     slice,   pad,          sort,      argsort};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
