#include <cmath>
#include <limits>

#include "backends/xtensor/layout.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// The result shape of reducing `axes` of `shape`.
template <class S>
std::vector<std::size_t> reduced_shape(const S& shape, const std::vector<int>& axes, bool keep) {
  std::vector<std::size_t> out;
  for (int i = 0; i < static_cast<int>(shape.size()); ++i) {
    const bool r = std::find(axes.begin(), axes.end(), i) != axes.end();
    if (!r)
      out.push_back(shape[i]);
    else if (keep)
      out.push_back(1);
  }
  return out;
}

// Floats accumulate in double, integers wrap in 64 bits.
template <class T>
using Acc = std::conditional_t<std::is_floating_point_v<T>, double, std::uint64_t>;

template <class T>
T reduce_block(ReduceOp op, const T* p, std::size_t n) {
  switch (op) {
    case ReduceOp::sum:
    case ReduceOp::mean: {
      Acc<T> acc = 0;
      for (std::size_t i = 0; i < n; ++i) acc += static_cast<Acc<T>>(p[i]);
      if (op == ReduceOp::mean) {
        if constexpr (std::is_floating_point_v<T>)
          return n ? static_cast<T>(acc / static_cast<double>(n))
                   : std::numeric_limits<T>::quiet_NaN();
      }
      return static_cast<T>(acc);
    }
    case ReduceOp::prod: {
      Acc<T> acc = 1;
      for (std::size_t i = 0; i < n; ++i) acc *= static_cast<Acc<T>>(p[i]);
      return static_cast<T>(acc);
    }
    case ReduceOp::min:
    case ReduceOp::max: {
      T best = p[0];
      for (std::size_t i = 0; i < n; ++i) {
        if constexpr (std::is_floating_point_v<T>) {
          if (std::isnan(p[i])) return p[i];  // NaN propagates
        }
        if (op == ReduceOp::min ? p[i] < best : best < p[i]) best = p[i];
      }
      return best;
    }
    case ReduceOp::all: {
      for (std::size_t i = 0; i < n; ++i)
        if (!p[i]) return T(0);
      return T(1);
    }
    case ReduceOp::any: {
      for (std::size_t i = 0; i < n; ++i)
        if (p[i]) return T(1);
      return T(0);
    }
  }
  return T(0);
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    const auto moved = permuted(a, axes_last_perm(static_cast<int>(a.dimension()), axes));
    auto out = xt::xarray<T>::from_shape(reduced_shape(a.shape(), axes, keepdims));
    const std::size_t block = out.size() ? moved.size() / out.size() : 0;
    for (std::size_t i = 0; i < out.size(); ++i)
      out.data()[i] = reduce_block(op, moved.data() + i * block, block);
    return wrap(std::move(out));
  });
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    const auto moved = permuted(a, axes_last_perm(static_cast<int>(a.dimension()), {axis}));
    auto out = xt::xarray<std::int64_t>::from_shape(reduced_shape(a.shape(), {axis}, keepdims));
    const std::size_t n = a.shape()[axis];
    for (std::size_t i = 0; i < out.size(); ++i) {
      const T* p = moved.data() + i * n;
      std::size_t best = 0;
      for (std::size_t j = 0; j < n; ++j) {
        if constexpr (std::is_floating_point_v<T>) {
          if (std::isnan(p[j])) {  // the first NaN is the extreme, as in numpy
            best = j;
            break;
          }
        }
        if (op == ArgReduceOp::argmax ? p[best] < p[j] : p[j] < p[best]) best = j;
      }
      out.data()[i] = static_cast<std::int64_t>(best);
    }
    return wrap(std::move(out));
  });
}

Array scan(ScanOp op, const Array& x, int axis) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    const auto perm = axes_last_perm(static_cast<int>(a.dimension()), {axis});
    auto moved = permuted(a, perm);
    const std::size_t n = a.shape()[axis];
    const std::size_t rows = n ? moved.size() / n : 0;
    for (std::size_t r = 0; r < rows; ++r) {
      T* p = moved.data() + r * n;
      Acc<T> acc = op == ScanOp::cumsum ? 0 : 1;
      for (std::size_t j = 0; j < n; ++j) {
        if (op == ScanOp::cumsum)
          acc += static_cast<Acc<T>>(p[j]);
        else
          acc *= static_cast<Acc<T>>(p[j]);
        p[j] = static_cast<T>(acc);
      }
    }
    return wrap(permuted(moved, inverse_perm(perm)));
  });
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::xtensor_impl
