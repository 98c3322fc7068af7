// tile and repeat: a reshape that adds size-1 axes, a broadcast along them, and a reshape that
// merges them (per-element repeat counts gather with take instead).
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// The array repeat works on (x, or x flattened when no axis is given) and its axis.
std::pair<Array, int> repeat_source(const Backend& b, const Array& x, std::optional<int> axis) {
  if (!axis) return {reshape(x, {x.size()}), 0};
  return {x, detail::normalize_axis(*axis, x.ndim(), "repeat", b.name)};
}

}  // namespace

Array tile(const Array& x, const std::vector<std::int64_t>& reps) {
  const Backend& b = detail::backend_of("tile", x);
  for (std::int64_t r : reps)
    if (r < 0)
      detail::raise<ValueError>("tile", b.name, "negative repetition " + std::to_string(r));
  Shape s = x.shape();
  std::vector<std::int64_t> r = reps;
  const std::size_t nd = std::max(s.size(), r.size());
  s.insert(s.begin(), nd - s.size(), 1);
  r.insert(r.begin(), nd - r.size(), 1);
  Shape interleaved, broadcast, out;
  for (std::size_t i = 0; i < nd; ++i) {
    interleaved.insert(interleaved.end(), {1, s[i]});
    broadcast.insert(broadcast.end(), {r[i], s[i]});
    out.push_back(0);
  }
  // The broadcast and the reshaped result: two arrays of the result's size at once.
  detail::check_shape(broadcast, "tile", b.name, 2 * itemsize(x.dtype()));
  for (std::size_t i = 0; i < nd; ++i) out[i] = r[i] * s[i];
  return reshape(broadcast_to(reshape(x, interleaved), broadcast), out);
}

Array repeat(const Array& x, std::int64_t repeats, std::optional<int> axis) {
  const Backend& b = detail::backend_of("repeat", x);
  if (repeats < 0)
    detail::raise<ValueError>("repeat", b.name, "negative repeat count " + std::to_string(repeats));
  const auto [src, ax] = repeat_source(b, x, axis);
  const Shape s = src.shape();
  Shape expanded = s, broadcast = s, out = s;
  expanded.insert(expanded.begin() + ax + 1, 1);
  broadcast.insert(broadcast.begin() + ax + 1, repeats);
  detail::check_shape(broadcast, "repeat", b.name, 2 * itemsize(x.dtype()));
  out[ax] *= repeats;
  return reshape(broadcast_to(reshape(src, expanded), broadcast), out);
}

Array repeat(const Array& x, const Array& repeats, std::optional<int> axis) {
  const Backend& b = detail::common_backend("repeat", {&x, &repeats});
  detail::require_kind(repeats, is_integral(repeats.dtype()), "repeat", "integer repeat counts");
  if (repeats.ndim() > 1)
    detail::raise<ShapeError>(
        "repeat", b.name,
        "repeat counts must be 0-d or 1-D, got shape " + shape_str(repeats.shape()));
  const std::vector<std::int64_t> counts = cast(repeats, DType::int64).to_vector<std::int64_t>();
  if (counts.size() == 1) return repeat(x, counts[0], axis);
  const auto [src, ax] = repeat_source(b, x, axis);
  const std::int64_t n = src.shape()[ax];
  if (static_cast<std::int64_t>(counts.size()) != n)
    detail::raise<ShapeError>("repeat", b.name,
                              std::to_string(counts.size()) + " repeat counts for axis " +
                                  std::to_string(ax) + " of length " + std::to_string(n) +
                                  " (shape " + shape_str(src.shape()) + ")");
  std::int64_t total = 0;
  for (std::int64_t c : counts) {
    if (c < 0)
      detail::raise<ValueError>("repeat", b.name, "negative repeat count " + std::to_string(c));
    if (__builtin_add_overflow(total, c, &total))
      detail::raise<ValueError>("repeat", b.name, "the repeat counts' sum overflows int64");
  }
  Shape out = src.shape();
  out[ax] = total;
  detail::check_shape(out, "repeat", b.name, itemsize(x.dtype()));
  // The int64 gather index, held on the host and in the engine.
  detail::check_shape({total}, "repeat", b.name, 16);
  std::vector<std::int64_t> idx;
  idx.reserve(static_cast<std::size_t>(total));
  for (std::int64_t i = 0; i < n; ++i) idx.insert(idx.end(), counts[i], i);
  const auto len = static_cast<std::int64_t>(idx.size());
  return take(src, array(idx, {len}, Options(DType::int64).on(b).to(x.device())), ax);
}

}  // namespace ivy
