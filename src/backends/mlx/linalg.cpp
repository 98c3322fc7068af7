#include <mlx/linalg.h>

#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

// MLX's LAPACK kernels run on the CPU stream only (the default device may be a GPU).
constexpr auto kCpu = mx::Device::cpu;

// MLX fails an inversion of a singular matrix when the graph is evaluated: evaluate here so
// that the error is ivy's ValueError, raised by the call that caused it.
mx::array evaluated_or_singular(mx::array r, std::string_view fn) {
  try {
    evaluate(r);
  } catch (const std::exception& e) {
    detail::raise<ValueError>(fn, "mlx", std::string("singular matrix (") + e.what() + ")");
  }
  return r;
}

// MLX's LAPACK kernels divide by the matrix size (SIGFPE on 0x0): empty batches and empty
// matrices are answered here (an empty inverse, an empty solution).
bool empty(const mx::array& a) { return a.size() == 0; }

bool is_inexact(mx::Dtype d) { return mx::issubdtype(d, mx::inexact); }

Array matmul(const Array& a, const Array& b) {
  return guarded("matmul", [&] {
    const mx::array& x = native(a);
    const mx::array& y = native(b);
    if (is_inexact(x.dtype())) return wrap(mx::matmul(x, y));
    // MLX multiplies floating matrices only; integers are summed exactly (wrapping) here.
    const mx::array products = mx::multiply(mx::expand_dims(x, -1), mx::expand_dims(y, -3));
    return wrap(mx::astype(mx::sum(products, -2), x.dtype()));
  });
}

Array inv(const Array& x) {
  if (empty(native(x))) return x;
  return guarded(
      "inv", [&] { return wrap(evaluated_or_singular(mx::linalg::inv(native(x), kCpu), "inv")); });
}

SvdResult svd(const Array& x, bool full_matrices) {
  return guarded("svd", [&] {
    const mx::array& t = native(x);
    const std::vector<mx::array> usv = mx::linalg::svd(t, true, kCpu);
    if (full_matrices) return SvdResult{wrap(usv[0]), wrap(usv[1]), wrap(usv[2])};
    // MLX returns the full U [.., m, m] and Vh [.., n, n]; the reduced SVD keeps k of them.
    const int m = t.shape(-2), n = t.shape(-1), k = std::min(m, n);
    auto first = [](const mx::array& a, int axis, int count) {
      mx::Shape start(a.ndim(), 0), stop = a.shape();
      stop[axis < 0 ? a.ndim() + axis : axis] = count;
      return mx::slice(a, start, stop);
    };
    const mx::array u = k == m ? usv[0] : first(usv[0], -1, k);
    const mx::array vh = k == n ? usv[2] : first(usv[2], -2, k);
    return SvdResult{wrap(u), wrap(usv[1]), wrap(vh)};
  });
}

// MLX's det of float64 has float32 precision; its LU factorisation has full precision, so the
// determinant is the product of U's diagonal, negated once per row swap.
mx::array det_from_lu(const mx::array& x) {
  const auto [lu, pivots] = mx::linalg::lu_factor(x, kCpu);
  const int n = x.shape(-1);
  const mx::array diagonal = mx::diagonal(lu, 0, -2, -1);
  const mx::array rows = mx::arange(0, n, 1, pivots.dtype());
  const mx::array swaps = mx::sum(mx::astype(mx::not_equal(pivots, rows), mx::int32), -1);
  const mx::array sign = mx::subtract(
      f64(1.0),
      mx::multiply(f64(2.0), mx::astype(mx::remainder(swaps, mx::array(2)), mx::float64)));
  return mx::multiply(mx::prod(diagonal, -1), sign);
}

Array det(const Array& x) {
  return guarded("det", [&] {
    const mx::array& t = native(x);
    if (t.shape(-1) == 0)
      return wrap(mx::ones(mx::Shape(t.shape().begin(), t.shape().end() - 2), t.dtype()));
    return wrap(t.dtype() == mx::float64 ? det_from_lu(t) : mx::linalg::det(t, kCpu));
  });
}

Array solve(const Array& a, const Array& b) {
  if (empty(native(a)) || empty(native(b))) return b;  // core gave both the full batch shape
  return guarded("solve", [&] {
    return wrap(evaluated_or_singular(mx::linalg::solve(native(a), native(b), kCpu), "solve"));
  });
}

// MLX's cholesky returns garbage for a matrix that is not positive definite ([[1, 2], [2, 1]]
// gives [[1, 0], [2, -3]]): the factor is evaluated here and its diagonal checked.
Array cholesky(const Array& x) {
  return guarded("cholesky", [&] {
    mx::array l = mx::linalg::cholesky(native(x), false, kCpu);
    mx::array ok = mx::all(mx::greater(mx::diagonal(l, 0, -2, -1), mx::array(0.0f)));
    evaluate(l);
    evaluate(ok);
    if (!ok.item<bool>())
      detail::raise<ValueError>(
          "cholesky", "mlx",
          "the matrix of shape " + shape_str(x.shape()) + " is not positive definite");
    return wrap(l);
  });
}

EighResult eigh(const Array& x) {
  return guarded("eigh", [&] {
    const auto [w, v] = mx::linalg::eigh(native(x), "L", kCpu);
    return EighResult{wrap(w), wrap(v)};
  });
}

// MLX's QR is the reduced one. The complete QR of a tall x [m, n] is the reduced QR of
// [x | I_m]: Householder QR goes column by column, so its q [m, m] starts with x's columns and
// the first n columns of its r are x's r, zero below row n.
QrResult qr(const Array& x, bool complete) {
  return guarded("qr", [&] {
    const mx::array& t = native(x);
    const int m = t.shape(-2), n = t.shape(-1);
    if (!complete || m <= n) {
      const auto [q, r] = mx::linalg::qr(t, kCpu);
      return QrResult{wrap(q), wrap(r)};
    }
    mx::Shape eye_shape = t.shape();
    eye_shape.back() = m;
    const mx::array id = mx::broadcast_to(mx::eye(m, t.dtype()), eye_shape);
    const auto [q, r] = mx::linalg::qr(mx::concatenate({t, id}, -1), kCpu);
    mx::Shape start(r.ndim(), 0), stop = r.shape();
    stop.back() = n;
    return QrResult{wrap(q), wrap(mx::slice(r, start, stop))};
  });
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

}  // namespace ivy::backends::mlx_impl
