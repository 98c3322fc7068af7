// searchsorted, written once from unified functions so every backend agrees: one stable sort of
// x1 and the values together, then a count of x1's elements before each value. O((n + m)
// log(n + m)) time and O(n + m) memory (comparing every pair cost O(n m): 7.9 GB at 30,000 each).
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array searchsorted(const Array& x1, const Array& x2, std::string_view side,
                   const std::optional<Array>& sorter) {
  constexpr std::string_view fn = "searchsorted";
  const Backend& b = sorter ? detail::common_backend(fn, {&x1, &x2, &*sorter})
                            : detail::common_backend(fn, {&x1, &x2});
  const bool left = side == "left";
  if (!left && side != "right")
    detail::raise<ValueError>(fn, b.name,
                              "side must be 'left' or 'right', got '" + std::string(side) + "'");
  if (x1.ndim() != 1)
    detail::raise<ShapeError>(fn, b.name, "x1 must be 1-D, got shape " + shape_str(x1.shape()));
  Array sorted = x1;
  if (sorter) {
    if (sorter->ndim() != 1 || sorter->shape()[0] != x1.shape()[0] || !is_integral(sorter->dtype()))
      detail::raise<ValueError>(fn, b.name,
                                "sorter must be 1-D integer indices of x1's length " +
                                    shape_str(x1.shape()) + ", got shape " +
                                    shape_str(sorter->shape()) + " of dtype " +
                                    std::string(dtype_name(sorter->dtype())));
    sorted = take(x1, *sorter);
  }
  const std::int64_t n = x1.shape()[0], m = x2.size();
  if (n == 0 || m == 0) return zeros_like(x2, int64);  // every value goes to position 0
  const DType d = promote_types(x1.dtype(), x2.dtype());
  const Array values = reshape(x2.dtype() == d ? x2 : cast(x2, d), {m});
  if (sorted.dtype() != d) sorted = cast(sorted, d);
  // Ties: 'left' puts a value before the elements of x1 equal to it, 'right' after them; the
  // stable sort keeps that order when the values come first (left) or last (right).
  const Array order = argsort(left ? concat({values, sorted}) : concat({sorted, values}), 0);
  const Array is_x1 = left ? greater_equal(order, m) : less(order, n);
  const Array before = cumsum(cast(is_x1, int64), 0);  // x1's elements up to each place
  const Array slots = reshape(indices_where(logical_not(is_x1)), {m});
  const Array which = left ? take(order, slots) : subtract(take(order, slots), n);
  return reshape(scatter_flat(which, take(before, slots), m, "replace"), x2.shape());
}

}  // namespace ivy
