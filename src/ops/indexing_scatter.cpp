// scatter_flat and scatter_nd: a zero array with reduced updates at the indices (one kernel,
// scatter_rows, over the rows addressed by flat offsets).
#include <string>

#include "grad/record.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"
#include "ops/indexing_checks.hpp"

namespace ivy {
namespace {

ScatterReduction parse_reduction(const Backend& b, std::string_view fn, std::string_view r) {
  if (r == "sum") return ScatterReduction::sum;
  if (r == "min") return ScatterReduction::min;
  if (r == "max") return ScatterReduction::max;
  if (r == "replace") return ScatterReduction::replace;
  detail::raise<ValueError>(
      fn, b.name, "unknown reduction '" + std::string(r) + "' (expected sum, min, max or replace)");
}

auto scatter_kernel(const Backend& b, std::string_view fn) {
  return detail::kernel(b, detail::family(b, &Backend::indexing, fn).scatter_rows, fn);
}

}  // namespace

Array scatter_flat(const Array& indices, const Array& updates, std::int64_t size,
                   std::string_view reduction) {
  const Backend& b = detail::common_backend("scatter_flat", {&indices, &updates});
  const ScatterReduction red = parse_reduction(b, "scatter_flat", reduction);
  detail::require_index_dtype(indices, "scatter_flat");
  if (indices.ndim() != 1 || updates.shape() != indices.shape())
    detail::raise<ShapeError>("scatter_flat", b.name,
                              "needs 1-D indices and updates of the same length, got shapes " +
                                  shape_str(indices.shape()) + " and " +
                                  shape_str(updates.shape()));
  if (size < 0)
    detail::raise<ValueError>("scatter_flat", b.name,
                              "size must be >= 0, got " + std::to_string(size));
  // The result and, for min/max/replace, the engines' winner bookkeeping of the same length.
  detail::check_shape({size}, "scatter_flat", b.name, 2 * itemsize(updates.dtype()));
  const Array idx = detail::wrapped_indices(b, "scatter_flat", indices, size, "axis 0", {size});
  Array y = scatter_kernel(b, "scatter_flat")(idx, updates, size, red);
  IVY_RECORD(record_scatter_rows(idx, updates, red, y));
  return y;
}

Array scatter_nd(const Array& indices, const Array& updates, const Shape& shape,
                 std::string_view reduction) {
  const Backend& b = detail::common_backend("scatter_nd", {&indices, &updates});
  const ScatterReduction red = parse_reduction(b, "scatter_nd", reduction);
  for (std::int64_t d : shape)
    if (d < 0)
      detail::raise<ValueError>("scatter_nd", b.name, "negative dimension in " + shape_str(shape));
  detail::check_shape(shape, "scatter_nd", b.name, 2 * itemsize(updates.dtype()));
  const Array offsets = detail::flat_offsets(b, "scatter_nd", indices, shape);
  const auto k = static_cast<std::ptrdiff_t>(indices.shape().back());
  const Shape lead = offsets.shape(), tail(shape.begin() + k, shape.end());
  Shape want = lead;
  want.insert(want.end(), tail.begin(), tail.end());
  if (updates.shape() != want)
    detail::raise<ShapeError>("scatter_nd", b.name,
                              "updates of shape " + shape_str(updates.shape()) +
                                  " for indices of " + "shape " + shape_str(indices.shape()) +
                                  " into shape " + shape_str(shape) + " (expected " +
                                  shape_str(want) + ")");
  const std::int64_t m = numel(lead);
  Shape rows{m};
  rows.insert(rows.end(), tail.begin(), tail.end());
  const std::int64_t n = numel(Shape(shape.begin(), shape.begin() + k));
  const Array flat_idx = reshape(offsets, {m}), flat_updates = reshape(updates, rows);
  Array out = scatter_kernel(b, "scatter_nd")(flat_idx, flat_updates, n, red);
  IVY_RECORD(record_scatter_rows(flat_idx, flat_updates, red, out));
  return reshape(out, shape);
}

}  // namespace ivy
