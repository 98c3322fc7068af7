// Vector-Jacobian products of the reduction kernels (reduce, scan).
#include <algorithm>

#include "grad/record.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"

namespace ivy::detail {
namespace {

// A reduction's cotangent spread back over the reduced axes of shape xs.
Array expand(const Array& g, const Shape& xs, const std::vector<int>& axes, bool keepdims) {
  Array e = g;
  if (!keepdims) {
    Shape kept = xs;
    for (int a : axes) kept[static_cast<std::size_t>(a)] = 1;
    e = reshape(g, kept);
  }
  return broadcast_to(e, xs);
}

// The product of the other elements of each reduction group: an exclusive cumulative product
// from each side (no division, so zeros are handled exactly).
Array product_of_others(const Array& x, const std::vector<int>& axes) {
  const Shape xs = x.shape();
  const int r = static_cast<int>(xs.size());
  std::vector<int> perm, inverse(static_cast<std::size_t>(r));
  for (int i = 0; i < r; ++i)
    if (std::find(axes.begin(), axes.end(), i) == axes.end()) perm.push_back(i);
  perm.insert(perm.end(), axes.begin(), axes.end());
  for (int i = 0; i < r; ++i) inverse[static_cast<std::size_t>(perm[i])] = i;
  const Array xt = transpose(x, perm);
  const Shape ts = xt.shape();
  const std::size_t kept = static_cast<std::size_t>(r) - axes.size();
  Shape flat(ts.begin(), ts.begin() + static_cast<std::ptrdiff_t>(kept));
  flat.push_back(numel(Shape(ts.begin() + static_cast<std::ptrdiff_t>(kept), ts.end())));
  const Array xf = reshape(xt, flat);
  const int last = static_cast<int>(flat.size()) - 1;
  const Array others = multiply(cumprod(xf, last, true, false), cumprod(xf, last, true, true));
  return transpose(reshape(others, ts), inverse);
}

// The gradient of a cumulative product: sum over j >= i of g_j * prod_{k <= j, k != i} x_k.
// Without zeros this is revcumsum(g * y) / x; with zeros the exclusive products are used.
Array cumprod_vjp(const Array& x, const Array& y, const Array& g, int axis) {
  if (!any(equal(x, 0.0)).item<bool>()) return divide(cumsum(multiply(g, y), axis, false, true), x);
  // Move axis last and work on rows: out_i = sum_{j>=i} g_j prod_{k<=j,k!=i} x_k, computed
  // as an n x n masked product (rows are short in practice).
  const Shape xs = x.shape();
  const int r = static_cast<int>(xs.size());
  const Array xl = swapaxes(x, axis, r - 1), gl = swapaxes(g, axis, r - 1);
  const std::int64_t n = xs[static_cast<std::size_t>(axis)];
  const Array iota = arange(n, Options(DType::int64).on(x.backend()).to(x.device()));
  const Array row = expand_dims(iota, -1);  // i
  Shape sq = xl.shape();
  sq.insert(sq.end() - 1, n);
  // m[..., i, j] = x_j for j != i and 1 for j == i; its prefix products along j are
  // prod_{k <= j, k != i} x_k, and only j >= i contribute.
  const Array m =
      where(broadcast_to(equal(row, iota), sq), 1.0, broadcast_to(expand_dims(xl, -2), sq));
  const Array pref = cumprod(m, -1);
  const Array upper = broadcast_to(greater_equal(iota, row), sq);
  const Array terms = where(upper, multiply(pref, expand_dims(gl, -2)), 0.0);
  return swapaxes(sum(terms, -1), axis, r - 1);
}

}  // namespace

void record_reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims,
                   Array& y) {
  const Shape xs = x.shape();
  switch (op) {
    case ReduceOp::sum:
      record(y, {&x}, [xs, axes, keepdims](const Array& g, const Needs&) {
        return std::vector<Array>{expand(g, xs, axes, keepdims)};
      });
      return;
    case ReduceOp::mean: {
      std::int64_t n = 1;
      for (int a : axes) n *= xs[static_cast<std::size_t>(a)];
      record(y, {&x}, [xs, axes, keepdims, n](const Array& g, const Needs&) {
        const Array e = expand(g, xs, axes, keepdims);
        return std::vector<Array>{n > 0 ? divide(e, static_cast<double>(n)) : e};
      });
      return;
    }
    case ReduceOp::prod:
      record(y, {&x}, [x = detached(x), xs, axes, keepdims](const Array& g, const Needs&) {
        return std::vector<Array>{
            multiply(expand(g, xs, axes, keepdims), product_of_others(x, axes))};
      });
      return;
    case ReduceOp::min:
    case ReduceOp::max:
      // Shared evenly between tied extremes, as PyTorch's amax/amin.
      record(
          y, {&x},
          [x = detached(x), y0 = detached(y), xs, axes, keepdims](const Array& g, const Needs&) {
            const Array hit = cast(equal(x, expand(y0, xs, axes, keepdims)), x.dtype());
            const Array count = sum(hit, Axes(axes), true);
            return std::vector<Array>{divide(multiply(expand(g, xs, axes, keepdims), hit), count)};
          });
      return;
    case ReduceOp::all:  // bool results
    case ReduceOp::any:
      return constant(y);
  }
}

void record_scan(ScanOp op, const Array& x, int axis, Array& y) {
  if (op == ScanOp::cumsum) {
    record(y, {&x}, [axis](const Array& g, const Needs&) {
      return std::vector<Array>{cumsum(g, axis, false, true)};
    });
    return;
  }
  record(y, {&x}, [x = detached(x), y0 = detached(y), axis](const Array& g, const Needs&) {
    return std::vector<Array>{cumprod_vjp(x, y0, g, axis)};
  });
}

}  // namespace ivy::detail
