#include "ivy/ops/linalg.hpp"

#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array matmul(const Array& a, const Array& b) {
  const Backend& bk = detail::common_backend("matmul", {&a, &b});
  const DType d = promote_types(a.dtype(), b.dtype());
  if (is_bool(d))
    detail::raise<DTypeError>(
        "matmul", bk.name, "needs numeric dtypes, got " + detail::dtypes_str(a.dtype(), b.dtype()));
  Shape sa = a.shape(), sb = b.shape();
  if (sa.empty() || sb.empty())
    detail::raise<ShapeError>("matmul", bk.name,
                              "0-d operands " + shape_str(sa) + " and " + shape_str(sb));
  const bool row = sa.size() == 1, col = sb.size() == 1;
  Array a2 = row ? reshape(a, {1, sa[0]}) : a;
  Array b2 = col ? reshape(b, {sb[0], 1}) : b;
  const Shape s2a = a2.shape(), s2b = b2.shape();
  if (s2a.back() != s2b[s2b.size() - 2])
    detail::raise<ShapeError>("matmul", bk.name,
                              "inner dimensions differ: " + shape_str(sa) + " @ " + shape_str(sb));
  detail::broadcast_shapes(Shape(s2a.begin(), s2a.end() - 2), Shape(s2b.begin(), s2b.end() - 2),
                           "matmul", bk.name);
  const auto kernel =
      detail::kernel(bk, detail::family(bk, &Backend::linalg, "matmul").matmul, "matmul");
  Array out = kernel(cast(a2, d), cast(b2, d));
  if (row) out = squeeze(out, {-2});
  if (col) out = squeeze(out, {-1});
  return out;
}

}  // namespace ivy
