#include <algorithm>
#include <utility>

#include "backends/mxnet/mx_array.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

std::string matrix_shape(const Array& x) { return "the matrix of shape " + shape_str(x.shape()); }

// MXNet multiplies float32 and float64 only: other dtypes go through float64 and back (exact for
// the integer products below 2^53).
// The operands with their batch dimensions broadcast to each other's where MXNet's autograd
// records them: the derivative of MXNet 1.9.1's broadcasting matmul is wrong (a 2x1x3x4 @ 3x4x2
// product gave twice the gradient), while broadcast_to's sums correctly.
std::pair<NDArray, NDArray> batch_broadcast(const NDArray& a, const NDArray& b) {
  if (!recorded(a) && !recorded(b)) return {a, b};
  Shape sa = shape_of(a), sb = shape_of(b);
  if (sa.size() < 3 && sb.size() < 3) return {a, b};
  if (sa.size() == 1 || sb.size() == 1) return {a, b};  // vector products do not broadcast
  const Shape batch = detail::broadcast_shapes(Shape(sa.begin(), sa.end() - 2),
                                               Shape(sb.begin(), sb.end() - 2), "matmul", "mxnet");
  auto to = [&](const NDArray& t, const Shape& s) {
    Shape full = batch;
    full.insert(full.end(), s.end() - 2, s.end());
    return full == s ? t : run("_npi_broadcast_to", "matmul", {t}, {{"shape", tuple(full)}});
  };
  return {to(a, sa), to(b, sb)};
}

Array matmul(const Array& a, const Array& b) {
  const DType d = a.dtype();
  const auto [x, y] = batch_broadcast(native(a), native(b));
  if (d == DType::float32 || d == DType::float64) return wrap(run("_npi_matmul", "matmul", {x, y}));
  const NDArray r =
      run("_npi_matmul", "matmul",
          {cast_to(x, DType::float64, "matmul"), cast_to(y, DType::float64, "matmul")});
  return wrap(cast_to(r, d, "matmul"));
}

Array inv(const Array& x) {
  if (empty(native(x))) return x;
  Op op("_npi_inv", "inv");
  op.input(x);
  return wrap(op.run_or_value_error("singular matrix")[0]);
}

NDArray swap_last_two(const NDArray& t) {
  const int nd = static_cast<int>(shape_of(t).size());
  std::vector<std::int64_t> perm;
  for (int i = 0; i < nd; ++i) perm.push_back(i);
  std::swap(perm[static_cast<std::size_t>(nd - 1)], perm[static_cast<std::size_t>(nd - 2)]);
  return run("_np_transpose", "svd", {t}, {{"axes", tuple(perm)}});
}

QrResult qr_of(const NDArray& a, bool complete);

// MXNet's svd takes wide matrices (m <= n) and gives the reduced form: a tall one is the
// transpose of its transpose's SVD.
SvdResult svd(const Array& x, bool full_matrices) {
  // Differentiated through MXNet's autograd, the full SVD of a tall matrix (assembled here from
  // transposes, LQ and a concatenation) gave wrong gradients in triangulate_depth_dlt's check.
  tape_gradient_only(native(x), "svd", "its derivative through MXNet's svd was found wrong");
  const Shape s = x.shape();
  const std::int64_t m = s[s.size() - 2], n = s[s.size() - 1];
  if (empty(native(x))) {
    const std::int64_t k = std::min(m, n);
    Shape batch(s.begin(), s.end() - 2), us = batch, ss = batch, vs = batch;
    us.insert(us.end(), {m, full_matrices ? m : k});
    ss.push_back(k);
    vs.insert(vs.end(), {full_matrices ? n : k, n});
    return SvdResult{wrap(empty_array(us, x.dtype())), wrap(empty_array(ss, x.dtype())),
                     wrap(empty_array(vs, x.dtype()))};
  }
  NDArray u, sv, vh;
  if (m <= n) {
    std::vector<NDArray> usv = Op("_npi_svd", "svd").input(x).run();
    u = usv[0], sv = usv[1], vh = usv[2];
  } else {
    std::vector<NDArray> usv = Op("_npi_svd", "svd").input(swap_last_two(native(x))).run();
    u = swap_last_two(usv[2]), sv = usv[1], vh = swap_last_two(usv[0]);
  }
  if (full_matrices && m != n) {
    // The reduced factor's orthonormal complement: the extra columns of its complete QR.
    auto completed = [&](const NDArray& f) {  // f [..., p, k], p > k -> [..., p, p]
      const Shape fs = shape_of(f);
      const std::int64_t p = fs[fs.size() - 2], k = fs[fs.size() - 1];
      const NDArray qfull = native(qr_of(f, true).q);
      std::vector<std::int64_t> b(fs.size(), 0), e(fs.begin(), fs.end()), st(fs.size(), 1);
      b[fs.size() - 1] = k;
      e[fs.size() - 1] = p;
      const NDArray extra = run("slice", "svd", {qfull},
                                {{"begin", tuple(b)}, {"end", tuple(e)}, {"step", tuple(st)}});
      Op cat("_npi_concatenate", "svd");
      cat.input(f).input(extra).param("num_args", "2").param("axis", std::to_string(fs.size() - 1));
      return cat.run1();
    };
    if (m > n)
      u = completed(u);
    else
      vh = swap_last_two(completed(swap_last_two(vh)));
  }
  return SvdResult{wrap(u), wrap(sv), wrap(vh)};
}

Array cholesky(const Array& x) {
  Op op("_npi_cholesky", "cholesky");
  op.input(x).param("lower", "True");
  return wrap(op.run_or_value_error(matrix_shape(x) + " is not positive definite")[0]);
}

EighResult eigh(const Array& x) {
  tape_gradient_only(native(x), "eigh", "MXNet 1.9.1's eigh gives a zero derivative");
  std::vector<NDArray> ev = Op("_npi_eigh", "eigh").input(x).param("UPLO", "L").run();
  return EighResult{wrap(ev[0]), wrap(ev[1])};
}

// QR from MXNet's LQ (_linalg_gelqf, of wide matrices: A = L Q): the QR of a square S is the
// transpose of the LQ of S^T. A tall A (reduced) is the LQ of A^T; otherwise Q comes from a
// square S whose first columns are A's (A's first m columns when wide; A completed by identity
// columns for the complete form of a tall A), and R = Q^T A.
NDArray transpose_last_two(const NDArray& t) { return swap_last_two(t); }

std::pair<NDArray, NDArray> lq(const NDArray& a) {  // a [..., m, n], m <= n: a = l q
  std::vector<NDArray> ql = Op("_linalg_gelqf", "qr").input(a).run();
  return {ql[1], ql[0]};
}

QrResult qr_of(const NDArray& a, bool complete) {
  const Shape s = shape_of(a);
  const std::int64_t m = s[s.size() - 2], n = s[s.size() - 1];
  if (m >= n && !(complete && m > n)) {
    const auto [l, q] = lq(transpose_last_two(a));  // a^T = l q  ->  a = q^T l^T
    return QrResult{wrap(transpose_last_two(q)), wrap(transpose_last_two(l))};
  }
  NDArray square;
  if (m < n) {
    std::vector<SliceRange> r;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) r.push_back({0, s[i], 1});
    r.push_back({0, m, 1});
    std::vector<std::int64_t> b, e, st;
    for (const auto& x : r) {
      b.push_back(x.start);
      e.push_back(x.stop);
      st.push_back(x.step);
    }
    square = run("slice", "qr", {a}, {{"begin", tuple(b)}, {"end", tuple(e)}, {"step", tuple(st)}});
  } else {  // complete form of a tall matrix: a followed by the first m - n identity columns
    Shape is = s;
    is[is.size() - 1] = m - n;
    const DType d = dtype_of(a);
    NDArray eye = host_array(is, DType::float64, [&](void* dst, std::size_t bytes) {
      auto* out = static_cast<double*>(dst);
      std::fill(out, out + bytes / sizeof(double), 0.0);
      std::int64_t batch = 1;
      for (std::size_t i = 0; i + 2 < s.size(); ++i) batch *= s[i];
      for (std::int64_t bi = 0; bi < batch; ++bi)
        for (std::int64_t j = 0; j < m - n; ++j) out[(bi * m + n + j) * (m - n) + j] = 1.0;
    });
    Op cat("_npi_concatenate", "qr");
    cat.input(a)
        .input(cast_to(eye, d, "qr"))
        .param("num_args", "2")
        .param("axis", std::to_string(s.size() - 1));
    square = cat.run1();
  }
  const auto [l, q] = lq(transpose_last_two(square));
  const NDArray qm = transpose_last_two(q);
  const NDArray r = run("_npi_matmul", "qr", {transpose_last_two(qm), a});
  return QrResult{wrap(qm), wrap(r)};
}

QrResult qr(const Array& x, bool complete) { return qr_of(native(x), complete); }

Array det(const Array& x) {
  if (empty(native(x))) {  // the determinant of a 0 x 0 matrix is 1; a zero-size batch is empty
    const Shape s = x.shape();
    const Shape batch(s.begin(), s.end() - 2);
    return wrap(full_array(batch, x.dtype(), Scalar(1.0)));
  }
  return wrap(run("_npi_det", "det", {native(x)}));
}

Array solve(const Array& a, const Array& b) {
  if (empty(native(a)) || empty(native(b))) {
    const Shape as = a.shape(), bs = b.shape();
    Shape out = detail::broadcast_shapes(Shape(as.begin(), as.end() - 2),
                                         Shape(bs.begin(), bs.end() - 2), "solve", "mxnet");
    out.push_back(bs[bs.size() - 2]);
    out.push_back(bs[bs.size() - 1]);
    return wrap(empty_array(out, a.dtype()));
  }
  Op op("_npi_solve", "solve");
  op.input(a).input(b);
  return wrap(op.run_or_value_error("singular matrix")[0]);
}

}  // namespace

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k = [] {
    LinalgKernels t;
    t.matmul = matmul;
    t.inv = inv;
    t.svd = svd;
    t.det = det;
    t.solve = solve;
    t.cholesky = cholesky;
    t.eigh = eigh;
    t.qr = qr;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::mxnet_impl
