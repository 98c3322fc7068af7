// cholesky, eigh, eigvalsh and qr: argument checks, empty inputs and the sign conventions that
// make the factors unique, written once here so that every backend (and the gradient tape, which
// sees them as ordinary multiplications) gives the same answer.
#include <algorithm>

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

// +1 where v >= 0 (zero included), -1 where v < 0, in v's dtype; constant for the gradients.
Array sign_of(const Array& v) {
  return subtract(1.0, multiply(cast(less(stop_gradient(v), 0.0), v.dtype()), 2.0));
}

// The sign that makes each column's largest-magnitude component (the first of equal ones)
// positive: [..., 1, n].
Array column_signs(const Array& v) {
  const Array a = abs(stop_gradient(v));
  const Array is_max = equal(a, max(a, {-2}, true));
  const Array first = logical_and(is_max, equal(cumsum(cast(is_max, DType::int32), -2), 1));
  return sign_of(sum(where(first, v, 0.0), {-2}, true));
}

}  // namespace

Array cholesky(const Array& x, bool upper) {
  const Backend& b = detail::backend_of("cholesky", x);
  detail::require_matrices(x, "cholesky", b, true);
  const Array xf = detail::as_float(x, "cholesky", b);
  const auto kernel = detail::kernel(b, detail::linalg(b, "cholesky").cholesky, "cholesky");
  if (xf.size() == 0) return xf;
  // Engines read NaN in the lower triangle differently (MLX returns garbage, LAPACK may pass
  // an infinite one): every non-finite entry there is rejected here.
  if (!all(isfinite(detail::tril(xf))).item<bool>())
    detail::raise<ValueError>("cholesky", b.name,
                              "the matrix of shape " + shape_str(xf.shape()) +
                                  " is not positive definite (NaN or infinite entries)");
  Array l = kernel(xf);
  IVY_RECORD(record_cholesky(xf, l));
  return upper ? swapaxes(l, -1, -2) : l;
}

EighResult eigh(const Array& x) {
  const Backend& b = detail::backend_of("eigh", x);
  detail::require_matrices(x, "eigh", b, true);
  const Array xf = detail::as_float(x, "eigh", b);
  const auto kernel = detail::kernel(b, detail::linalg(b, "eigh").eigh, "eigh");
  detail::require_finite(detail::tril(xf), "eigh", b);
  if (xf.size() == 0) {
    const std::int64_t n = xf.dim(-1);
    return {zeros(with_tail(batch_of(xf), {n}), Options(xf.dtype()).on(b).to(xf.device())),
            detail::batched_eye(xf, batch_of(xf), n, n)};
  }
  EighResult r = kernel(xf);
  IVY_RECORD(record_eigh(xf, r));
  r.eigenvectors = multiply(r.eigenvectors, column_signs(r.eigenvectors));
  return r;
}

Array eigvalsh(const Array& x) {
  const Backend& b = detail::backend_of("eigvalsh", x);
  detail::require_matrices(x, "eigvalsh", b, true);
  const Array xf = detail::as_float(x, "eigvalsh", b);
  detail::require_finite(detail::tril(xf), "eigvalsh", b);
  return eigh(xf).eigenvalues;
}

QrResult qr(const Array& x, bool complete) {
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
  // diag(r) >= 0; the columns of q beyond k (complete, m > n) keep theirs.
  const Array square = detail::slice_axis(detail::slice_axis(r.r, -2, 0, k), -1, 0, k);
  Array d = sign_of(detail::matrix_diagonal(square));
  if (q_cols > k)
    d = concat(
        {d, ones(with_tail(batch_of(xf), {q_cols - k}), Options(d.dtype()).on(b).to(d.device()))},
        -1);
  // triu again: a row turned over would leave -0.0 below the diagonal, where R has exact zeros.
  r.r = detail::triu(multiply(r.r, expand_dims(d, -1)));
  r.q = multiply(r.q, expand_dims(d, -2));
  return r;
}

}  // namespace ivy
