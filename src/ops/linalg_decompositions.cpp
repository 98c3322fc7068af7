// cholesky, eigh, eigvalsh and qr: argument checks, empty inputs and the sign conventions that
// make the factors unique, written once here so that every backend (and the gradient tape, which
// sees them as ordinary multiplications) gives the same answer.
#include <algorithm>
#include <string_view>

#include "grad/record.hpp"
#include "ivy/grad.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"
#include "ops/linalg_helpers.hpp"

namespace ivy {
namespace {

Shape batch_of(const Array& x) {
  const Shape s = x.shape();
  return Shape(s.begin(), s.end() - 2);
}

Shape with_tail(Shape s, std::initializer_list<std::int64_t> tail) {
  s.insert(s.end(), tail);
  return s;
}

// v with the columns where flip is true negated: bitwise the same as multiplying them by -1 and
// the others by +1 (zeros change sign too), with two operations instead of four.
Array negate_where(const Array& flip, const Array& v) { return where(flip, negative(v), v); }

// True for the columns of v [..., m, n] whose largest-magnitude component (the first of equal
// ones: argmax's tie rule) is negative: [..., 1, n]. A constant for the gradients.
Array columns_to_flip(const Backend& b, const Array& v) {
  const Array vs = stop_gradient(v);
  const Array at_max = argmax(abs(vs), -2, true);
  // The gather kernel directly: argmax's indices are in range, so gather's range check (a host
  // synchronisation) is not needed.
  const auto take_along =
      detail::kernel(b, detail::family(b, &Backend::indexing, "eigh").take_along_axis, "eigh");
  const int rows_axis = static_cast<int>(v.shape().size()) - 2;  // kernels take axes >= 0
  return less(take_along(vs, at_max, rows_axis), 0.0);
}

// eigh's checks, empty case and kernel call, without the sign rule (eigvalsh needs none).
EighResult eigh_unsigned(const Array& x, std::string_view fn, const Backend& b) {
  if (detail::needs_float32_lapack(x.dtype()))
    return detail::narrowed(eigh_unsigned(cast(x, DType::float32), fn, b), x.dtype());
  detail::require_matrices(x, fn, b, true);
  const Array xf = detail::as_float(x, fn, b);
  const auto kernel = detail::kernel(b, detail::linalg(b, fn).eigh, fn);
  detail::require_finite(tril(xf), fn, b);
  if (xf.size() == 0) {
    const std::int64_t n = xf.dim(-1);
    return {zeros(with_tail(batch_of(xf), {n}), Options(xf.dtype()).on(b).to(xf.device())),
            detail::batched_eye(xf, batch_of(xf), n, n)};
  }
  EighResult r = kernel(xf);
  IVY_RECORD(record_eigh(xf, r));
  return r;
}

}  // namespace

Array cholesky(const Array& x, bool upper) {
  if (detail::needs_float32_lapack(x.dtype()))
    return detail::narrowed(cholesky(cast(x, DType::float32), upper), x.dtype());
  const Backend& b = detail::backend_of("cholesky", x);
  detail::require_matrices(x, "cholesky", b, true);
  const Array xf = detail::as_float(x, "cholesky", b);
  const auto kernel = detail::kernel(b, detail::linalg(b, "cholesky").cholesky, "cholesky");
  if (xf.size() == 0) return xf;
  // Engines read NaN in the lower triangle differently (MLX returns garbage, LAPACK may pass
  // an infinite one): every non-finite entry there is rejected here.
  if (!detail::all_finite(tril(xf)))
    detail::raise<ValueError>("cholesky", b.name,
                              "the matrix of shape " + shape_str(xf.shape()) +
                                  " is not positive definite (NaN or infinite entries)");
  Array l = kernel(xf);
  IVY_RECORD(record_cholesky(xf, l));
  return upper ? swapaxes(l, -1, -2) : l;
}

EighResult eigh(const Array& x) {
  const Backend& b = detail::backend_of("eigh", x);
  EighResult r = eigh_unsigned(x, "eigh", b);
  if (r.eigenvectors.size() > 0)
    r.eigenvectors = negate_where(columns_to_flip(b, r.eigenvectors), r.eigenvectors);
  return r;
}

Array eigvalsh(const Array& x) {
  const Backend& b = detail::backend_of("eigvalsh", x);
  return eigh_unsigned(x, "eigvalsh", b).eigenvalues;
}

QrResult qr(const Array& x, bool complete) {
  if (detail::needs_float32_lapack(x.dtype()))
    return detail::narrowed(qr(cast(x, DType::float32), complete), x.dtype());
  const Backend& b = detail::backend_of("qr", x);
  detail::require_matrices(x, "qr", b, false);
  const Array xf = detail::as_float(x, "qr", b);
  const auto kernel = detail::kernel(b, detail::linalg(b, "qr").qr, "qr");
  const std::int64_t m = xf.dim(-2), n = xf.dim(-1), k = std::min(m, n);
  const std::int64_t q_cols = complete ? m : k;
  if (xf.size() == 0)
    return {detail::batched_eye(xf, batch_of(xf), m, q_cols),
            zeros(with_tail(batch_of(xf), {q_cols, n}), Options(xf.dtype()).on(b).to(xf.device()))};
  QrResult r = kernel(xf, complete);
  IVY_RECORD(record_qr(xf, r, complete));
  // diag(r) >= 0 (sign(0) = +1); the columns of q beyond k (complete, m > n) keep theirs.
  Array flip = less(detail::matrix_diagonal(r.r), 0.0);
  if (q_cols > k)
    flip = concat({flip, zeros(with_tail(batch_of(xf), {q_cols - k}),
                               Options(DType::bool_).on(b).to(flip.device()))},
                  -1);
  // triu again: a row turned over would leave -0.0 below the diagonal, where R has exact zeros.
  r.r = triu(negate_where(expand_dims(flip, -1), r.r));
  r.q = negate_where(expand_dims(flip, -2), r.q);
  return r;
}

}  // namespace ivy
