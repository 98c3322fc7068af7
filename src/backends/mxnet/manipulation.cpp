#include <algorithm>
#include <cstring>
#include <numeric>

#include "backends/mxnet/mx_array.hpp"
#include "backends/sort_order.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

std::vector<std::int64_t> ints(const std::vector<int>& v) { return {v.begin(), v.end()}; }

Array reshape(const Array& x, const Shape& s) {
  if (empty(native(x))) return wrap(empty_array(s, x.dtype()));
  return wrap(reshape_to(native(x), s, "reshape"));
}

Array broadcast_to(const Array& x, const Shape& s) {
  if (empty(native(x)) || numel(s) == 0) return wrap(empty_array(s, x.dtype()));
  return wrap(run("_npi_broadcast_to", "broadcast_to", {native(x)}, {{"shape", tuple(s)}}));
}

NDArray transposed(const NDArray& x, const std::vector<int>& perm) {
  return bool_as_uint8(x, [&](const NDArray& t) {
    return run("_np_transpose", "transpose", {t}, {{"axes", tuple(ints(perm))}});
  });
}

Array transpose(const Array& x, const std::vector<int>& perm) {
  if (empty(native(x))) {
    const Shape s = x.shape();
    Shape out;
    for (int p : perm) out.push_back(s[static_cast<std::size_t>(p)]);
    return wrap(empty_array(out, x.dtype()));
  }
  return wrap(transposed(native(x), perm));
}

NDArray concatenated(const std::vector<NDArray>& parts, int axis) {
  std::vector<NDArray> nonempty;
  for (const NDArray& p : parts)
    if (!empty(p)) nonempty.push_back(p);
  if (nonempty.empty()) {
    Shape s = shape_of(parts.front());
    s[static_cast<std::size_t>(axis)] = 0;
    for (const NDArray& p : parts)
      s[static_cast<std::size_t>(axis)] += shape_of(p)[static_cast<std::size_t>(axis)];
    return empty_array(s, dtype_of(parts.front()));
  }
  if (nonempty.size() == 1) return nonempty.front();
  const bool is_bool = dtype_of(nonempty.front()) == DType::bool_;
  Op op("_npi_concatenate", "concat");
  for (const NDArray& p : nonempty) op.input(is_bool ? cast_to(p, DType::uint8, "concat") : p);
  op.param("num_args", std::to_string(nonempty.size())).param("axis", std::to_string(axis));
  const NDArray r = op.run1();
  return is_bool ? cast_to(r, DType::bool_, "concat") : r;
}

Array concat(const std::vector<Array>& xs, int axis) {
  std::vector<NDArray> parts;
  for (const Array& x : xs) parts.push_back(native(x));
  return wrap(concatenated(parts, axis));
}

Array flip(const Array& x, const std::vector<int>& axes) {
  if (empty(native(x))) return x;
  return wrap(bool_as_uint8(native(x), [&](const NDArray& t) {
    return run("_npi_flip", "flip", {t}, {{"axis", tuple(ints(axes))}});
  }));
}

Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  Shape out;
  std::vector<std::int64_t> begin, end, step;
  for (const SliceRange& r : ranges) {
    begin.push_back(r.start);
    end.push_back(r.stop);
    step.push_back(r.step);
    out.push_back(r.stop > r.start ? (r.stop - r.start + r.step - 1) / r.step : 0);
  }
  if (empty(native(x)) || numel(out) == 0) return wrap(empty_array(out, x.dtype()));
  if (ranges.size() > 5) {  // MXNet's slice takes at most 5 dimensions: one take per sliced axis
    NDArray cur = native(x);
    const Shape xs = x.shape();
    for (std::size_t axis = 0; axis < ranges.size(); ++axis) {
      const SliceRange& r = ranges[axis];
      if (r.start == 0 && r.stop == xs[axis] && r.step == 1) continue;
      const NDArray idx = host_array({out[axis]}, DType::int64, [&](void* dst, std::size_t) {
        auto* o = static_cast<std::int64_t*>(dst);
        for (std::int64_t i = 0; i < out[axis]; ++i) o[i] = r.start + i * r.step;
      });
      cur = bool_as_uint8(cur, [&](const NDArray& t) {
        return run("_npi_take", "slice", {t, idx}, {{"axis", std::to_string(axis)}});
      });
    }
    return wrap(cur);
  }
  return wrap(bool_as_uint8(native(x), [&](const NDArray& t) {
    return run("slice", "slice", {t},
               {{"begin", tuple(begin)}, {"end", tuple(end)}, {"step", tuple(step)}});
  }));
}

// Padding by concatenation along each axis (MXNet's pad operator takes at most 5 dimensions).
Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  NDArray cur = native(x);
  const DType d = x.dtype();
  for (std::size_t axis = 0; axis < widths.size(); ++axis) {
    const auto [before, after] = widths[axis];
    if (before == 0 && after == 0) continue;
    Shape s = shape_of(cur);
    auto block = [&](std::int64_t width) {
      Shape bs = s;
      bs[axis] = width;
      return full_array(bs, d, value);
    };
    std::vector<NDArray> parts;
    if (before > 0) parts.push_back(block(before));
    parts.push_back(cur);
    if (after > 0) parts.push_back(block(after));
    cur = concatenated(parts, static_cast<int>(axis));
  }
  return wrap(cur);
}

// Sorting on the host, per lane (MXNet's sort has no half types, no stable order promise and no
// NaN placement), then the values gathered by MXNet.
template <class T>
std::vector<std::int64_t> lane_order(const NDArray& keys, std::int64_t lanes, std::int64_t n,
                                     bool descending) {
  std::vector<T> host(static_cast<std::size_t>(lanes * n));
  read_host(keys, host.data(), host.size(), "sort");
  return lane_orders(host, lanes, n, descending);
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
  const NDArray moved = axis == nd - 1 ? native(x) : transposed(native(x), perm);
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
    order = lane_order<std::int64_t>(
        cast_to(d == DType::bool_ ? cast_to(moved, DType::uint8, "sort") : moved, DType::int64,
                "sort"),
        lanes, n, descending);
  NDArray idx = host_array(s, DType::int64, [&](void* dst, std::size_t bytes) {
    std::memcpy(dst, order.data(), bytes);
  });
  return {moved, idx, perm};
}

NDArray move_back(const NDArray& t, const std::vector<int>& perm, int axis) {
  if (axis == static_cast<int>(perm.size()) - 1) return t;
  return transposed(t, perm);
}

Array sort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0 || empty(native(x))) return x;
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
  if (empty(native(x))) return wrap(empty_array(x.shape(), DType::int64));
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
