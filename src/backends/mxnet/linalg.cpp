#include <utility>

#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

std::string matrix_shape(const Array& x) { return "the matrix of shape " + shape_str(x.shape()); }

// MXNet multiplies float32 and float64 only: other dtypes go through float64 and back (exact for
// the integer products below 2^53).
Array matmul(const Array& a, const Array& b) {
  const DType d = a.dtype();
  if (d == DType::float32 || d == DType::float64)
    return wrap(run("_npi_matmul", "matmul", {native(a), native(b)}));
  const NDArray r = run(
      "_npi_matmul", "matmul",
      {cast_to(native(a), DType::float64, "matmul"), cast_to(native(b), DType::float64, "matmul")});
  return wrap(cast_to(r, d, "matmul"));
}

Array inv(const Array& x) {
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

// MXNet's svd takes wide matrices (m <= n) and gives the reduced form: a tall one is the
// transpose of its transpose's SVD.
SvdResult svd(const Array& x, bool full_matrices) {
  const Shape s = x.shape();
  const std::int64_t m = s[s.size() - 2], n = s[s.size() - 1];
  if (full_matrices && m != n)
    detail::raise<UnsupportedError>("svd", "mxnet", "MXNet 1.9.1's svd gives the reduced form only");
  if (m <= n) {
    std::vector<NDArray> usv = Op("_npi_svd", "svd").input(x).run();
    return SvdResult{wrap(usv[0]), wrap(usv[1]), wrap(usv[2])};
  }
  std::vector<NDArray> usv = Op("_npi_svd", "svd").input(swap_last_two(native(x))).run();
  return SvdResult{wrap(swap_last_two(usv[2])), wrap(usv[1]), wrap(swap_last_two(usv[0]))};
}

Array cholesky(const Array& x) {
  Op op("_npi_cholesky", "cholesky");
  op.input(x).param("lower", "True");
  return wrap(op.run_or_value_error(matrix_shape(x) + " is not positive definite")[0]);
}

EighResult eigh(const Array& x) {
  std::vector<NDArray> ev = Op("_npi_eigh", "eigh").input(x).param("UPLO", "L").run();
  return EighResult{wrap(ev[0]), wrap(ev[1])};
}

QrResult qr(const Array& x, bool) {
  detail::raise<UnsupportedError>("qr", "mxnet",
                                  "MXNet 1.9.1 has no QR decomposition (only LQ, gelqf)");
}

Array det(const Array& x) { return wrap(run("_npi_det", "det", {native(x)})); }

Array solve(const Array& a, const Array& b) {
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
