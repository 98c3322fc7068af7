// Vector-Jacobian products of the linear-algebra kernels (matmul, inv, det, solve, svd) and
// of the device and backend moves.
#include "grad/record.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"

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

void record_svd(const Array& x, SvdResult& r) {
  const Array u = detached(r.u), s = detached(r.s), vh = detached(r.vh);
  // One node per output; the VJP is linear in the three cotangents, so their sum is exact.
  record(r.u, {&x}, [u, s, vh](const Array& g, const Needs&) {
    return std::vector<Array>{svd_vjp(u, s, vh, &g, nullptr, nullptr)};
  });
  record(r.s, {&x}, [u, s, vh](const Array& g, const Needs&) {
    return std::vector<Array>{svd_vjp(u, s, vh, nullptr, &g, nullptr)};
  });
  record(r.vh, {&x}, [u, s, vh](const Array& g, const Needs&) {
    return std::vector<Array>{svd_vjp(u, s, vh, nullptr, nullptr, &g)};
  });
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
