#include "ivy/core/shape.hpp"

#include <algorithm>

#include "ivy/core/errors.hpp"

namespace ivy {

std::int64_t numel(const Shape& s) {
  std::int64_t n = 1;
  for (auto d : s)
    if (__builtin_mul_overflow(n, d, &n))
      detail::raise<ValueError>("numel", "core",
                                "shape " + shape_str(s) + " has too many elements");
  return n;
}

std::string shape_str(const Shape& s) {
  std::string out = "[";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i) out += ",";
    out += std::to_string(s[i]);
  }
  return out + "]";
}

namespace detail {

int normalize_axis(int axis, int ndim, std::string_view fn, std::string_view backend) {
  if (axis < -ndim || axis >= ndim || ndim == 0)
    raise<IndexError>(fn, backend,
                      "axis " + std::to_string(axis) + " is out of range for an array of rank " +
                          std::to_string(ndim));
  return axis < 0 ? axis + ndim : axis;
}

std::vector<int> normalize_axes(const Axes& axes, int ndim, std::string_view fn,
                                std::string_view backend) {
  std::vector<int> out;
  if (axes.is_all()) {
    for (int i = 0; i < ndim; ++i) out.push_back(i);
    return out;
  }
  for (int a : axes.values()) out.push_back(normalize_axis(a, ndim, fn, backend));
  std::sort(out.begin(), out.end());
  if (std::adjacent_find(out.begin(), out.end()) != out.end())
    raise<ValueError>(fn, backend, "repeated axis in the axis list");
  return out;
}

Shape broadcast_shapes(const Shape& a, const Shape& b, std::string_view fn,
                       std::string_view backend) {
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const std::int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1)
      raise<ShapeError>(fn, backend,
                        "shapes " + shape_str(a) + " and " + shape_str(b) + " do not broadcast");
    out[i] = da == 1 ? db : da;
  }
  return out;
}

}  // namespace detail
}  // namespace ivy
