#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "backends/sort_order.hpp"
#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

Array reshape(const Array& x, const Shape& s) { return wrap(reshape_to(native(x), s, "reshape")); }

Array broadcast_to(const Array& x, const Shape& s) {
  return wrap(run("BroadcastTo", "broadcast_to", {native(x), int64_vector(s)}));
}

Array transpose(const Array& x, const std::vector<int>& perm) {
  return wrap(transpose_by(native(x), perm, "transpose"));
}

Array concat(const std::vector<Array>& xs, int axis) {
  std::vector<Tensor> ts;
  ts.reserve(xs.size());
  for (const Array& x : xs) ts.push_back(native(x));
  const Tensor a = int32_scalar(axis);
  return wrap(Op("ConcatV2", "concat")
                  .inputs(ts)
                  .input(a)
                  .integer("N", static_cast<std::int64_t>(ts.size()))
                  .run1());
}

Array flip(const Array& x, const std::vector<int>& axes) {
  return wrap(run("ReverseV2", "flip",
                  {native(x), int32_vector(std::vector<std::int64_t>(axes.begin(), axes.end()))}));
}

Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  std::vector<std::int64_t> begin, end, strides;
  for (const SliceRange& r : ranges) {
    begin.push_back(r.start);
    end.push_back(r.stop);
    strides.push_back(r.step);
  }
  const Tensor b = int64_vector(begin), e = int64_vector(end), s = int64_vector(strides);
  return wrap(Op("StridedSlice", "slice").input(x).input(b).input(e).input(s).run1());
}

Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  std::vector<std::int64_t> flat;
  for (const auto& [before, after] : widths) {
    flat.push_back(before);
    flat.push_back(after);
  }
  const Tensor paddings =
      host_tensor({static_cast<std::int64_t>(widths.size()), 2}, DType::int64,
                  [&](void* dst, std::size_t n) { std::memcpy(dst, flat.data(), n); });
  const Tensor v = scalar(value, dtype_of(native(x)));
  return wrap(Op("PadV2", "pad").input(x).input(paddings).input(v).run1());
}

// Sorting: TensorFlow's only sort is TopKV2 (descending, ties by index), which has no
// ascending form that keeps equal keys in order for every dtype, nor NumPy's NaN placement; so
// the keys are ordered on the host, per lane, and the permutation gathered on TensorFlow.

// int64 indices of the stable sort of x's last axis, as a host tensor.
template <class T>
Tensor lane_order(const Tensor& keys, const Shape& s, bool descending) {
  const std::int64_t n = s.empty() ? 1 : s.back();
  std::int64_t lanes = 1;
  for (std::size_t d = 0; d + 1 < s.size(); ++d) lanes *= s[d];
  std::vector<T> host(static_cast<std::size_t>(lanes * n));
  if (!host.empty())
    std::memcpy(host.data(), Resolved(keys, "sort").data(), host.size() * sizeof(T));
  const std::vector<std::int64_t> order = lane_orders(host, lanes, n, descending);
  return host_tensor(s, DType::int64,
                     [&](void* dst, std::size_t bytes) { std::memcpy(dst, order.data(), bytes); });
}

// The order along `axis` and x itself with that axis moved last (and the permutation used).
struct Ordered {
  Tensor moved;
  Tensor order;
  std::vector<int> perm;
};

Ordered order_along(const Array& x, int axis, bool descending) {
  const int nd = x.ndim();
  std::vector<int> perm(static_cast<std::size_t>(nd));
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[static_cast<std::size_t>(axis)], perm.back());
  const Tensor moved = axis == nd - 1 ? native(x) : transpose_by(native(x), perm, "sort");
  const Shape s = shape_of(moved);
  const DType d = dtype_of(moved);
  Tensor order;
  switch (d) {
    case DType::bool_:
      order = lane_order<std::uint8_t>(moved, s, descending);  // false < true, one byte each
      break;
    case DType::int8:
      order = lane_order<std::int8_t>(moved, s, descending);
      break;
    case DType::int16:
      order = lane_order<std::int16_t>(moved, s, descending);
      break;
    case DType::int32:
      order = lane_order<std::int32_t>(moved, s, descending);
      break;
    case DType::int64:
      order = lane_order<std::int64_t>(moved, s, descending);
      break;
    case DType::uint8:
      order = lane_order<std::uint8_t>(moved, s, descending);
      break;
    case DType::float16:
    case DType::bfloat16:  // ordered through float32, which holds both exactly
      order = lane_order<float>(cast_to(moved, DType::float32, "sort"), s, descending);
      break;
    case DType::float32:
      order = lane_order<float>(moved, s, descending);
      break;
    case DType::float64:
      order = lane_order<double>(moved, s, descending);
      break;
  }
  return {moved, order, perm};
}

Tensor move_back(const Tensor& t, const std::vector<int>& perm, int axis) {
  return axis == static_cast<int>(perm.size()) - 1 ? t : transpose_by(t, perm, "sort");
}

Array sort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0) return x;
  Ordered o = order_along(x, axis, descending);
  const int last = static_cast<int>(o.perm.size()) - 1;
  const Tensor sorted = Op("GatherV2", "sort")
                            .input(o.moved)
                            .input(o.order)
                            .input(int32_scalar(last))
                            .integer("batch_dims", last)
                            .run1();
  return wrap(move_back(sorted, o.perm, axis));
}

Array argsort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0)
    return wrap(
        host_tensor({}, DType::int64, [](void* dst, std::size_t n) { std::memset(dst, 0, n); }));
  Ordered o = order_along(x, axis, descending);
  return wrap(move_back(o.order, o.perm, axis));
}

}  // namespace

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{reshape, broadcast_to, transpose, concat, flip,
                                     slice,   pad,          sort,      argsort};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
