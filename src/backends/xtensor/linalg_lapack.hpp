#pragma once
// The few LAPACK routines the xtensor backend calls (Fortran ABI, column-major), typed by T.
#include <cstddef>

extern "C" {
void sgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k,
            const float* alpha, const float* a, const int* lda, const float* b, const int* ldb,
            const float* beta, float* c, const int* ldc, std::size_t transa_len,
            std::size_t transb_len);
void dgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k,
            const double* alpha, const double* a, const int* lda, const double* b, const int* ldb,
            const double* beta, double* c, const int* ldc, std::size_t transa_len,
            std::size_t transb_len);
void sgetrf_(const int* m, const int* n, float* a, const int* lda, int* ipiv, int* info);
void dgetrf_(const int* m, const int* n, double* a, const int* lda, int* ipiv, int* info);
void sgetri_(const int* n, float* a, const int* lda, const int* ipiv, float* work, const int* lwork,
             int* info);
void dgetri_(const int* n, double* a, const int* lda, const int* ipiv, double* work,
             const int* lwork, int* info);
void sgesv_(const int* n, const int* nrhs, float* a, const int* lda, int* ipiv, float* b,
            const int* ldb, int* info);
void dgesv_(const int* n, const int* nrhs, double* a, const int* lda, int* ipiv, double* b,
            const int* ldb, int* info);
void sgesdd_(const char* jobz, const int* m, const int* n, float* a, const int* lda, float* s,
             float* u, const int* ldu, float* vt, const int* ldvt, float* work, const int* lwork,
             int* iwork, int* info, std::size_t jobz_len);
void dgesdd_(const char* jobz, const int* m, const int* n, double* a, const int* lda, double* s,
             double* u, const int* ldu, double* vt, const int* ldvt, double* work, const int* lwork,
             int* iwork, int* info, std::size_t jobz_len);
void spotrf_(const char* uplo, const int* n, float* a, const int* lda, int* info,
             std::size_t uplo_len);
void dpotrf_(const char* uplo, const int* n, double* a, const int* lda, int* info,
             std::size_t uplo_len);
void ssyevd_(const char* jobz, const char* uplo, const int* n, float* a, const int* lda, float* w,
             float* work, const int* lwork, int* iwork, const int* liwork, int* info,
             std::size_t jobz_len, std::size_t uplo_len);
void dsyevd_(const char* jobz, const char* uplo, const int* n, double* a, const int* lda, double* w,
             double* work, const int* lwork, int* iwork, const int* liwork, int* info,
             std::size_t jobz_len, std::size_t uplo_len);
void sgeqrf_(const int* m, const int* n, float* a, const int* lda, float* tau, float* work,
             const int* lwork, int* info);
void dgeqrf_(const int* m, const int* n, double* a, const int* lda, double* tau, double* work,
             const int* lwork, int* info);
void sorgqr_(const int* m, const int* n, const int* k, float* a, const int* lda, const float* tau,
             float* work, const int* lwork, int* info);
void dorgqr_(const int* m, const int* n, const int* k, double* a, const int* lda, const double* tau,
             double* work, const int* lwork, int* info);
}

namespace ivy::backends::xtensor_impl::lapack {

/** c = a @ b for row-major a [m, k], b [k, n], c [m, n] (BLAS is column-major: c^T = b^T a^T). */
template <class T>
void gemm_row_major(int m, int n, int k, const T* a, const T* b, T* c) {
  const T one = 1, zero = 0;
  const char no = 'N';
  if constexpr (sizeof(T) == 4)
    sgemm_(&no, &no, &n, &m, &k, &one, b, &n, a, &k, &zero, c, &n, 1, 1);
  else
    dgemm_(&no, &no, &n, &m, &k, &one, b, &n, a, &k, &zero, c, &n, 1, 1);
}

template <class T>
void getrf(int m, int n, T* a, int lda, int* ipiv, int* info) {
  if constexpr (sizeof(T) == 4)
    sgetrf_(&m, &n, a, &lda, ipiv, info);
  else
    dgetrf_(&m, &n, a, &lda, ipiv, info);
}

template <class T>
void getri(int n, T* a, int lda, const int* ipiv, T* work, int lwork, int* info) {
  if constexpr (sizeof(T) == 4)
    sgetri_(&n, a, &lda, ipiv, work, &lwork, info);
  else
    dgetri_(&n, a, &lda, ipiv, work, &lwork, info);
}

template <class T>
void gesv(int n, int nrhs, T* a, int lda, int* ipiv, T* b, int ldb, int* info) {
  if constexpr (sizeof(T) == 4)
    sgesv_(&n, &nrhs, a, &lda, ipiv, b, &ldb, info);
  else
    dgesv_(&n, &nrhs, a, &lda, ipiv, b, &ldb, info);
}

template <class T>
void gesdd(char jobz, int m, int n, T* a, int lda, T* s, T* u, int ldu, T* vt, int ldvt, T* work,
           int lwork, int* iwork, int* info) {
  if constexpr (sizeof(T) == 4)
    sgesdd_(&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork, iwork, info, 1);
  else
    dgesdd_(&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork, iwork, info, 1);
}

template <class T>
void potrf(char uplo, int n, T* a, int lda, int* info) {
  if constexpr (sizeof(T) == 4)
    spotrf_(&uplo, &n, a, &lda, info, 1);
  else
    dpotrf_(&uplo, &n, a, &lda, info, 1);
}

template <class T>
void syevd(char jobz, char uplo, int n, T* a, int lda, T* w, T* work, int lwork, int* iwork,
           int liwork, int* info) {
  if constexpr (sizeof(T) == 4)
    ssyevd_(&jobz, &uplo, &n, a, &lda, w, work, &lwork, iwork, &liwork, info, 1, 1);
  else
    dsyevd_(&jobz, &uplo, &n, a, &lda, w, work, &lwork, iwork, &liwork, info, 1, 1);
}

template <class T>
void geqrf(int m, int n, T* a, int lda, T* tau, T* work, int lwork, int* info) {
  if constexpr (sizeof(T) == 4)
    sgeqrf_(&m, &n, a, &lda, tau, work, &lwork, info);
  else
    dgeqrf_(&m, &n, a, &lda, tau, work, &lwork, info);
}

template <class T>
void orgqr(int m, int n, int k, T* a, int lda, const T* tau, T* work, int lwork, int* info) {
  if constexpr (sizeof(T) == 4)
    sorgqr_(&m, &n, &k, a, &lda, tau, work, &lwork, info);
  else
    dorgqr_(&m, &n, &k, a, &lda, tau, work, &lwork, info);
}

}  // namespace ivy::backends::xtensor_impl::lapack
