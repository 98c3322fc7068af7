// roll, moveaxis and diff, written once from unified functions (slices, concat, transpose,
// subtract) so that every backend agrees; each checks its arguments up front and names itself.
#include <algorithm>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"
#include "ops/linalg_helpers.hpp"

namespace ivy {
namespace {

std::string ints_str(const std::vector<int>& v) {
  std::string s = "(";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + ")";
}

// Normalised axes of a rank-ndim array (IndexError naming fn when one is out of range).
std::vector<int> normalized(const std::vector<int>& axes, int ndim, std::string_view fn,
                            const Backend& b) {
  std::vector<int> out;
  for (int a : axes) out.push_back(detail::normalize_axis(a, ndim, fn, b.name));
  return out;
}

}  // namespace

Array roll(const Array& x, const std::vector<std::int64_t>& shift,
           const std::optional<std::vector<int>>& axis) {
  constexpr std::string_view fn = "roll";
  const Backend& b = detail::backend_of(fn, x);
  if (!axis) {
    // Without axes the flattened array rolls by one shift and keeps x's shape.
    if (shift.size() != 1)
      detail::raise<ValueError>(fn, b.name,
                                std::to_string(shift.size()) + " shifts need as many axes");
    return reshape(roll(reshape(x, {x.size()}), shift, std::vector<int>{0}), x.shape());
  }
  const std::vector<int> axes = normalized(*axis, x.ndim(), fn, b);
  // One shift applies to every axis; otherwise one per axis (a shift is never dropped).
  if (shift.size() != axes.size() && shift.size() != 1)
    detail::raise<ValueError>(fn, b.name,
                              std::to_string(shift.size()) + " shifts for " +
                                  std::to_string(axes.size()) + " axes " + ints_str(*axis) +
                                  " of an array of shape " + shape_str(x.shape()));
  Array y = x;
  for (std::size_t i = 0; i < axes.size(); ++i) {
    const std::int64_t n = x.shape()[static_cast<std::size_t>(axes[i])];
    if (n == 0) continue;
    const std::int64_t s = ((shift.size() == 1 ? shift[0] : shift[i]) % n + n) % n;
    if (s == 0) continue;
    y = concat({detail::slice_axis(y, axes[i], n - s, n), detail::slice_axis(y, axes[i], 0, n - s)},
               axes[i]);
  }
  return y;
}

Array roll(const Array& x, const Array& shift, const std::optional<std::vector<int>>& axis) {
  const Backend& b = detail::common_backend("roll", {&x, &shift});
  // A 0-d integer array is one shift (its value is read on the host).
  if (shift.ndim() != 0 || !is_integral(shift.dtype()))
    detail::raise<DTypeError>("roll", b.name,
                              "an array shift must be a 0-d integer array, got shape " +
                                  shape_str(shift.shape()) + " of dtype " +
                                  std::string(dtype_name(shift.dtype())));
  return roll(x, std::vector<std::int64_t>{shift.item<std::int64_t>()}, axis);
}

Array moveaxis(const Array& x, const std::vector<int>& source,
               const std::vector<int>& destination) {
  constexpr std::string_view fn = "moveaxis";
  const Backend& b = detail::backend_of(fn, x);
  const int nd = x.ndim();
  const std::vector<int> src = normalized(source, nd, fn, b);
  const std::vector<int> dst = normalized(destination, nd, fn, b);
  auto repeats = [](std::vector<int> v) {
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) != v.end();
  };
  if (src.size() != dst.size() || repeats(src) || repeats(dst))
    detail::raise<ValueError>(
        fn, b.name,
        "source " + ints_str(source) + " and destination " + ints_str(destination) +
            " must be as many distinct axes of an array of shape " + shape_str(x.shape()));
  // The axes not moved keep their order in the slots no destination takes.
  std::vector<int> order(static_cast<std::size_t>(nd), -1);
  for (std::size_t i = 0; i < src.size(); ++i) order[static_cast<std::size_t>(dst[i])] = src[i];
  int next = 0;
  for (int& o : order) {
    if (o != -1) continue;
    while (std::find(src.begin(), src.end(), next) != src.end()) ++next;
    o = next++;
  }
  return transpose(x, order);
}

Array diff(const Array& x, int axis, std::int64_t n, const std::optional<Array>& prepend,
           const std::optional<Array>& append) {
  constexpr std::string_view fn = "diff";
  const Backend& b = detail::backend_of(fn, x);
  if (x.ndim() == 0)
    detail::raise<ValueError>(fn, b.name, "x must have at least one axis, got a 0-d array");
  const int a = detail::normalize_axis(axis, x.ndim(), fn, b.name);
  if (n < 0) detail::raise<ValueError>(fn, b.name, "n must be >= 0, got " + std::to_string(n));
  // prepend and append join x along the axis: the other dimensions must be x's.
  auto joinable = [&](const Array& p, std::string_view name) {
    bool ok = p.ndim() == x.ndim();
    for (int i = 0; ok && i < x.ndim(); ++i)
      ok = i == a ||
           p.shape()[static_cast<std::size_t>(i)] == x.shape()[static_cast<std::size_t>(i)];
    if (!ok)
      detail::raise<ShapeError>(fn, b.name,
                                std::string(name) + " of shape " + shape_str(p.shape()) +
                                    " must have x's shape " + shape_str(x.shape()) +
                                    " except along axis " + std::to_string(a));
    return p;
  };
  std::vector<Array> parts;
  if (prepend) parts.push_back(joinable(*prepend, "prepend"));
  parts.push_back(x);
  if (append) parts.push_back(joinable(*append, "append"));
  Array y = parts.size() == 1 ? x : concat(parts, a);
  // Each difference shortens the axis by one: from its length on the result is empty, so a
  // huge n costs nothing (it looped n times).
  const std::int64_t len = y.shape()[static_cast<std::size_t>(a)];
  if (n >= len) return detail::slice_axis(y, a, 0, 0);
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t m = y.shape()[static_cast<std::size_t>(a)];
    const Array hi = detail::slice_axis(y, a, 1, m), lo = detail::slice_axis(y, a, 0, m - 1);
    y = is_bool(y.dtype()) ? not_equal(hi, lo) : subtract(hi, lo);  // NumPy: bools differ or not
  }
  return y;
}

}  // namespace ivy
