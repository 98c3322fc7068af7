#include "ivy/ops/manipulation.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "grad/record.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/ops/conversion.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {
const ManipulationKernels& kernels(const Backend& b, std::string_view fn) {
  return detail::family(b, &Backend::manipulation, fn);
}
}  // namespace

Array reshape(const Array& x, const Shape& shape) {
  const Backend& b = detail::backend_of("reshape", x);
  const Shape from = x.shape();
  Shape to = shape;
  int inferred = -1;
  std::int64_t known = 1;
  for (int i = 0; i < static_cast<int>(to.size()); ++i) {
    if (to[i] == -1) {
      if (inferred >= 0)
        detail::raise<ShapeError>("reshape", b.name, "more than one -1 in " + shape_str(shape));
      inferred = i;
    } else if (to[i] < 0) {
      detail::raise<ShapeError>("reshape", b.name, "negative dimension in " + shape_str(shape));
    } else if (__builtin_mul_overflow(known, to[i], &known)) {
      detail::raise<ShapeError>("reshape", b.name,
                                "cannot reshape " + shape_str(from) + " into " + shape_str(shape));
    }
  }
  const std::int64_t n = numel(from);
  if (inferred >= 0) {
    if (known == 0 || n % known != 0)
      detail::raise<ShapeError>("reshape", b.name,
                                "cannot reshape " + shape_str(from) + " into " + shape_str(shape));
    to[inferred] = n / known;
  }
  if (numel(to) != n)
    detail::raise<ShapeError>("reshape", b.name,
                              "cannot reshape " + shape_str(from) + " into " + shape_str(shape));
  if (to == from) return x;
  Array y = detail::kernel(b, kernels(b, "reshape").reshape, "reshape")(x, to);
  IVY_RECORD(record_reshape(x, y));
  return y;
}

Array broadcast_to(const Array& x, const Shape& shape) {
  const Backend& b = detail::backend_of("broadcast_to", x);
  detail::check_shape(shape, "broadcast_to", b.name, itemsize(x.dtype()));
  const Shape from = x.shape();
  const Shape joint = detail::broadcast_shapes(from, shape, "broadcast_to", b.name);
  if (joint != shape)
    detail::raise<ShapeError>("broadcast_to", b.name,
                              "cannot broadcast " + shape_str(from) + " to " + shape_str(shape));
  if (from == shape) return x;
  Array y = detail::kernel(b, kernels(b, "broadcast_to").broadcast_to, "broadcast_to")(x, shape);
  IVY_RECORD(record_broadcast_to(x, y));
  return y;
}

Array transpose(const Array& x, const std::vector<int>& axes) {
  const Backend& b = detail::backend_of("transpose", x);
  const int n = x.ndim();
  std::vector<int> perm;
  if (axes.empty()) {
    for (int i = n - 1; i >= 0; --i) perm.push_back(i);
  } else {
    if (static_cast<int>(axes.size()) != n)
      detail::raise<ShapeError>("transpose", b.name,
                                "needs " + std::to_string(n) + " axes for shape " +
                                    shape_str(x.shape()) + ", got " + std::to_string(axes.size()));
    for (int a : axes) perm.push_back(detail::normalize_axis(a, n, "transpose", b.name));
    std::vector<int> sorted = perm;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < n; ++i)
      if (sorted[i] != i)
        detail::raise<ValueError>("transpose", b.name, "axes are not a permutation");
  }
  bool identity = true;
  for (int i = 0; i < n; ++i) identity = identity && perm[i] == i;
  if (identity) return x;
  Array y = detail::kernel(b, kernels(b, "transpose").transpose, "transpose")(x, perm);
  IVY_RECORD(record_transpose(x, perm, y));
  return y;
}

Array swapaxes(const Array& x, int axis0, int axis1) {
  const Backend& b = detail::backend_of("swapaxes", x);
  const int n = x.ndim();
  const int a0 = detail::normalize_axis(axis0, n, "swapaxes", b.name);
  const int a1 = detail::normalize_axis(axis1, n, "swapaxes", b.name);
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[a0], perm[a1]);
  return transpose(x, perm);
}

Array expand_dims(const Array& x, int axis) {
  const Backend& b = detail::backend_of("expand_dims", x);
  Shape s = x.shape();
  const int ax =
      detail::normalize_axis(axis, static_cast<int>(s.size()) + 1, "expand_dims", b.name);
  s.insert(s.begin() + ax, 1);
  Array y = detail::kernel(b, kernels(b, "expand_dims").reshape, "expand_dims")(x, s);
  IVY_RECORD(record_reshape(x, y));
  return y;
}

Array squeeze(const Array& x, const Axes& axes) {
  const Backend& b = detail::backend_of("squeeze", x);
  const Shape s = x.shape();
  Shape out;
  if (axes.is_all()) {
    for (auto d : s)
      if (d != 1) out.push_back(d);
  } else {
    const auto ax = detail::normalize_axes(axes, static_cast<int>(s.size()), "squeeze", b.name);
    for (int i = 0; i < static_cast<int>(s.size()); ++i) {
      const bool drop = std::find(ax.begin(), ax.end(), i) != ax.end();
      if (drop && s[i] != 1)
        detail::raise<ShapeError>(
            "squeeze", b.name,
            "axis " + std::to_string(i) + " of shape " + shape_str(s) + " does not have size 1");
      if (!drop) out.push_back(s[i]);
    }
  }
  if (out == s) return x;
  Array y = detail::kernel(b, kernels(b, "squeeze").reshape, "squeeze")(x, out);
  IVY_RECORD(record_reshape(x, y));
  return y;
}

Array concat(const std::vector<Array>& xs, int axis) {
  if (xs.empty())
    detail::raise<ValueError>("concat", current_backend().name, "needs at least one array");
  const Backend& b = detail::backend_of("concat", xs[0]);
  DType d = xs[0].dtype();
  const Shape first = xs[0].shape();
  if (first.empty()) detail::raise<ShapeError>("concat", b.name, "cannot concatenate 0-d arrays");
  const int ax = detail::normalize_axis(axis, static_cast<int>(first.size()), "concat", b.name);
  for (std::size_t i = 1; i < xs.size(); ++i) {
    detail::common_backend("concat", {&xs[0], &xs[i]});
    const Shape s = xs[i].shape();
    bool ok = s.size() == first.size();
    for (std::size_t j = 0; ok && j < s.size(); ++j)
      ok = static_cast<int>(j) == ax || s[j] == first[j];
    if (!ok)
      detail::raise<ShapeError>("concat", b.name,
                                "arrays 0 and " + std::to_string(i) + " differ off axis " +
                                    std::to_string(ax) + ": " + shape_str(first) + " vs " +
                                    shape_str(s));
    d = promote_types(d, xs[i].dtype());
  }
  if (xs.size() == 1) return cast(xs[0], d);
  std::vector<Array> same;
  same.reserve(xs.size());
  for (const Array& x : xs) same.push_back(cast(x, d));
  Array y = detail::kernel(b, kernels(b, "concat").concat, "concat")(same, ax);
  IVY_RECORD(record_concat(same, ax, y));
  return y;
}

Array flip(const Array& x, const Axes& axes) {
  const Backend& b = detail::backend_of("flip", x);
  const auto ax = detail::normalize_axes(axes, x.ndim(), "flip", b.name);
  if (ax.empty()) return x;
  Array y = detail::kernel(b, kernels(b, "flip").flip, "flip")(x, ax);
  IVY_RECORD(record_flip(x, ax, y));
  return y;
}

namespace {
// constant_pad on behalf of fn, so that zero_pad's errors name zero_pad.
Array pad(std::string_view fn, const Array& x,
          const std::vector<std::pair<std::int64_t, std::int64_t>>& pad_width, Scalar value) {
  const Backend& b = detail::backend_of(fn, x);
  const Shape s = x.shape();
  if (pad_width.size() != s.size())
    detail::raise<ShapeError>(fn, b.name,
                              "needs one (before, after) pair per axis of shape " + shape_str(s) +
                                  ", got " + std::to_string(pad_width.size()));
  bool none = true;
  for (const auto& [lo, hi] : pad_width) {
    if (lo < 0 || hi < 0) detail::raise<ValueError>(fn, b.name, "pad widths must be >= 0");
    none = none && lo == 0 && hi == 0;
  }
  if (none) return x;
  if (value.kind() == Scalar::Kind::floating && !is_floating(x.dtype()))
    detail::raise<DTypeError>(
        fn, b.name,
        "a float pad value for an array of dtype " + std::string(dtype_name(x.dtype())));
  detail::check_scalar_fits(value, x.dtype(), fn, b.name);
  Shape padded = x.shape();
  for (std::size_t i = 0; i < padded.size(); ++i)
    if (__builtin_add_overflow(padded[i], pad_width[i].first + pad_width[i].second, &padded[i]))
      detail::raise<ValueError>(fn, b.name, "pad widths are too large");
  detail::check_shape(padded, fn, b.name, itemsize(x.dtype()));
  Array y = detail::kernel(b, kernels(b, fn).pad, fn)(x, pad_width, value);
  IVY_RECORD(record_pad(x, pad_width, y));
  return y;
}
}  // namespace

Array constant_pad(const Array& x,
                   const std::vector<std::pair<std::int64_t, std::int64_t>>& pad_width,
                   Scalar value) {
  return pad("constant_pad", x, pad_width, value);
}

Array zero_pad(const Array& x,
               const std::vector<std::pair<std::int64_t, std::int64_t>>& pad_width) {
  return pad("zero_pad", x, pad_width, 0);
}

}  // namespace ivy
