#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

Array reshape(const Array& x, const Shape& s) {
  return guarded("reshape",
                 [&] { return wrap(mx::reshape(native(x), to_mlx_shape(s, "reshape"))); });
}
Array broadcast_to(const Array& x, const Shape& s) {
  return guarded("broadcast_to", [&] {
    return wrap(mx::broadcast_to(native(x), to_mlx_shape(s, "broadcast_to")));
  });
}
Array transpose(const Array& x, const std::vector<int>& perm) {
  return guarded("transpose", [&] { return wrap(mx::transpose(native(x), perm)); });
}
Array concat(const std::vector<Array>& xs, int axis) {
  return guarded("concat", [&] {
    std::vector<mx::array> ts;
    ts.reserve(xs.size());
    for (const Array& x : xs) ts.push_back(native(x));
    return wrap(mx::concatenate(std::move(ts), axis));
  });
}
Array flip(const Array& x, const std::vector<int>& axes) {
  return guarded("flip", [&] {
    mx::array t = native(x);
    for (int axis : axes) t = mx::flip(t, axis);
    return wrap(t);
  });
}
Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  return guarded("slice", [&] {
    mx::Shape start, stop, step;
    for (const SliceRange& r : ranges) {
      start.push_back(static_cast<mx::ShapeElem>(r.start));
      stop.push_back(static_cast<mx::ShapeElem>(r.stop));
      step.push_back(static_cast<mx::ShapeElem>(r.step));
    }
    return wrap(mx::slice(native(x), std::move(start), std::move(stop), std::move(step)));
  });
}
Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  return guarded("constant_pad", [&] {
    const mx::array& t = native(x);
    std::vector<std::pair<int, int>> w;
    for (const auto& [before, after] : widths)
      w.emplace_back(to_mlx_int(before, "constant_pad"), to_mlx_int(after, "constant_pad"));
    return wrap(mx::pad(t, w, scalar(value, from_mlx(t.dtype()))));
  });
}

// MLX sorts ascending only. A stable descending order is the reverse of the stable ascending
// order of the reversed input: ties then keep their original order.
mx::array argsort_along(const mx::array& t, int axis, bool descending) {
  if (!descending) return mx::astype(mx::argsort(t, axis), mx::int64);
  const int n = t.shape(axis);
  const mx::array reversed = mx::astype(mx::argsort(mx::flip(t, axis), axis), mx::int64);
  return mx::subtract(mx::array(static_cast<std::int64_t>(n - 1)), mx::flip(reversed, axis));
}
Array sort(const Array& x, int axis, bool descending) {
  return guarded("sort", [&] {
    const mx::array s = mx::sort(native(x), axis);
    return wrap(descending ? mx::flip(s, axis) : s);
  });
}
Array argsort(const Array& x, int axis, bool descending) {
  return guarded("argsort", [&] { return wrap(argsort_along(native(x), axis, descending)); });
}

}  // namespace

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{reshape, broadcast_to, transpose, concat, flip,
                                     slice,   pad,          sort,      argsort};
  return k;
}

}  // namespace ivy::backends::mlx_impl
