#include "ivy/ops/indexing.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "grad/record.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {
// The backend's slice kernel on ranges already known to be valid.
Array slice_kernel(const Backend& b, const Array& x, const std::vector<SliceRange>& ranges,
                   std::string_view fn) {
  Array y = detail::kernel(b, detail::family(b, &Backend::manipulation, fn).slice, fn)(x, ranges);
  IVY_RECORD(record_slice(x, ranges, y));
  return y;
}
}  // namespace

Array slice_ranges(const Array& x, const std::vector<SliceRange>& ranges) {
  const Backend& b = detail::backend_of("slice_ranges", x);
  const Shape s = x.shape();
  if (ranges.size() != s.size())
    detail::raise<ShapeError>("slice_ranges", b.name,
                              std::to_string(ranges.size()) + " ranges for shape " + shape_str(s));
  for (std::size_t i = 0; i < s.size(); ++i) {
    const SliceRange& r = ranges[i];
    if (r.step <= 0)
      detail::raise<ValueError>(
          "slice_ranges", b.name,
          "step " + std::to_string(r.step) + " on axis " + std::to_string(i) + " must be > 0");
    if (r.start < 0 || r.start > r.stop || r.stop > s[i])
      detail::raise<IndexError>("slice_ranges", b.name,
                                "range [" + std::to_string(r.start) + ", " +
                                    std::to_string(r.stop) + ") does not fit axis " +
                                    std::to_string(i) + " of shape " + shape_str(s));
  }
  return slice_kernel(b, x, ranges, "slice_ranges");
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
    // A step longer than the axis selects one element, like a step of the axis length; clamping
    // keeps the arithmetic below far from overflow (and -INT64_MIN from existing).
    const std::int64_t magnitude =
        std::min(sl.step == INT64_MIN ? INT64_MAX : (sl.step < 0 ? -sl.step : sl.step),
                 std::max<std::int64_t>(dim, 1));
    auto clamp = [dim](std::int64_t v, std::int64_t lo, std::int64_t hi) {
      if (v < 0) v += dim;
      return std::min(std::max(v, lo), hi);
    };
    if (sl.step > 0) {
      const std::int64_t start = sl.start ? clamp(*sl.start, 0, dim) : 0;
      const std::int64_t stop = std::max(start, sl.stop ? clamp(*sl.stop, 0, dim) : dim);
      ranges.push_back({start, stop, magnitude});
    } else {
      // Python's negative step: walk down from start (inclusive) to stop (exclusive). Take the
      // same elements in ascending order, then flip the axis.
      const std::int64_t start = sl.start ? clamp(*sl.start, -1, dim - 1) : dim - 1;
      const std::int64_t stop = sl.stop ? clamp(*sl.stop, -1, dim - 1) : -1;
      const std::int64_t step = magnitude;
      const std::int64_t count = start > stop ? (start - stop + step - 1) / step : 0;
      const std::int64_t lowest = start - (count - 1) * step;
      ranges.push_back(count > 0 ? SliceRange{lowest, start + 1, step} : SliceRange{0, 0, 1});
      flipped.push_back(i);
    }
    whole =
        whole && ranges.back().start == 0 && ranges.back().stop == dim && ranges.back().step == 1;
  }
  Array out = whole ? x : slice_kernel(b, x, ranges, "slice");
  if (flipped.empty()) return out;
  Array y = detail::kernel(b, detail::family(b, &Backend::manipulation, "slice").flip, "slice")(
      out, flipped);
  IVY_RECORD(record_flip(out, flipped, y));
  return y;
}

}  // namespace ivy
