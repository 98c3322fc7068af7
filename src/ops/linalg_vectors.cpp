// cross and vector_to_skew_symmetric_matrix: composites of take and element-wise products.
#include <string>
#include <vector>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

Array indices(const std::vector<std::int64_t>& v, const Backend& b, const Device& d) {
  return array(v, Shape{static_cast<std::int64_t>(v.size())}, Options(DType::int64).on(b).to(d));
}

void require_three(const Array& x, int axis, std::string_view fn, const Backend& b) {
  const Shape s = x.shape();
  if (s.empty() || s[axis] != 3)
    detail::raise<ShapeError>(
        fn, b.name,
        "needs 3-vectors along axis " + std::to_string(axis) + ", got shape " + shape_str(s));
}

Array moveaxis_last(const Array& x, int axis) {
  std::vector<int> perm;
  for (int i = 0; i < x.ndim(); ++i)
    if (i != axis) perm.push_back(i);
  perm.push_back(axis);
  return transpose(x, perm);
}

Array moveaxis_from_last(const Array& x, int axis) {
  std::vector<int> perm;
  const int last = x.ndim() - 1;
  for (int i = 0; i < last; ++i) {
    if (i == axis) perm.push_back(last);
    perm.push_back(i);
  }
  if (axis == last) perm.push_back(last);
  return transpose(x, perm);
}

}  // namespace

Array cross(const Array& a, const Array& b, int axis) {
  const Backend& bk = detail::common_backend("cross", {&a, &b});
  const DType d = promote_types(a.dtype(), b.dtype());
  if (is_bool(d))
    detail::raise<DTypeError>(
        "cross", bk.name, "needs numeric dtypes, got " + detail::dtypes_str(a.dtype(), b.dtype()));
  if (a.ndim() == 0 || b.ndim() == 0)
    detail::raise<ShapeError>(
        "cross", bk.name,
        "needs 3-vectors, got shapes " + shape_str(a.shape()) + " and " + shape_str(b.shape()));
  const int aa = detail::normalize_axis(axis, a.ndim(), "cross", bk.name);
  const int ab = detail::normalize_axis(axis, b.ndim(), "cross", bk.name);
  require_three(a, aa, "cross", bk);
  require_three(b, ab, "cross", bk);
  // Move the vector axis last so that the other axes broadcast right-aligned.
  const Array x = cast(moveaxis_last(a, aa), d), y = cast(moveaxis_last(b, ab), d);
  detail::broadcast_shapes(x.shape(), y.shape(), "cross", bk.name);
  const Array i1 = indices({1, 2, 0}, bk, a.device()), i2 = indices({2, 0, 1}, bk, a.device());
  const Array out = subtract(multiply(take(x, i1, -1), take(y, i2, -1)),
                             multiply(take(x, i2, -1), take(y, i1, -1)));
  const int back = detail::normalize_axis(axis, out.ndim(), "cross", bk.name);
  return back == out.ndim() - 1 ? out : moveaxis_from_last(out, back);
}

Array vector_to_skew_symmetric_matrix(const Array& v) {
  const Backend& b = detail::backend_of("vector_to_skew_symmetric_matrix", v);
  detail::require_kind(v, !is_bool(v.dtype()), "vector_to_skew_symmetric_matrix",
                       "a numeric dtype");
  if (v.ndim() == 0 || v.shape().back() != 3)
    detail::raise<ShapeError>("vector_to_skew_symmetric_matrix", b.name,
                              "needs [..., 3], got shape " + shape_str(v.shape()));
  if (is_unsigned(v.dtype()))
    detail::raise<DTypeError>("vector_to_skew_symmetric_matrix", b.name,
                              "needs a signed dtype, got uint8");
  // [[0, -z, y], [z, 0, -x], [-y, x, 0]], row-major.
  const Array picked = take(v, indices({0, 2, 1, 2, 0, 0, 1, 0, 0}, b, v.device()), -1);
  const Array signs = cast(array<std::int64_t>({0, -1, 1, 1, 0, -1, -1, 1, 0}, {9},
                                               Options(DType::int64).on(b).to(v.device())),
                           v.dtype());
  Shape out = v.shape();
  out.push_back(3);
  return reshape(multiply(picked, signs), out);
}

}  // namespace ivy
