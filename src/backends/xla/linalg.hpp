#pragma once
// The linear-algebra kernels of the xla backend, one idea per file: matmul (dot_general), the
// factorizations XLA has (cholesky, @Eigh, @Qr) and those it lacks, computed on the host.
#include "ivy/backend/linalg_kernels.hpp"

namespace ivy::backends::xla_impl {

// linalg_matmul.cpp
Array matmul(const Array& a, const Array& b);

// linalg_factorizations.cpp
Array cholesky(const Array& x);
EighResult eigh(const Array& x);
QrResult qr(const Array& x, bool complete);

// linalg_host.cpp
Array inv(const Array& x);
Array det(const Array& x);
Array solve(const Array& a, const Array& b);
SvdResult svd(const Array& x, bool full_matrices);
/** eigh by LAPACK, for what XLA's Jacobi expander computes too coarsely. */
EighResult eigh_on_host(const Array& x);

}  // namespace ivy::backends::xla_impl
