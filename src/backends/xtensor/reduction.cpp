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

// One accumulation step of Op (min/max propagate NaN; integer sums and products wrap).
template <ReduceOp Op, class A, class T>
void accumulate(A& acc, T v) {
  constexpr bool kFloat = std::is_floating_point_v<A>;
  if constexpr (Op == ReduceOp::sum || Op == ReduceOp::mean) {
    if constexpr (kFloat)
      acc += static_cast<A>(v);
    else
      acc = static_cast<A>(static_cast<std::uint64_t>(acc) + static_cast<std::uint64_t>(v));
  } else if constexpr (Op == ReduceOp::prod) {
    if constexpr (kFloat)
      acc *= static_cast<A>(v);
    else
      acc = static_cast<A>(static_cast<std::uint64_t>(acc) * static_cast<std::uint64_t>(v));
  } else if constexpr (Op == ReduceOp::min) {
    const A w = static_cast<A>(v);
    acc = (acc <= w || acc != acc) ? acc : w;
  } else if constexpr (Op == ReduceOp::max) {
    const A w = static_cast<A>(v);
    acc = (acc >= w || acc != acc) ? acc : w;
  } else if constexpr (Op == ReduceOp::all) {
    acc = acc && v;
  } else {
    acc = acc || v;
  }
}

// Floats accumulate in double; integers and bools in int64.
template <class T>
using Accumulator = std::conditional_t<std::is_floating_point_v<T>, double, std::int64_t>;

// The sum of n contiguous values in eight independent lanes, which the compiler turns into
// vector additions (one running sum is a serial dependency chain).
template <class T>
Accumulator<T> lane_sum(const T* p, std::size_t n) {
  using A = Accumulator<T>;
  constexpr std::size_t kLanes = 8;
  A lanes[kLanes] = {};
  std::size_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (std::size_t l = 0; l < kLanes; ++l) accumulate<ReduceOp::sum>(lanes[l], p[j + l]);
  A total = 0;
  for (; j < n; ++j) accumulate<ReduceOp::sum>(total, p[j]);
  for (A lane : lanes) accumulate<ReduceOp::sum>(total, lane);
  return total;
}

// The reduction's value from its accumulator over r elements: a float mean divides (NaN for
// an empty reduction); everything else is the accumulator, in the element type.
template <ReduceOp Op, class T>
T finish(Accumulator<T> acc, std::size_t r) {
  if constexpr (Op == ReduceOp::mean && std::is_floating_point_v<T>)
    return static_cast<T>(r ? acc / static_cast<double>(r)
                            : std::numeric_limits<double>::quiet_NaN());
  return static_cast<T>(acc);
}

// Reduces the middle dimension of a row-major [outer, r, inner] block in place of a copy with
// the reduced axes moved last: the inner loop runs over contiguous memory.
template <ReduceOp Op, class T>
void reduce_middle(const T* p, std::size_t outer, std::size_t r, std::size_t inner, T* out) {
  using A = Accumulator<T>;
  constexpr bool kFromFirst = Op == ReduceOp::min || Op == ReduceOp::max;
  constexpr A kInit = Op == ReduceOp::prod || Op == ReduceOp::all ? A(1) : A(0);
  if constexpr (Op == ReduceOp::sum || Op == ReduceOp::mean) {
    if (inner == 1) {  // trailing axes (a full reduction among them): contiguous rows
      for (std::size_t o = 0; o < outer; ++o) out[o] = finish<Op, T>(lane_sum(p + o * r, r), r);
      return;
    }
  }
  std::vector<A> acc(inner);
  for (std::size_t o = 0; o < outer; ++o) {
    const T* base = p + o * r * inner;
    for (std::size_t i = 0; i < inner; ++i) acc[i] = kFromFirst ? static_cast<A>(base[i]) : kInit;
    for (std::size_t j = kFromFirst ? 1 : 0; j < r; ++j) {
      const T* row = base + j * inner;
      for (std::size_t i = 0; i < inner; ++i) accumulate<Op>(acc[i], row[i]);
    }
    for (std::size_t i = 0; i < inner; ++i) out[o * inner + i] = finish<Op, T>(acc[i], r);
  }
}

template <class T>
void reduce_middle(ReduceOp op, const T* p, std::size_t outer, std::size_t r, std::size_t inner,
                   T* out) {
  switch (op) {
    case ReduceOp::sum:
      return reduce_middle<ReduceOp::sum>(p, outer, r, inner, out);
    case ReduceOp::mean:
      return reduce_middle<ReduceOp::mean>(p, outer, r, inner, out);
    case ReduceOp::prod:
      return reduce_middle<ReduceOp::prod>(p, outer, r, inner, out);
    case ReduceOp::min:
      return reduce_middle<ReduceOp::min>(p, outer, r, inner, out);
    case ReduceOp::max:
      return reduce_middle<ReduceOp::max>(p, outer, r, inner, out);
    case ReduceOp::all:
      return reduce_middle<ReduceOp::all>(p, outer, r, inner, out);
    case ReduceOp::any:
      return reduce_middle<ReduceOp::any>(p, outer, r, inner, out);
  }
}

bool contiguous_axes(const std::vector<int>& axes) {
  for (std::size_t i = 1; i < axes.size(); ++i)
    if (axes[i] != axes[i - 1] + 1) return false;
  return true;
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  return visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    auto out = xt::xarray<T>::from_shape(reduced_shape(a.shape(), axes, keepdims));
    const int nd = static_cast<int>(a.dimension());
    if (out.size() == 0) return wrap(std::move(out));
    if (contiguous_axes(axes)) {
      // [outer, reduced, inner] without moving any data (inner is 1 for trailing axes).
      std::size_t outer = 1, r = 1, inner = 1;
      for (int d = 0; d < nd; ++d) {
        const std::size_t len = a.shape()[d];
        if (d < axes.front())
          outer *= len;
        else if (d <= axes.back())
          r *= len;
        else
          inner *= len;
      }
      reduce_middle(op, a.data(), outer, r, inner, out.data());
    } else {
      // Other axis sets move the reduced axes last first.
      const xt::xarray<T> moved = permuted(a, axes_last_perm(nd, axes));
      reduce_middle(op, moved.data(), out.size(), a.size() / out.size(), 1, out.data());
    }
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
