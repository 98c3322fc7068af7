// Vector-Jacobian products of the linear-algebra kernels (matmul, inv, det, solve, svd,
// cholesky, eigh, qr) and of the device and backend moves. The decompositions' rules are
// PyTorch's (FunctionsManual.cpp), real case, written in unified functions.
#include <algorithm>

#include "grad/record.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"
#include "ops/linalg_helpers.hpp"

namespace ivy::detail {
namespace {

Array mT(const Array& x) { return swapaxes(x, -1, -2); }

// Reduced real SVD A = U diag(S) Vh; the cotangents not given are zero. PyTorch's
// linalg_svd_backward (FunctionsManual.cpp), written in unified functions.
Array svd_vjp(const Array& u, const Array& s, const Array& vh, const Array* gu, const Array* gs,
              const Array* gvh) {
  const std::int64_t m = u.dim(-2), n = vh.dim(-1), k = s.dim(-1);
  const Array s_row = expand_dims(s, -2), s_col = expand_dims(s, -1);
  if (!gu && !gvh) return matmul(u, multiply(expand_dims(*gs, -1), vh));
  const Array eye_k = eye(k, -1, 0, Options(s.dtype()).on(s.backend()).to(s.device()));
  const Array s2 = square(s);
  // e[j, l] = s_l^2 - s_j^2 off the diagonal, 1 on it.
  const Array e = add(subtract(expand_dims(s2, -2), expand_dims(s2, -1)), eye_k);
  Array ga;
  if (gu) {
    const Array uhgu = matmul(mT(u), *gu);
    ga = multiply(subtract(uhgu, mT(uhgu)), s_row);
  }
  if (gvh) {
    const Array vhgv = matmul(vh, mT(*gvh));
    const Array term = multiply(s_col, subtract(vhgv, mT(vhgv)));
    ga = ga.defined() ? add(ga, term) : term;
  }
  ga = divide(ga, e);
  if (gs) ga = add(ga, multiply(expand_dims(*gs, -1), eye_k));
  if (m > k) {
    ga = matmul(u, ga);
    if (gu) {
      const Array gu_sinv = divide(*gu, s_row);
      ga = add(ga, subtract(gu_sinv, matmul(u, matmul(mT(u), gu_sinv))));
    }
    return matmul(ga, vh);
  }
  if (n > k) {
    ga = matmul(ga, vh);
    if (gvh) {
      const Array sinv_gvh = divide(*gvh, s_col);
      ga = add(ga, subtract(sinv_gvh, matmul(matmul(sinv_gvh, mT(vh)), vh)));
    }
    return matmul(u, ga);
  }
  return matmul(matmul(u, ga), vh);
}

// Cholesky x = L L^T (Murray 2016): with T = tril(L^T gL) and S its symmetric completion with
// half the diagonal, gx = L^{-T} S L^{-1}.
Array cholesky_vjp(const Array& l, const Array& gl) {
  const Array t = tril(matmul(mT(l), gl));
  const Array s = multiply(add(t, mT(tril(t, -1))), 0.5);
  const Array lt_inv_s = solve(mT(l), s);
  return mT(solve(mT(l), mT(lt_inv_s)));
}

// Eigen-decomposition x = V diag(w) V^T: gx = V (diag(gw) + skew(V^T gV) / E) V^T with
// E[i, j] = w_j - w_i off the diagonal.
Array eigh_vjp(const Array& w, const Array& v, const Array* gw, const Array* gv) {
  if (!gv) return matmul(multiply(v, expand_dims(*gw, -2)), mT(v));
  const Array vtgv = matmul(mT(v), *gv);
  const Array eye_n = eye(w.dim(-1), -1, 0, Options(w.dtype()).on(w.backend()).to(w.device()));
  const Array e = add(subtract(expand_dims(w, -2), expand_dims(w, -1)), eye_n);
  const Array k = divide(multiply(subtract(vtgv, mT(vtgv)), 0.5), e);
  return matmul(matmul(v, k), mT(v));
}

// copyltu(M) = tril(M) + tril(M, -1)^T: the lower triangle mirrored upwards.
Array copyltu(const Array& m) { return add(tril(m), mT(tril(m, -1))); }

// Reduced QR of a square or tall x = Q R (Liao et al. 2019):
// gx = (gQ + Q copyltu(R gR^T - gQ^T Q)) R^{-T}.
Array qr_tall_vjp(const Array& q, const Array& r, const Array& gq, const Array& gr) {
  const Array m = subtract(matmul(r, mT(gr)), matmul(mT(gq), q));
  const Array b = add(gq, matmul(q, copyltu(m)));
  return mT(solve(r, mT(b)));
}

// Any reduced QR: a wide x = [X | Y] with R = [U | V] has X = Q U (the square case) and
// Y = Q V, so gY = Q gV and X's rule sees gQ + Y gV^T.
Array qr_vjp(const Array& q, const Array& r, const Array* gq_in, const Array* gr_in) {
  const Array gq = gq_in ? *gq_in : zeros_like(q);
  const Array gr = gr_in ? *gr_in : zeros_like(r);
  const std::int64_t m = q.dim(-2), n = r.dim(-1);
  if (m >= n) return qr_tall_vjp(q, r, gq, gr);
  const Array u = slice_axis(r, -1, 0, m), v = slice_axis(r, -1, m, n);
  const Array gu = slice_axis(gr, -1, 0, m), gv = slice_axis(gr, -1, m, n);
  const Array y = matmul(q, v);
  const Array gx = qr_tall_vjp(q, u, add(gq, matmul(y, mT(gv))), gu);
  return concat({gx, matmul(q, gv)}, -1);
}

}  // namespace

void record_matmul(const Array& a, const Array& b, Array& y) {
  record(y, {&a, &b}, [a = detached(a), b = detached(b)](const Array& g, const Needs& needs) {
    std::vector<Array> r(2);
    if (needs[0]) r[0] = matmul(g, mT(b));
    if (needs[1]) r[1] = matmul(mT(a), g);
    return r;
  });
}

void record_inv(const Array& x, Array& y) {
  record(y, {&x}, [y0 = detached(y)](const Array& g, const Needs&) {
    const Array yt = mT(y0);
    return std::vector<Array>{negative(matmul(matmul(yt, g), yt))};
  });
}

void record_det(const Array& x, Array& y) {
  record(y, {&x}, [x = detached(x), y0 = detached(y)](const Array& g, const Needs&) {
    const Array scale = expand_dims(expand_dims(multiply(g, y0), -1), -1);
    return std::vector<Array>{multiply(scale, mT(inv(x)))};
  });
}

void record_solve(const Array& a, const Array& b, Array& y) {
  record(y, {&a, &b}, [a = detached(a), y0 = detached(y)](const Array& g, const Needs& needs) {
    const Array gb = solve(mT(a), g);
    std::vector<Array> r(2);
    if (needs[0]) r[0] = negative(matmul(gb, mT(y0)));
    if (needs[1]) r[1] = gb;
    return r;
  });
}

void record_svd(const Array& x, SvdResult& r, bool full_matrices) {
  const std::int64_t k = r.s.dim(-1);
  // Full matrices: the extra columns of u and rows of vh are any basis of the complement, so
  // their cotangents are ignored (as torch.linalg.svd documents) and the reduced rule applies.
  const Array u = slice_axis(detached(r.u), -1, 0, k), s = detached(r.s);
  const Array vh = slice_axis(detached(r.vh), -2, 0, k);
  // One node per output; the VJP is linear in the three cotangents, so their sum is exact.
  record(r.u, {&x}, [u, s, vh, k, full_matrices](const Array& g, const Needs&) {
    const Array gu = full_matrices ? slice_axis(g, -1, 0, k) : g;
    return std::vector<Array>{svd_vjp(u, s, vh, &gu, nullptr, nullptr)};
  });
  record(r.s, {&x}, [u, s, vh](const Array& g, const Needs&) {
    return std::vector<Array>{svd_vjp(u, s, vh, nullptr, &g, nullptr)};
  });
  record(r.vh, {&x}, [u, s, vh, k, full_matrices](const Array& g, const Needs&) {
    const Array gvh = full_matrices ? slice_axis(g, -2, 0, k) : g;
    return std::vector<Array>{svd_vjp(u, s, vh, nullptr, nullptr, &gvh)};
  });
}

void record_cholesky(const Array& x, Array& l) {
  record(l, {&x}, [l0 = detached(l)](const Array& g, const Needs&) {
    return std::vector<Array>{cholesky_vjp(l0, g)};
  });
}

void record_eigh(const Array& x, EighResult& r) {
  const Array w = detached(r.eigenvalues), v = detached(r.eigenvectors);
  record(r.eigenvalues, {&x}, [w, v](const Array& g, const Needs&) {
    return std::vector<Array>{eigh_vjp(w, v, &g, nullptr)};
  });
  record(r.eigenvectors, {&x}, [w, v](const Array& g, const Needs&) {
    return std::vector<Array>{eigh_vjp(w, v, nullptr, &g)};
  });
}

void record_qr(const Array& x, QrResult& r, bool complete) {
  const Array q = detached(r.q), r0 = detached(r.r);
  // Complete mode with m > n: q's last columns are arbitrary, so it has no derivative (torch).
  const bool differentiable = !complete || q.dim(-2) <= r0.dim(-1);
  auto vjp = [q, r0, differentiable](const Array* gq, const Array* gr) {
    if (!differentiable)
      raise<UnsupportedError>("qr", q.backend().name,
                              "complete mode with more rows than columns is not differentiable");
    return std::vector<Array>{qr_vjp(q, r0, gq, gr)};
  };
  record(r.q, {&x}, [vjp](const Array& g, const Needs&) { return vjp(&g, nullptr); });
  record(r.r, {&x}, [vjp](const Array& g, const Needs&) { return vjp(nullptr, &g); });
}

void record_to_device(const Array& x, Array& y) {
  record(y, {&x}, [d = x.device()](const Array& g, const Needs&) {
    return std::vector<Array>{to_device(g, d)};
  });
}

void record_to_backend(const Array& x, Array& y) {
  record(y, {&x}, [b = &x.backend()](const Array& g, const Needs&) {
    return std::vector<Array>{to_backend(g, *b)};
  });
}

}  // namespace ivy::detail
