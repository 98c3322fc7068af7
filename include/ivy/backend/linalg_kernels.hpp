#pragma once
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

struct SvdResult {
  Array u, s, vh;
};

struct EighResult {
  Array eigenvalues, eigenvectors;
};

struct QrResult {
  Array q, r;
};

struct LinalgKernels {
  /** Both at least 2-D, same float dtype, inner dimensions equal, batch shapes broadcastable. */
  Array (*matmul)(const Array& a, const Array& b) = nullptr;
  /** Square matrices [..., n, n] of a float dtype. */
  Array (*inv)(const Array& x) = nullptr;
  /**
   * SVD of non-empty [..., m, n], s [..., k] descending, k = min(m, n). Reduced: u [..., m, k],
   * vh [..., k, n]; full_matrices: u [..., m, m], vh [..., n, n].
   */
  SvdResult (*svd)(const Array& x, bool full_matrices) = nullptr;
  /**
   * Lower Cholesky factor of non-empty finite [..., n, n], reading the lower triangle; the
   * strict upper triangle of the result is zero. ValueError "not positive definite" otherwise.
   */
  Array (*cholesky)(const Array& x) = nullptr;
  /**
   * Eigenvalues (ascending) and eigenvectors (columns) of non-empty finite symmetric
   * [..., n, n], reading the lower triangle. Signs as the engine leaves them.
   */
  EighResult (*eigh)(const Array& x) = nullptr;
  /**
   * QR of non-empty [..., m, n], k = min(m, n). Reduced: q [..., m, k], r [..., k, n];
   * complete: q [..., m, m], r [..., m, n]. Signs as the engine leaves them.
   */
  QrResult (*qr)(const Array& x, bool complete) = nullptr;
  Array (*det)(const Array& x) = nullptr;
  /** a [..., n, n], b [..., n, k] (broadcast batch). */
  Array (*solve)(const Array& a, const Array& b) = nullptr;
  /** Optional fused einsum; core falls back to a composite when null. */
  Array (*einsum)(std::string_view subscripts, const std::vector<Array>& operands) = nullptr;
};

}  // namespace ivy
