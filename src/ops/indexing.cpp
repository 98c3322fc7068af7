#include "ivy/ops/indexing.hpp"

#include <string>

#include "ops/dispatch.hpp"

namespace ivy {

Array slice_ranges(const Array& x, const std::vector<SliceRange>& ranges) {
  const Backend& b = detail::backend_of("slice", x);
  return detail::kernel(b, detail::family(b, &Backend::manipulation, "slice").slice, "slice")(
      x, ranges);
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
  if (!flipped.empty())
    out = detail::kernel(b, detail::family(b, &Backend::manipulation, "slice").flip, "slice")(
        out, flipped);
  return out;
}

}  // namespace ivy
