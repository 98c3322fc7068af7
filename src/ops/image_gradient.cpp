#include <string>

#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/image.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// x[i + 1] - x[i] along axis, with a zero slab appended so that the shape is kept.
Array forward_difference(const Array& x, int axis) {
  const Shape s = x.shape();
  std::vector<SliceRange> head, tail;
  for (std::int64_t dim : s) {
    head.push_back({0, dim, 1});
    tail.push_back({0, dim, 1});
  }
  head[axis] = {0, s[axis] - 1, 1};
  tail[axis] = {1, s[axis], 1};
  std::vector<std::pair<std::int64_t, std::int64_t>> pads(s.size(), {0, 0});
  pads[axis] = {0, 1};
  return constant_pad(subtract(slice_ranges(x, tail), slice_ranges(x, head)), pads);
}

}  // namespace

std::pair<Array, Array> gradient_image(const Array& x) {
  const Backend& b = detail::backend_of("gradient_image", x);
  if (x.ndim() < 3)
    detail::raise<ShapeError>("gradient_image", b.name,
                              "x needs rank >= 3 ([..., h, w, d]), got " + shape_str(x.shape()));
  if (is_bool(x.dtype()))
    detail::raise<DTypeError>("gradient_image", b.name, "needs a numeric dtype, got bool");
  // Nothing to difference; also keeps zero-size arrays away from pad kernels.
  if (x.size() == 0) return {zeros_like(x), zeros_like(x)};
  const int r = x.ndim();
  return {forward_difference(x, r - 3), forward_difference(x, r - 2)};
}

}  // namespace ivy
