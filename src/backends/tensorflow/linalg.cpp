#include <algorithm>
#include <numeric>

#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

// [..., m, n] to [..., n, m].
Tensor swap_last_two(const Tensor& t, std::string_view fn) {
  const int nd = static_cast<int>(shape_of(t).size());
  std::vector<int> perm(static_cast<std::size_t>(nd));
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[static_cast<std::size_t>(nd - 1)], perm[static_cast<std::size_t>(nd - 2)]);
  return transpose_by(t, perm, fn);
}

std::string matrix_shape(const Array& x) { return "the matrix of shape " + shape_str(x.shape()); }

Array matmul(const Array& a, const Array& b) {
  const DType d = a.dtype();
  if (d == DType::int8) {  // no int8 kernel: computed on int64, wrapped back
    const Tensor r = run(
        "BatchMatMulV2", "matmul",
        {cast_to(native(a), DType::int64, "matmul"), cast_to(native(b), DType::int64, "matmul")});
    return wrap(cast_to(r, d, "matmul"));
  }
  return wrap(run("BatchMatMulV2", "matmul", {native(a), native(b)}));
}

// Whether every element of t is finite (read on the host).
bool all_finite(const Tensor& t, std::string_view fn) {
  const Tensor finite = run("IsFinite", fn, {t});
  const Shape s = shape_of(finite);
  std::vector<std::int64_t> axes(s.size());
  std::iota(axes.begin(), axes.end(), 0);
  const Tensor all = Op("All", fn).input(finite).input(int32_vector(axes)).run1();
  return *static_cast<const bool*>(Resolved(all, fn).data());
}

Array inv(const Array& x) {
  Op op("MatrixInverse", "inv");
  op.input(x);
  return wrap(op.run_or_value_error(1, "singular matrix")[0]);
}

SvdResult svd(const Array& x, bool full_matrices) {
  // TensorFlow returns s, u and v (not its transpose).
  std::vector<Tensor> suv = Op("Svd", "svd")
                                .input(x)
                                .boolean("compute_uv", true)
                                .boolean("full_matrices", full_matrices)
                                .run(3);
  return SvdResult{wrap(suv[1]), wrap(suv[0]), wrap(swap_last_two(suv[2], "svd"))};
}

Array cholesky(const Array& x) {
  const std::string not_pd = matrix_shape(x) + " is not positive definite";
  Op op("Cholesky", "cholesky");
  op.input(x);
  const Tensor l = op.run_or_value_error(1, not_pd)[0];
  // TensorFlow's CPU kernel returns NaN for a matrix that is not positive definite, without an
  // error; core has checked that x is finite, so a non-finite factor means exactly that.
  if (!all_finite(l, "cholesky")) detail::raise<ValueError>("cholesky", "tensorflow", not_pd);
  return wrap(l);
}

EighResult eigh(const Array& x) {
  std::vector<Tensor> ev =
      Op("SelfAdjointEigV2", "eigh").input(x).boolean("compute_v", true).run(2);
  return EighResult{wrap(ev[0]), wrap(ev[1])};
}

QrResult qr(const Array& x, bool complete) {
  std::vector<Tensor> qr = Op("Qr", "qr").input(x).boolean("full_matrices", complete).run(2);
  return QrResult{wrap(qr[0]), wrap(qr[1])};
}

Array det(const Array& x) { return wrap(run("MatrixDeterminant", "det", {native(x)})); }

// MatrixSolve wants equal batch shapes: both are broadcast to the common one first.
Array solve(const Array& a, const Array& b) {
  const Shape as = a.shape(), bs = b.shape();
  const Shape abatch(as.begin(), as.end() - 2), bbatch(bs.begin(), bs.end() - 2);
  Tensor ta = native(a), tb = native(b);
  if (abatch != bbatch) {
    const Shape batch = detail::broadcast_shapes(abatch, bbatch, "solve", "tensorflow");
    Shape a_to = batch, b_to = batch;
    a_to.insert(a_to.end(), as.end() - 2, as.end());
    b_to.insert(b_to.end(), bs.end() - 2, bs.end());
    ta = run("BroadcastTo", "solve", {ta, int64_vector(a_to)});
    tb = run("BroadcastTo", "solve", {tb, int64_vector(b_to)});
  }
  Op op("MatrixSolve", "solve");
  op.input(ta).input(tb);
  return wrap(op.run_or_value_error(1, "singular matrix")[0]);
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

}  // namespace ivy::backends::tensorflow_impl
