#include <mlx/transforms.h>

#include <limits>
#include <vector>

#include "backends/mlx/mlx_array.hpp"
#include "ops/dispatch.hpp"

namespace ivy::backends::mlx_impl {
namespace {

// Indices are integers, never differentiated; MLX's autodiff refuses a gather whose indices
// were computed from the differentiated inputs (floor of a coordinate, say) unless told so.
mx::array constant_indices(const Array& idx) { return mx::stop_gradient(native(idx)); }

Array take_along_axis(const Array& x, const Array& idx, int axis) {
  return guarded("gather",
                 [&] { return wrap(mx::take_along_axis(native(x), constant_indices(idx), axis)); });
}

Array take(const Array& x, const Array& idx, int axis) {
  return guarded("take", [&] { return wrap(mx::take(native(x), constant_indices(idx), axis)); });
}

// idx [N] against updates [N, rest...]: MLX wants updates shaped [N, 1, rest...].
mx::array as_row_updates(const mx::array& u) {
  mx::Shape s = u.shape();
  s.insert(s.begin() + 1, 1);
  return mx::reshape(u, s);
}

// The value every reduction starts from, so that a row's first update always wins.
mx::array identity_of(ScatterReduction r, mx::Dtype d) {
  const DType ivy_dtype = from_mlx(d);
  const bool is_min = r == ScatterReduction::min;
  if (is_floating(ivy_dtype)) {
    const double inf = std::numeric_limits<double>::infinity();
    return mx::array(is_min ? inf : -inf, d);
  }
  const auto [lo, hi] = detail::integer_range(ivy_dtype);
  return mx::array(static_cast<std::int64_t>(is_min ? hi : lo), d);
}

// A min/max scatter whose derivative is shared evenly between the updates equal to their row's
// result, as LibTorch's scatter_reduce and ivy's tape do (docs/gradients.md); MLX's own gives
// each tied update the whole cotangent, so a row's updates received more than it.
mx::array extreme_scatter(const mx::array& start, const mx::array& idx, const mx::array& u,
                          bool is_min) {
  auto forward = [=](const std::vector<mx::array>& in) {
    const mx::array upd = as_row_updates(in[0]);
    return std::vector<mx::array>{is_min ? mx::scatter_min(start, idx, upd, 0)
                                         : mx::scatter_max(start, idx, upd, 0)};
  };
  auto backward = [=](const std::vector<mx::array>& in, const std::vector<mx::array>& cot,
                      const std::vector<mx::array>& out) {
    const mx::array& x = in[0];
    const mx::array won = mx::astype(mx::equal(x, mx::take(out[0], idx, 0)), x.dtype());
    const mx::array ties =
        mx::scatter_add(mx::zeros_like(out[0]), idx, as_row_updates(won), 0);  // per row
    return std::vector<mx::array>{
        mx::divide(mx::multiply(mx::take(cot[0], idx, 0), won),
                   mx::maximum(mx::take(ties, idx, 0), mx::array(1, x.dtype())))};
  };
  return mx::custom_vjp(forward, backward)({u})[0];
}

mx::array scatter(const mx::array& idx, const mx::array& u, std::int64_t rows,
                  ScatterReduction reduction) {
  mx::Shape shape = u.shape();
  shape[0] = to_mlx_int(rows, "scatter_nd");
  const mx::array zeros = mx::zeros(shape, u.dtype());
  if (u.size() == 0) return zeros;  // nothing to scatter (MLX rejects empty updates)
  const mx::array upd = as_row_updates(u);
  if (reduction == ScatterReduction::sum) return mx::scatter_add(zeros, idx, upd, 0);

  // Which row each update would land in last: positions scattered with max.
  const int n = u.shape(0);
  const mx::array positions = mx::arange(0, n, 1, mx::int64);
  const mx::array last = mx::scatter_max(mx::full({shape[0]}, mx::array(-1), mx::int64), idx,
                                         mx::reshape(positions, {n, 1}), 0);
  mx::Shape row_shape(shape.size(), 1);
  row_shape[0] = shape[0];
  const mx::array touched = mx::reshape(mx::greater_equal(last, mx::array(0)), row_shape);
  if (reduction == ScatterReduction::replace) {
    const mx::array winners = mx::take(u, mx::maximum(last, mx::array(0)), 0);
    return mx::where(touched, winners, zeros);
  }
  const mx::array start = mx::full(shape, identity_of(reduction, u.dtype()), u.dtype());
  const mx::array reduced = mx::issubdtype(u.dtype(), mx::inexact)
                                ? extreme_scatter(start, idx, u, reduction == ScatterReduction::min)
                            : reduction == ScatterReduction::min
                                ? mx::scatter_min(start, idx, upd, 0)
                                : mx::scatter_max(start, idx, upd, 0);
  return mx::where(touched, reduced, zeros);
}

Array scatter_rows(const Array& idx, const Array& updates, std::int64_t rows,
                   ScatterReduction reduction) {
  return guarded("scatter_nd", [&] {
    mx::array u = native(updates);
    // bool combines as integers: sum is "any" (max), min is "all".
    const bool boolean = u.dtype() == mx::bool_ && reduction != ScatterReduction::replace;
    if (!boolean) return wrap(scatter(constant_indices(idx), u, rows, reduction));
    if (reduction == ScatterReduction::sum) reduction = ScatterReduction::max;
    const mx::array r = scatter(constant_indices(idx), mx::astype(u, mx::uint8), rows, reduction);
    return wrap(mx::not_equal(r, mx::array(0, mx::uint8)));
  });
}

// MLX has no data-dependent shapes, so the coordinates are found on the host.
Array nonzero(const Array& x) {
  return guarded("indices_where", [&] {
    mx::array t = mx::contiguous(mx::astype(native(x), mx::bool_));
    evaluate(t);
    const int nd = static_cast<int>(t.ndim());
    const bool* v = t.data<bool>();
    std::vector<std::int64_t> coords, idx(nd, 0);
    int found = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (v[i]) {
        coords.insert(coords.end(), idx.begin(), idx.end());
        ++found;
      }
      for (int k = nd - 1; k >= 0; --k) {
        if (++idx[k] < t.shape(k)) break;
        idx[k] = 0;
      }
    }
    return wrap(mx::array(coords.begin(), mx::Shape{found, nd}, mx::int64));
  });
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{take_along_axis, take, scatter_rows, nonzero};
  return k;
}

}  // namespace ivy::backends::mlx_impl
