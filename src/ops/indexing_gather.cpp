// take, gather (take_along_axis) and gather_nd (TF semantics, as flat offsets and a take).
#include <string>

#include "grad/record.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"
#include "ops/indexing_checks.hpp"

namespace ivy {
namespace {
const IndexingKernels& kernels(const Backend& b, std::string_view fn) {
  return detail::family(b, &Backend::indexing, fn);
}
}  // namespace

Array take(const Array& x, const Array& indices, int axis) {
  const Backend& b = detail::common_backend("take", {&x, &indices});
  detail::require_index_dtype(indices, "take");
  const Shape s = x.shape();
  const int ax = detail::normalize_axis(axis, static_cast<int>(s.size()), "take", b.name);
  const Array idx =
      detail::wrapped_indices(b, "take", indices, s[ax], "axis " + std::to_string(ax), s);
  Array y = detail::kernel(b, kernels(b, "take").take, "take")(x, idx, ax);
  IVY_RECORD(record_take(x, idx, ax, y));
  return y;
}

Array gather(const Array& params, const Array& indices, int axis) {
  const Backend& b = detail::common_backend("gather", {&params, &indices});
  detail::require_index_dtype(indices, "gather");
  const Shape ps = params.shape(), is = indices.shape();
  if (ps.size() != is.size())
    detail::raise<ShapeError>("gather", b.name,
                              "params of shape " + shape_str(ps) + " and indices of shape " +
                                  shape_str(is) + " differ in rank");
  const int ax = detail::normalize_axis(axis, static_cast<int>(ps.size()), "gather", b.name);
  // The axes other than `axis` broadcast, as in np.take_along_axis.
  Shape pb = ps, ib = is;
  pb[ax] = ib[ax] = 1;
  const Shape joint = detail::broadcast_shapes(pb, ib, "gather", b.name);
  Shape pt = joint, it = joint;
  pt[ax] = ps[ax];
  it[ax] = is[ax];
  const Array idx =
      detail::wrapped_indices(b, "gather", indices, ps[ax], "axis " + std::to_string(ax), ps);
  const auto kernel = detail::kernel(b, kernels(b, "gather").take_along_axis, "gather");
  const Array p = broadcast_to(params, pt), i = broadcast_to(idx, it);
  Array y = kernel(p, i, ax);
  IVY_RECORD(record_take_along_axis(p, i, ax, y));
  return y;
}

Array gather_nd(const Array& params, const Array& indices) {
  const Backend& b = detail::common_backend("gather_nd", {&params, &indices});
  const Shape ps = params.shape();
  const Array offsets = detail::flat_offsets(b, "gather_nd", indices, ps);
  const auto k = static_cast<std::ptrdiff_t>(indices.shape().back());
  // params as rows: one per index tuple of its leading k dimensions.
  Shape rows{numel(Shape(ps.begin(), ps.begin() + k))};
  rows.insert(rows.end(), ps.begin() + k, ps.end());
  const auto kernel = detail::kernel(b, kernels(b, "gather_nd").take, "gather_nd");
  const Array flat = reshape(params, rows);
  Array y = kernel(flat, offsets, 0);
  IVY_RECORD(record_take(flat, offsets, 0, y));
  return y;
}

}  // namespace ivy
