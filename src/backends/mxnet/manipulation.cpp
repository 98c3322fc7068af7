#include <algorithm>
#include <cstring>
#include <numeric>

#include "backends/mxnet/mx_array.hpp"
#include "backends/sort_order.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

std::vector<std::int64_t> ints(const std::vector<int>& v) { return {v.begin(), v.end()}; }

Array reshape(const Array& x, const Shape& s) { return wrap(reshape_to(native(x), s, "reshape")); }

Array broadcast_to(const Array& x, const Shape& s) {
  return wrap(run("_npi_broadcast_to", "broadcast_to", {native(x)}, {{"shape", tuple(s)}}));
}

Array transpose(const Array& x, const std::vector<int>& perm) {
  return wrap(run("_np_transpose", "transpose", {native(x)}, {{"axes", tuple(ints(perm))}}));
}

Array concat(const std::vector<Array>& xs, int axis) {
  Op op("_npi_concatenate", "concat");
  for (const Array& x : xs) op.input(x);
  op.param("num_args", std::to_string(xs.size())).param("axis", std::to_string(axis));
  return wrap(op.run1());
}

Array flip(const Array& x, const std::vector<int>& axes) {
  return wrap(run("_npi_flip", "flip", {native(x)}, {{"axis", tuple(ints(axes))}}));
}

Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  std::vector<std::int64_t> begin, end, step;
  for (const SliceRange& r : ranges) {
    begin.push_back(r.start);
    end.push_back(r.stop);
    step.push_back(r.step);
  }
  return wrap(run("slice", "slice", {native(x)},
                  {{"begin", tuple(begin)}, {"end", tuple(end)}, {"step", tuple(step)}}));
}

Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  std::string w = "(";
  for (const auto& [before, after] : widths)
    w += "(" + std::to_string(before) + "," + std::to_string(after) + "),";
  w += ")";
  return wrap(run("_npi_pad", "pad", {native(x)},
                  {{"pad_width", w},
                   {"mode", "constant"},
                   {"constant_value", std::to_string(value.as_double())}}));
}

// Sorting on the host, per lane (MXNet's sort has no half types, no stable order promise and no
// NaN placement), then the values gathered by MXNet.
template <class T>
std::vector<std::int64_t> lane_order(const NDArray& keys, std::int64_t lanes, std::int64_t n,
                                     bool descending) {
  std::vector<T> host(static_cast<std::size_t>(lanes * n));
  if (!host.empty())
    check(api().MXNDArraySyncCopyToCPU(keys.handle(), host.data(), host.size()), "sort");
  std::vector<std::int64_t> order(host.size());
  for (std::int64_t l = 0; l < lanes; ++l) {
    std::int64_t* idx = order.data() + l * n;
    const T* v = host.data() + l * n;
    std::iota(idx, idx + n, std::int64_t{0});
    std::stable_sort(idx, idx + n, [&](std::int64_t i, std::int64_t j) {
      return sorts_before(v[i], v[j], descending);
    });
  }
  return order;
}

struct Ordered {
  NDArray moved, order;
  std::vector<int> perm;
};

Ordered order_along(const Array& x, int axis, bool descending) {
  const int nd = x.ndim();
  std::vector<int> perm(static_cast<std::size_t>(nd));
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[static_cast<std::size_t>(axis)], perm.back());
  const NDArray moved =
      axis == nd - 1 ? native(x)
                     : run("_np_transpose", "sort", {native(x)}, {{"axes", tuple(ints(perm))}});
  const Shape s = shape_of(moved);
  const std::int64_t n = s.back();
  std::int64_t lanes = 1;
  for (std::size_t d = 0; d + 1 < s.size(); ++d) lanes *= s[d];
  const DType d = dtype_of(moved);
  std::vector<std::int64_t> order;
  if (d == DType::float64)
    order = lane_order<double>(moved, lanes, n, descending);
  else if (is_floating(d))
    order = lane_order<float>(cast_to(moved, DType::float32, "sort"), lanes, n, descending);
  else
    order = lane_order<std::int64_t>(cast_to(moved, DType::int64, "sort"), lanes, n, descending);
  NDArray idx = host_array(s, DType::int64, [&](void* dst, std::size_t bytes) {
    std::memcpy(dst, order.data(), bytes);
  });
  return {moved, idx, perm};
}

NDArray move_back(const NDArray& t, const std::vector<int>& perm, int axis) {
  if (axis == static_cast<int>(perm.size()) - 1) return t;
  return run("_np_transpose", "sort", {t}, {{"axes", tuple(ints(perm))}});
}

Array sort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0) return x;
  Ordered o = order_along(x, axis, descending);
  // The values in that order: positions in the flattened array, gathered by MXNet's take.
  const Shape s = shape_of(o.moved);
  const std::int64_t n = s.back();
  std::int64_t lanes = 1;
  for (std::size_t d = 0; d + 1 < s.size(); ++d) lanes *= s[d];
  const NDArray flat = reshape_to(o.moved, {lanes * n}, "sort");
  const NDArray base = host_array({lanes, n}, DType::int64, [&](void* dst, std::size_t) {
    auto* out = static_cast<std::int64_t*>(dst);
    for (std::int64_t l = 0; l < lanes; ++l)
      for (std::int64_t j = 0; j < n; ++j) out[l * n + j] = l * n;
  });
  const NDArray positions =
      run("_npi_add", "sort", {base, reshape_to(o.order, {lanes, n}, "sort")});
  const NDArray taken =
      run("_npi_take", "sort", {flat, reshape_to(positions, {lanes * n}, "sort")}, {{"axis", "0"}});
  return wrap(move_back(reshape_to(taken, s, "sort"), o.perm, axis));
}

Array argsort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0)
    return wrap(
        host_array({}, DType::int64, [](void* dst, std::size_t n) { std::memset(dst, 0, n); }));
  Ordered o = order_along(x, axis, descending);
  return wrap(move_back(o.order, o.perm, axis));
}

}  // namespace

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{reshape, broadcast_to, transpose, concat, flip,
                                     slice,   pad,          sort,      argsort};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
