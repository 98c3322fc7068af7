// stack, unstack and split: composites of expand_dims, concat, slice_ranges and reshape.
#include <numeric>
#include <string>

#include "ivy/core/framework.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// The axis of x that unstack and split cut along; 0-d arrays have none.
int cut_axis(const Backend& b, std::string_view fn, const Array& x, int axis) {
  if (x.ndim() == 0) detail::raise<ShapeError>(fn, b.name, "cannot cut a 0-d array");
  return detail::normalize_axis(axis, x.ndim(), fn, b.name);
}

std::vector<Array> parts(const Array& x, const std::vector<std::int64_t>& sizes, int axis) {
  const Shape s = x.shape();
  std::vector<SliceRange> ranges;
  for (std::int64_t d : s) ranges.push_back({0, d, 1});
  std::vector<Array> out;
  std::int64_t offset = 0;
  for (std::int64_t n : sizes) {
    ranges[axis] = {offset, offset + n, 1};
    out.push_back(slice_ranges(x, ranges));
    offset += n;
  }
  return out;
}

}  // namespace

Array stack(const std::vector<Array>& xs, int axis) {
  if (xs.empty())
    detail::raise<ValueError>("stack", current_backend().name, "needs at least one array");
  const Backend& b = detail::backend_of("stack", xs[0]);
  const Shape s = xs[0].shape();
  const int ax = detail::normalize_axis(axis, static_cast<int>(s.size()) + 1, "stack", b.name);
  std::vector<Array> expanded;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    detail::common_backend("stack", {&xs[0], &xs[i]});
    if (xs[i].shape() != s)
      detail::raise<ShapeError>("stack", b.name,
                                "arrays 0 and " + std::to_string(i) + " differ in shape: " +
                                    shape_str(s) + " vs " + shape_str(xs[i].shape()));
    expanded.push_back(expand_dims(xs[i], ax));
  }
  return concat(expanded, ax);
}

std::vector<Array> unstack(const Array& x, int axis) {
  const Backend& b = detail::backend_of("unstack", x);
  const int ax = cut_axis(b, "unstack", x, axis);
  Shape rest = x.shape();
  const std::int64_t n = rest[ax];
  rest.erase(rest.begin() + ax);
  std::vector<Array> out = parts(x, std::vector<std::int64_t>(n, 1), ax);
  for (Array& a : out) a = reshape(a, rest);
  return out;
}

std::vector<Array> split(const Array& x, std::int64_t num_sections, int axis) {
  const Backend& b = detail::backend_of("split", x);
  const int ax = cut_axis(b, "split", x, axis);
  const std::int64_t n = x.shape()[ax];
  if (num_sections <= 0)
    detail::raise<ValueError>("split", b.name,
                              "num_sections must be > 0, got " + std::to_string(num_sections));
  if (n % num_sections != 0)
    detail::raise<ValueError>("split", b.name,
                              "axis " + std::to_string(ax) + " of shape " + shape_str(x.shape()) +
                                  " does not split into " + std::to_string(num_sections) +
                                  " equal parts");
  // Each part is an Array and an engine tensor: refuse counts this machine cannot hold.
  detail::check_shape({num_sections}, "split", b.name, 4 * sizeof(Array));
  return parts(x, std::vector<std::int64_t>(num_sections, n / num_sections), ax);
}

std::vector<Array> split(const Array& x, const std::vector<std::int64_t>& sizes, int axis) {
  const Backend& b = detail::backend_of("split", x);
  const int ax = cut_axis(b, "split", x, axis);
  const std::int64_t n = x.shape()[ax];
  for (std::int64_t s : sizes)
    if (s < 0)
      detail::raise<ValueError>("split", b.name, "negative section size " + std::to_string(s));
  const std::int64_t total = std::accumulate(sizes.begin(), sizes.end(), std::int64_t{0});
  if (total != n)
    detail::raise<ValueError>("split", b.name,
                              "section sizes sum to " + std::to_string(total) + ", but axis " +
                                  std::to_string(ax) + " of shape " + shape_str(x.shape()) +
                                  " has length " + std::to_string(n));
  return parts(x, sizes, ax);
}

}  // namespace ivy
