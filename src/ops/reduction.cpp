#include "ivy/ops/reduction.hpp"

#include <algorithm>
#include <string>

#include "grad/record.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

Array reduce_kernel(const Backend& b, std::string_view fn, ReduceOp op, const Array& x,
                    const std::vector<int>& axes, bool keepdims) {
  Array y = detail::family(b, &Backend::reduction, fn).reduce(op, x, axes, keepdims);
  IVY_RECORD(record_reduce(op, x, axes, keepdims, y));
  return y;
}

struct Request {
  const Backend* b;
  std::vector<int> axes;
  Shape shape;
};

Request request(std::string_view fn, const Array& x, const Axes& axes) {
  const Backend& b = detail::backend_of(fn, x);
  Shape s = x.shape();
  // A 0-d array reduced over "all axes" reduces over none.
  auto ax = detail::normalize_axes(axes, static_cast<int>(s.size()), fn, b.name);
  return {&b, std::move(ax), std::move(s)};
}

Array reduce(ReduceOp op, std::string_view fn, const Array& x, const Axes& axes, bool keepdims,
             DType compute) {
  const Backend& b = detail::backend_of(fn, x);
  const std::vector<int> ax = detail::normalize_axes(axes, detail::ndim(b, x), fn, b.name);
  const Array xc = x.dtype() == compute ? x : cast(x, compute);
  if (ax.empty()) return xc;
  return reduce_kernel(b, fn, op, xc, ax, keepdims);
}

DType accumulating(DType d) { return is_floating(d) ? d : DType::int64; }

Array extreme(ReduceOp op, std::string_view fn, const Array& x, const Axes& axes, bool keepdims) {
  Request r = request(fn, x, axes);
  for (int a : r.axes)
    if (r.shape[a] == 0)
      detail::raise<ValueError>(
          fn, r.b->name,
          "zero-size reduction over axis " + std::to_string(a) + " of shape " + shape_str(r.shape));
  if (r.axes.empty()) return x;
  if (is_bool(x.dtype()))  // min of bools is all, max is any
    return detail::family(*r.b, &Backend::reduction, fn)
        .reduce(op == ReduceOp::min ? ReduceOp::all : ReduceOp::any, x, r.axes, keepdims);
  return reduce_kernel(*r.b, fn, op, x, r.axes, keepdims);
}

Array arg_extreme(ArgReduceOp op, std::string_view fn, const Array& x, std::optional<int> axis,
                  bool keepdims) {
  const Backend& b = detail::backend_of(fn, x);
  detail::require_kind(x, !is_bool(x.dtype()), fn, "a numeric dtype");
  const Shape s = x.shape();
  if (!axis) {
    if (numel(s) == 0)
      detail::raise<ValueError>(fn, b.name, "empty array of shape " + shape_str(s));
    Array flat = reshape(x, {numel(s)});
    Array idx = detail::family(b, &Backend::reduction, fn).arg_reduce(op, flat, 0, false);
    return keepdims ? reshape(idx, Shape(s.size(), 1)) : idx;
  }
  const int ax = detail::normalize_axis(*axis, static_cast<int>(s.size()), fn, b.name);
  if (s[ax] == 0)
    detail::raise<ValueError>(fn, b.name,
                              "zero-size axis " + std::to_string(ax) + " of shape " + shape_str(s));
  if (numel(s) == 0) {
    // A non-empty axis of an array with no elements (shape (0, 3) along axis 1): the result
    // is empty too. Answered here, since MLX refuses any zero-size arg reduction.
    Shape out = s;
    if (keepdims)
      out[ax] = 1;
    else
      out.erase(out.begin() + ax);
    return zeros(out, Options(DType::int64).on(b).to(x.device()));
  }
  return detail::family(b, &Backend::reduction, fn).arg_reduce(op, x, ax, keepdims);
}

Array scan(ScanOp op, std::string_view fn, const Array& x, int axis, bool exclusive, bool reverse) {
  const Backend& b = detail::backend_of(fn, x);
  const Shape s = x.shape();
  if (s.empty())
    detail::raise<ShapeError>(fn, b.name, "needs an array of rank >= 1, got a 0-d array");
  const int ax = detail::normalize_axis(axis, static_cast<int>(s.size()), fn, b.name);
  Array xc = cast(x, accumulating(x.dtype()));
  if (reverse) xc = flip(xc, {ax});
  if (exclusive && s[ax] > 0) {
    // Shift by one: the identity element first, the last element dropped.
    std::vector<std::pair<std::int64_t, std::int64_t>> widths(s.size(), {0, 0});
    widths[ax] = {1, 0};
    Array padded = constant_pad(xc, widths, op == ScanOp::cumsum ? 0 : 1);
    std::vector<SliceRange> ranges;
    for (int i = 0; i < static_cast<int>(s.size()); ++i) ranges.push_back({0, s[i], 1});
    xc = slice_ranges(padded, ranges);
  }
  Array out = detail::family(b, &Backend::reduction, fn).scan(op, xc, ax);
  IVY_RECORD(record_scan(op, xc, ax, out));
  return reverse ? flip(out, {ax}) : out;
}

Array variance(std::string_view fn, const Array& x, const Axes& axes, bool keepdims,
               double correction) {
  Request r = request(fn, x, axes);
  detail::require_kind(x, !is_bool(x.dtype()), fn, "a numeric dtype");
  const Array xf = is_floating(x.dtype()) ? x : cast(x, kDefaultFloat);
  std::int64_t n = 1;
  for (int a : r.axes) n *= r.shape[a];
  const Array centred = subtract(xf, mean(xf, r.axes, true));
  const Array ss = sum(multiply(centred, centred), r.axes, keepdims);
  // As numpy: n - correction below zero counts as zero, giving inf or NaN.
  return divide(ss, std::max(static_cast<double>(n) - correction, 0.0));
}

}  // namespace

Array sum(const Array& x, const Axes& axes, bool keepdims) {
  return reduce(ReduceOp::sum, "sum", x, axes, keepdims, accumulating(x.dtype()));
}
Array prod(const Array& x, const Axes& axes, bool keepdims) {
  return reduce(ReduceOp::prod, "prod", x, axes, keepdims, accumulating(x.dtype()));
}
Array mean(const Array& x, const Axes& axes, bool keepdims) {
  const DType d = is_floating(x.dtype()) ? x.dtype() : kDefaultFloat;
  return reduce(ReduceOp::mean, "mean", x, axes, keepdims, d);
}
Array min(const Array& x, const Axes& axes, bool keepdims) {
  return extreme(ReduceOp::min, "min", x, axes, keepdims);
}
Array max(const Array& x, const Axes& axes, bool keepdims) {
  return extreme(ReduceOp::max, "max", x, axes, keepdims);
}
Array all(const Array& x, const Axes& axes, bool keepdims) {
  return reduce(ReduceOp::all, "all", x, axes, keepdims, DType::bool_);
}
Array any(const Array& x, const Axes& axes, bool keepdims) {
  return reduce(ReduceOp::any, "any", x, axes, keepdims, DType::bool_);
}

Array var(const Array& x, const Axes& axes, bool keepdims, double correction) {
  return variance("var", x, axes, keepdims, correction);
}

Array std(const Array& x, const Axes& axes, bool keepdims, double correction) {
  return sqrt(variance("std", x, axes, keepdims, correction));
}

Array argmax(const Array& x, std::optional<int> axis, bool keepdims) {
  return arg_extreme(ArgReduceOp::argmax, "argmax", x, axis, keepdims);
}
Array argmin(const Array& x, std::optional<int> axis, bool keepdims) {
  return arg_extreme(ArgReduceOp::argmin, "argmin", x, axis, keepdims);
}
Array cumsum(const Array& x, int axis, bool exclusive, bool reverse) {
  return scan(ScanOp::cumsum, "cumsum", x, axis, exclusive, reverse);
}
Array cumprod(const Array& x, int axis, bool exclusive, bool reverse) {
  return scan(ScanOp::cumprod, "cumprod", x, axis, exclusive, reverse);
}

}  // namespace ivy
