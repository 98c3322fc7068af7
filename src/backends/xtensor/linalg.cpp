#include <algorithm>
#include <vector>

#include "backends/xtensor/broadcast_loop.hpp"
#include "backends/xtensor/linalg_lapack.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// Batched matrix product: batch dimensions broadcast, each product an i-k-j loop (floats
// accumulate in their own type, integers wrap).
template <class T>
xt::xarray<T> batched_matmul(const xt::xarray<T>& a, const xt::xarray<T>& b) {
  const std::size_t ra = a.dimension(), rb = b.dimension();
  const std::size_t m = a.shape()[ra - 2], k = a.shape()[ra - 1], n = b.shape()[rb - 1];
  std::vector<std::size_t> batch_a(a.shape().begin(), a.shape().end() - 2);
  std::vector<std::size_t> batch_b(b.shape().begin(), b.shape().end() - 2);
  const auto batch = broadcast_shape_of({&batch_a, &batch_b});
  std::vector<std::size_t> out_shape = batch;
  out_shape.push_back(m);
  out_shape.push_back(n);
  auto out = xt::xarray<T>::from_shape(out_shape);
  std::fill(out.begin(), out.end(), T(0));
  const auto sa = broadcast_strides(batch_a, batch);
  const auto sb = broadcast_strides(batch_b, batch);
  std::size_t count = 1;
  for (auto d : batch) count *= d;
  std::vector<std::size_t> idx(batch.size(), 0);
  for (std::size_t p = 0; p < count; ++p) {
    std::int64_t oa = 0, ob = 0;
    for (std::size_t d = 0; d < batch.size(); ++d) {
      oa += sa[d] * static_cast<std::int64_t>(idx[d]);
      ob += sb[d] * static_cast<std::int64_t>(idx[d]);
    }
    const T* pa = a.data() + oa * m * k;
    const T* pb = b.data() + ob * k * n;
    T* po = out.data() + p * m * n;
    if constexpr (std::is_floating_point_v<T>) {
      // Floats go to the system BLAS (OpenBLAS when installed).
      if (m > 0 && n > 0 && k > 0)
        lapack::gemm_row_major(static_cast<int>(m), static_cast<int>(n), static_cast<int>(k), pa,
                               pb, po);
    } else {
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t l = 0; l < k; ++l) {
          const T av = pa[i * k + l];
          for (std::size_t j = 0; j < n; ++j) {
            if constexpr (std::is_floating_point_v<T>)
              po[i * n + j] += av * pb[l * n + j];
            else
              po[i * n + j] = static_cast<T>(static_cast<std::uint64_t>(po[i * n + j]) +
                                             static_cast<std::uint64_t>(av) *
                                                 static_cast<std::uint64_t>(pb[l * n + j]));
          }
        }
    }
    for (std::size_t d = batch.size(); d-- > 0;) {
      if (++idx[d] < batch[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

Array matmul(const Array& a, const Array& b) {
  return visit(a, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    return wrap(batched_matmul<T>(xa, get<T>(b)));
  });
}

// Row-major matrices are LAPACK's column-major transposes: inv(A^T) = inv(A)^T and
// det(A^T) = det(A), so inv and det run on the buffer as it is.
std::size_t batch_count(std::size_t size, std::size_t per) { return per ? size / per : 0; }

template <class T>
Array float_only(const char* fn) {
  detail::raise<UnsupportedError>(fn, "xtensor", "needs a float dtype (core casts first)");
}

template <class T>
Array inv_typed(const xt::xarray<T>& x) {
  const std::size_t n = x.shape()[x.dimension() - 1];
  xt::xarray<T> out = x;
  const int ni = static_cast<int>(n), lda = std::max(1, ni);
  std::vector<int> ipiv(std::max<std::size_t>(n, 1));
  std::vector<T> work(std::max<std::size_t>(n * 64, 1));
  for (std::size_t p = 0; p < batch_count(out.size(), n * n); ++p) {
    T* a = out.data() + p * n * n;
    int info = 0;
    lapack::getrf(ni, ni, a, lda, ipiv.data(), &info);
    if (info > 0) detail::raise<ValueError>("inv", "xtensor", "singular matrix");
    lapack::getri(ni, a, lda, ipiv.data(), work.data(), static_cast<int>(work.size()), &info);
  }
  return wrap(std::move(out));
}

Array inv(const Array& x) {
  return visit(x, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return inv_typed<T>(xa);
    else
      return float_only<T>("inv");
  });
}

template <class T>
Array det_typed(const xt::xarray<T>& x) {
  const std::size_t n = x.shape()[x.dimension() - 1];
  std::vector<std::size_t> shape(x.shape().begin(), x.shape().end() - 2);
  auto out = xt::xarray<T>::from_shape(shape);
  std::vector<T> a(n * n);
  std::vector<int> ipiv(std::max<std::size_t>(n, 1));
  const int ni = static_cast<int>(n), lda = std::max(1, ni);
  for (std::size_t p = 0; p < out.size(); ++p) {
    std::copy_n(x.data() + p * n * n, n * n, a.begin());
    int info = 0;
    if (n > 0) lapack::getrf(ni, ni, a.data(), lda, ipiv.data(), &info);
    T d = 1;
    for (std::size_t i = 0; i < n; ++i)
      d *= ipiv[i] != static_cast<int>(i) + 1 ? -a[i * n + i] : a[i * n + i];
    out.data()[p] = d;
  }
  return wrap(std::move(out));
}

Array det(const Array& x) {
  return visit(x, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return det_typed<T>(xa);
    else
      return float_only<T>("det");
  });
}

// a [..., n, n] and b [..., n, k] with equal batch shapes (core broadcasts them).
template <class T>
Array solve_typed(const xt::xarray<T>& a, const xt::xarray<T>& b) {
  const std::size_t n = a.shape()[a.dimension() - 1], k = b.shape()[b.dimension() - 1];
  auto out = xt::xarray<T>::from_shape(b.shape());
  std::vector<T> ac(n * n), bc(n * k);
  std::vector<int> ipiv(std::max<std::size_t>(n, 1));
  const int ni = static_cast<int>(n), ki = static_cast<int>(k), ld = std::max(1, ni);
  for (std::size_t p = 0; p < batch_count(out.size(), n * k); ++p) {
    const T* pa = a.data() + p * n * n;
    const T* pb = b.data() + p * n * k;
    for (std::size_t i = 0; i < n; ++i) {  // to column-major
      for (std::size_t j = 0; j < n; ++j) ac[j * n + i] = pa[i * n + j];
      for (std::size_t j = 0; j < k; ++j) bc[j * n + i] = pb[i * k + j];
    }
    int info = 0;
    lapack::gesv(ni, ki, ac.data(), ld, ipiv.data(), bc.data(), ld, &info);
    if (info > 0) detail::raise<ValueError>("solve", "xtensor", "singular matrix");
    T* po = out.data() + p * n * k;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < k; ++j) po[i * k + j] = bc[j * n + i];
  }
  return wrap(std::move(out));
}

Array solve(const Array& a, const Array& b) {
  return visit(a, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return solve_typed<T>(xa, get<T>(b));
    else
      return float_only<T>("solve");
  });
}

// gesdd on the row-major buffer sees A^T = V S U^T: its U is our Vh and its VT our U, both
// already in row-major order.
template <class T>
SvdResult svd_typed(const xt::xarray<T>& x, bool full) {
  const std::size_t nd = x.dimension(), m = x.shape()[nd - 2], n = x.shape()[nd - 1];
  const std::size_t k = std::min(m, n), u_cols = full ? m : k, vh_rows = full ? n : k;
  std::vector<std::size_t> batch(x.shape().begin(), x.shape().end() - 2);
  auto with = [&](std::initializer_list<std::size_t> tail) {
    auto s = batch;
    s.insert(s.end(), tail);
    return s;
  };
  auto u = xt::xarray<T>::from_shape(with({m, u_cols}));
  auto s = xt::xarray<T>::from_shape(with({k}));
  auto vh = xt::xarray<T>::from_shape(with({vh_rows, n}));
  const std::size_t count = batch_count(s.size(), k);
  if (count > 0) {
    const char job = full ? 'A' : 'S';
    const int mi = static_cast<int>(n), ni = static_cast<int>(m), ldvt = static_cast<int>(u_cols);
    std::vector<T> a(m * n);
    std::vector<int> iwork(8 * k);
    T query = 0;
    int info = 0;
    lapack::gesdd<T>(job, mi, ni, a.data(), mi, s.data(), vh.data(), mi, u.data(), ldvt, &query, -1,
                     iwork.data(), &info);
    std::vector<T> work(std::max<std::size_t>(static_cast<std::size_t>(query), 1));
    for (std::size_t p = 0; p < count; ++p) {
      std::copy_n(x.data() + p * m * n, m * n, a.begin());
      lapack::gesdd<T>(job, mi, ni, a.data(), mi, s.data() + p * k, vh.data() + p * vh_rows * n, mi,
                       u.data() + p * m * u_cols, ldvt, work.data(), static_cast<int>(work.size()),
                       iwork.data(), &info);
      if (info != 0) detail::raise<ValueError>("svd", "xtensor", "the SVD did not converge");
    }
  }
  return SvdResult{wrap(std::move(u)), wrap(std::move(s)), wrap(std::move(vh))};
}

SvdResult svd(const Array& x, bool full_matrices) {
  return visit(x, [&](const auto& xa) -> SvdResult {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return svd_typed<T>(xa, full_matrices);
    else
      detail::raise<UnsupportedError>("svd", "xtensor", "needs a float dtype");
  });
}

// The row-major lower triangle is the column-major upper one: potrf('U') factors it as U^T U,
// and U read row-major is L = U^T.
template <class T>
Array cholesky_typed(const xt::xarray<T>& x) {
  const std::size_t n = x.shape()[x.dimension() - 1];
  xt::xarray<T> out = x;
  const int ni = static_cast<int>(n), lda = std::max(1, ni);
  for (std::size_t p = 0; p < batch_count(out.size(), n * n); ++p) {
    T* a = out.data() + p * n * n;
    int info = 0;
    lapack::potrf('U', ni, a, lda, &info);
    if (info != 0)
      detail::raise<ValueError>("cholesky", "xtensor",
                                "the matrix of shape " +
                                    shape_str(Shape(x.shape().begin(), x.shape().end())) +
                                    " is not positive definite");
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) a[i * n + j] = 0;
  }
  return wrap(std::move(out));
}

Array cholesky(const Array& x) {
  return visit(x, [&](const auto& xa) {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return cholesky_typed<T>(xa);
    else
      return float_only<T>("cholesky");
  });
}

// syevd('U') on the row-major buffer reads our lower triangle; its eigenvectors are the
// columns of a column-major matrix, transposed here into row-major columns.
template <class T>
EighResult eigh_typed(const xt::xarray<T>& x) {
  const std::size_t n = x.shape()[x.dimension() - 1];
  std::vector<std::size_t> w_shape(x.shape().begin(), x.shape().end() - 1);
  auto w = xt::xarray<T>::from_shape(w_shape);
  auto v = xt::xarray<T>::from_shape(x.shape());
  const std::size_t count = batch_count(x.size(), n * n);
  if (count > 0) {
    const int ni = static_cast<int>(n), lda = std::max(1, ni);
    std::vector<T> a(n * n);
    T work_query = 0;
    int iwork_query = 0, info = 0;
    lapack::syevd<T>('V', 'U', ni, a.data(), lda, w.data(), &work_query, -1, &iwork_query, -1,
                     &info);
    std::vector<T> work(std::max<std::size_t>(static_cast<std::size_t>(work_query), 1));
    std::vector<int> iwork(static_cast<std::size_t>(std::max(iwork_query, 1)));
    for (std::size_t p = 0; p < count; ++p) {
      std::copy_n(x.data() + p * n * n, n * n, a.begin());
      lapack::syevd<T>('V', 'U', ni, a.data(), lda, w.data() + p * n, work.data(),
                       static_cast<int>(work.size()), iwork.data(), static_cast<int>(iwork.size()),
                       &info);
      if (info != 0) detail::raise<ValueError>("eigh", "xtensor", "eigh did not converge");
      T* pv = v.data() + p * n * n;
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) pv[i * n + j] = a[j * n + i];
    }
  }
  return EighResult{wrap(std::move(w)), wrap(std::move(v))};
}

EighResult eigh(const Array& x) {
  return visit(x, [&](const auto& xa) -> EighResult {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return eigh_typed<T>(xa);
    else
      detail::raise<UnsupportedError>("eigh", "xtensor", "needs a float dtype");
  });
}

// geqrf + orgqr on a column-major copy; orgqr fills the columns of a complete q beyond k.
template <class T>
QrResult qr_typed(const xt::xarray<T>& x, bool complete) {
  const std::size_t nd = x.dimension(), m = x.shape()[nd - 2], n = x.shape()[nd - 1];
  const std::size_t k = std::min(m, n), q_cols = complete ? m : k;
  std::vector<std::size_t> batch(x.shape().begin(), x.shape().end() - 2);
  auto with = [&](std::size_t rows, std::size_t cols) {
    auto s = batch;
    s.insert(s.end(), {rows, cols});
    return s;
  };
  auto q = xt::xarray<T>::from_shape(with(m, q_cols));
  auto r = xt::xarray<T>::from_shape(with(q_cols, n));
  const std::size_t count = batch_count(x.size(), m * n);
  if (count > 0) {
    const int mi = static_cast<int>(m), ni = static_cast<int>(n), ki = static_cast<int>(k);
    const int qi = static_cast<int>(q_cols), lda = std::max(1, mi);
    std::vector<T> a(m * std::max(n, q_cols)), tau(std::max<std::size_t>(k, 1));
    T query_qr = 0, query_q = 0;
    int info = 0;
    lapack::geqrf<T>(mi, ni, a.data(), lda, tau.data(), &query_qr, -1, &info);
    lapack::orgqr<T>(mi, qi, ki, a.data(), lda, tau.data(), &query_q, -1, &info);
    std::vector<T> work(
        std::max<std::size_t>(static_cast<std::size_t>(std::max(query_qr, query_q)), 1));
    const int lwork = static_cast<int>(work.size());
    for (std::size_t p = 0; p < count; ++p) {
      const T* px = x.data() + p * m * n;
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) a[j * m + i] = px[i * n + j];
      lapack::geqrf<T>(mi, ni, a.data(), lda, tau.data(), work.data(), lwork, &info);
      T* pr = r.data() + p * q_cols * n;
      for (std::size_t i = 0; i < q_cols; ++i)
        for (std::size_t j = 0; j < n; ++j) pr[i * n + j] = i <= j ? a[j * m + i] : T(0);
      lapack::orgqr<T>(mi, qi, ki, a.data(), lda, tau.data(), work.data(), lwork, &info);
      T* pq = q.data() + p * m * q_cols;
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < q_cols; ++j) pq[i * q_cols + j] = a[j * m + i];
    }
  }
  return QrResult{wrap(std::move(q)), wrap(std::move(r))};
}

QrResult qr(const Array& x, bool complete) {
  return visit(x, [&](const auto& xa) -> QrResult {
    using T = typename std::decay_t<decltype(xa)>::value_type;
    if constexpr (is_float_v<T>)
      return qr_typed<T>(xa, complete);
    else
      detail::raise<UnsupportedError>("qr", "xtensor", "needs a float dtype");
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

}  // namespace ivy::backends::xtensor_impl
