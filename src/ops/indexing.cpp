#include "ivy/ops/indexing.hpp"

#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array slice_ranges(const Array& x, const std::vector<SliceRange>& ranges) {
  const Backend& b = detail::backend_of("slice", x);
  return detail::family(b, &Backend::manipulation, "slice").slice(x, ranges);
}

Array slice(const Array& x, const std::vector<Slice>& slices) {
  const Backend& b = detail::backend_of("slice", x);
  const Shape s = x.shape();
  if (slices.size() > s.size())
    detail::raise<IndexError>("slice", b.name,
                              std::to_string(slices.size()) + " slices for shape " + shape_str(s));
  std::vector<SliceRange> ranges;
  std::vector<int> flipped;
  bool whole = true;
  for (int i = 0; i < static_cast<int>(s.size()); ++i) {
    const std::int64_t dim = s[i];
    if (i >= static_cast<int>(slices.size())) {
      ranges.push_back({0, dim, 1});
      continue;
    }
    const Slice& sl = slices[i];
    if (sl.step == 0) detail::raise<ValueError>("slice", b.name, "slice step must not be 0");
    auto clamp = [dim](std::int64_t v, std::int64_t lo, std::int64_t hi) {
      if (v < 0) v += dim;
      return std::min(std::max(v, lo), hi);
    };
    if (sl.step > 0) {
      const std::int64_t start = sl.start ? clamp(*sl.start, 0, dim) : 0;
      const std::int64_t stop = std::max(start, sl.stop ? clamp(*sl.stop, 0, dim) : dim);
      ranges.push_back({start, stop, sl.step});
    } else {
      // Python's negative step: walk down from start (inclusive) to stop (exclusive). Take the
      // same elements in ascending order, then flip the axis.
      const std::int64_t start = sl.start ? clamp(*sl.start, -1, dim - 1) : dim - 1;
      const std::int64_t stop = sl.stop ? clamp(*sl.stop, -1, dim - 1) : -1;
      const std::int64_t step = -sl.step;
      const std::int64_t count = start > stop ? (start - stop + step - 1) / step : 0;
      const std::int64_t lowest = start - (count - 1) * step;
      ranges.push_back(count > 0 ? SliceRange{lowest, start + 1, step} : SliceRange{0, 0, 1});
      flipped.push_back(i);
    }
    whole =
        whole && ranges.back().start == 0 && ranges.back().stop == dim && ranges.back().step == 1;
  }
  Array out = whole ? x : slice_ranges(x, ranges);
  if (!flipped.empty()) out = detail::family(b, &Backend::manipulation, "slice").flip(out, flipped);
  return out;
}

}  // namespace ivy

namespace ivy {

Array take(const Array& x, const Array& indices, int axis) {
  const Backend& b = detail::common_backend("take", {&x, &indices});
  detail::require_kind(indices, is_integral(indices.dtype()), "take", "integer indices");
  const Shape s = x.shape();
  const int ax = detail::normalize_axis(axis, static_cast<int>(s.size()), "take", b.name);
  const std::int64_t n = s[ax];
  Array idx = cast(indices, DType::int64);
  if (idx.size() > 0) {
    if (any(logical_or(less(idx, -n), greater_equal(idx, n))).item<bool>())
      detail::raise<IndexError>("take", b.name,
                                "an index is out of range for axis " + std::to_string(ax) +
                                    " of size " + std::to_string(n) + " (shape " + shape_str(s) +
                                    ")");
    idx = where(less(idx, 0), add(idx, n), idx);
  }
  return detail::kernel(b, detail::family(b, &Backend::indexing, "take").take, "take")(x, idx, ax);
}

}  // namespace ivy
