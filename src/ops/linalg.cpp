#include "ivy/ops/linalg.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "grad/record.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"
#include "ops/linalg_helpers.hpp"

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
  const auto kernel = detail::kernel(bk, detail::linalg(bk, "matmul").matmul, "matmul");
  const Array ad = cast(a2, d), bd = cast(b2, d);
  Array out = kernel(ad, bd);
  IVY_RECORD(record_matmul(ad, bd, out));
  if (row) out = squeeze(out, {-2});
  if (col) out = squeeze(out, {-1});
  return out;
}

Array inv(const Array& x) {
  if (detail::needs_float32_lapack(x.dtype()))
    return detail::narrowed(inv(cast(x, DType::float32)), x.dtype());
  const Backend& b = detail::backend_of("inv", x);
  detail::require_matrices(x, "inv", b, true);
  const Array xf = detail::as_float(x, "inv", b);
  Array y = detail::kernel(b, detail::linalg(b, "inv").inv, "inv")(xf);
  IVY_RECORD(record_inv(xf, y));
  return y;
}

SvdResult svd(const Array& x, bool full_matrices) {
  if (detail::needs_float32_lapack(x.dtype()))
    return detail::narrowed(svd(cast(x, DType::float32), full_matrices), x.dtype());
  const Backend& b = detail::backend_of("svd", x);
  detail::require_matrices(x, "svd", b, false);
  const Array xf = detail::as_float(x, "svd", b);
  detail::require_finite(xf, "svd", b);
  const auto kernel = detail::kernel(b, detail::linalg(b, "svd").svd, "svd");
  const Shape s = xf.shape();
  const std::int64_t m = s[s.size() - 2], n = s.back(), k = std::min(m, n);
  if (xf.size() == 0) {  // LAPACK kernels divide by the size: answered here for every backend
    const Shape batch(s.begin(), s.end() - 2);
    Shape s_shape = batch;
    s_shape.push_back(k);
    return {detail::batched_eye(xf, batch, m, full_matrices ? m : k),
            zeros(s_shape, Options(xf.dtype()).on(b).to(xf.device())),
            detail::batched_eye(xf, batch, full_matrices ? n : k, n)};
  }
  SvdResult r = kernel(xf, full_matrices);
  IVY_RECORD(record_svd(xf, r, full_matrices));
  return r;
}

Array det(const Array& x) {
  if (detail::needs_float32_lapack(x.dtype()))
    return detail::narrowed(det(cast(x, DType::float32)), x.dtype());
  const Backend& b = detail::backend_of("det", x);
  detail::require_matrices(x, "det", b, true);
  const Array xf = detail::as_float(x, "det", b);
  Array y = detail::kernel(b, detail::linalg(b, "det").det, "det")(xf);
  IVY_RECORD(record_det(xf, y));
  return y;
}

Array solve(const Array& a, const Array& b) {
  const Backend& bk = detail::common_backend("solve", {&a, &b});
  detail::require_matrices(a, "solve", bk, true);
  const Shape sa = a.shape(), sb = b.shape();
  const std::int64_t n = sa.back();
  const bool vector = sb.size() == 1;
  if (sb.empty() || (vector ? sb[0] : sb[sb.size() - 2]) != n)
    detail::raise<ShapeError>("solve", bk.name,
                              "b " + shape_str(sb) + " does not match a " + shape_str(sa) +
                                  " (expected [" + std::to_string(n) + "] or [..., " +
                                  std::to_string(n) + ", k])");
  if (is_bool(a.dtype()) || is_bool(b.dtype()))
    detail::raise<DTypeError>(
        "solve", bk.name, "needs numeric dtypes, got " + detail::dtypes_str(a.dtype(), b.dtype()));
  DType d = promote_types(a.dtype(), b.dtype());
  if (!is_floating(d)) d = kDefaultFloat;
  if (detail::needs_float32_lapack(d))
    return detail::narrowed(solve(cast(a, DType::float32), cast(b, DType::float32)), d);
  Array b2 = vector ? reshape(b, {n, 1}) : b;
  const Shape sb2 = b2.shape();
  // Both operands get the full batch shape, so kernels never guess what b means.
  const Shape batch = detail::broadcast_shapes(Shape(sa.begin(), sa.end() - 2),
                                               Shape(sb2.begin(), sb2.end() - 2), "solve", bk.name);
  Shape full_a = batch, full_b = batch;
  full_a.insert(full_a.end(), {n, n});
  full_b.insert(full_b.end(), {n, sb2.back()});
  const auto kernel = detail::kernel(bk, detail::linalg(bk, "solve").solve, "solve");
  const Array af = broadcast_to(cast(a, d), full_a), bf = broadcast_to(cast(b2, d), full_b);
  Array out = kernel(af, bf);
  IVY_RECORD(record_solve(af, bf, out));
  return vector ? squeeze(out, {-1}) : out;
}

Array pinv(const Array& x, double rtol) {
  const Backend& b = detail::backend_of("pinv", x);
  detail::require_matrices(x, "pinv", b, false);
  const Array xf = detail::as_float(x, "pinv", b);
  detail::require_finite(xf, "pinv", b);
  const Shape s = xf.shape();
  const std::int64_t m = s[s.size() - 2], n = s.back();
  if (rtol < 0) {
    const double eps = xf.dtype() == DType::float64 ? std::numeric_limits<double>::epsilon()
                                                    : std::numeric_limits<float>::epsilon();
    rtol = static_cast<double>(std::max(m, n)) * eps;
  }
  if (std::min(m, n) == 0) {
    Shape out = s;
    std::swap(out[out.size() - 1], out[out.size() - 2]);
    return zeros(out, Options(xf.dtype()).on(b).to(xf.device()));
  }
  const SvdResult r = svd(xf);
  const Array cutoff = multiply(max(r.s, {-1}, true), rtol);
  const Array keep = greater(r.s, cutoff);
  const Array s_inv = where(keep, divide(1.0, where(keep, r.s, 1.0)), 0.0);
  const Array v_scaled = multiply(swapaxes(r.vh, -1, -2), expand_dims(s_inv, -2));
  return matmul(v_scaled, swapaxes(r.u, -1, -2));
}

}  // namespace ivy
