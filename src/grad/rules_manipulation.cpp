// Vector-Jacobian products of the manipulation kernels: each moves elements, so the cotangent
// is moved back (reshape, transpose, flip, slices of a concatenation, a padded slice...).
#include "grad/record.hpp"
#include "grad/scatter_back.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy::detail {

void record_reshape(const Array& x, Array& y) {
  record(y, {&x}, [xs = x.shape()](const Array& g, const Needs&) {
    return std::vector<Array>{reshape(g, xs)};
  });
}

void record_broadcast_to(const Array& x, Array& y) {
  // The engine sums the cotangent over the broadcast axes.
  record(y, {&x}, [](const Array& g, const Needs&) { return std::vector<Array>{g}; });
}

void record_transpose(const Array& x, const std::vector<int>& perm, Array& y) {
  std::vector<int> inverse(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i)
    inverse[static_cast<std::size_t>(perm[i])] = static_cast<int>(i);
  record(y, {&x}, [inverse](const Array& g, const Needs&) {
    return std::vector<Array>{transpose(g, inverse)};
  });
}

void record_concat(const std::vector<Array>& xs, int axis, Array& y) {
  std::vector<std::int64_t> sizes;
  for (const Array& x : xs) sizes.push_back(x.shape()[static_cast<std::size_t>(axis)]);
  record(y, xs, [sizes, axis](const Array& g, const Needs& needs) {
    std::vector<Array> r(sizes.size());
    const Shape gs = g.shape();
    std::vector<SliceRange> ranges;
    for (std::int64_t d : gs) ranges.push_back({0, d, 1});
    std::int64_t start = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      ranges[static_cast<std::size_t>(axis)] = {start, start + sizes[i], 1};
      if (needs[i]) r[i] = slice_ranges(g, ranges);
      start += sizes[i];
    }
    return r;
  });
}

void record_flip(const Array& x, const std::vector<int>& axes, Array& y) {
  record(y, {&x},
         [axes](const Array& g, const Needs&) { return std::vector<Array>{flip(g, Axes(axes))}; });
}

void record_slice(const Array& x, const std::vector<SliceRange>& ranges, Array& y) {
  record(y, {&x}, [ranges, xs = x.shape()](const Array& g, const Needs&) {
    bool unit = true;
    std::vector<std::pair<std::int64_t, std::int64_t>> widths;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      unit = unit && ranges[i].step == 1;
      widths.push_back({ranges[i].start, xs[i] - ranges[i].stop});
    }
    if (unit) return std::vector<Array>{zero_pad(g, widths)};
    // Strided: the flat positions the slice took, and the cotangent added there.
    return std::vector<Array>{scatter_back(slice_ranges(positions(g, xs), ranges), g, xs)};
  });
}

void record_pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
                Array& y) {
  record(y, {&x}, [widths, xs = x.shape()](const Array& g, const Needs&) {
    std::vector<SliceRange> ranges;
    for (std::size_t i = 0; i < xs.size(); ++i)
      ranges.push_back({widths[i].first, widths[i].first + xs[i], 1});
    return std::vector<Array>{slice_ranges(g, ranges)};
  });
}

void record_sort(const Array& x, int axis, bool descending, Array& y) {
  record(y, {&x}, [x = detached(x), axis, descending](const Array& g, const Needs&) {
    // The stable argsort is the permutation the stable sort applied.
    const Array order = argsort(x, axis, descending);
    const Shape xs = x.shape();
    return std::vector<Array>{scatter_back(gather(positions(g, xs), order, axis), g, xs)};
  });
}

}  // namespace ivy::detail
