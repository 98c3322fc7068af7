#pragma once
/// Linear algebra, batched over leading dimensions. Functions of floats (inv, pinv, svd, det,
/// solve, the norms, the decompositions) compute integer inputs in float32; bool inputs are a
/// DTypeError. Semantics and the unify cases: docs/linalg.md.
#include <string_view>
#include <utility>
#include <vector>

#include "ivy/backend/linalg_kernels.hpp"
#include "ivy/core/array.hpp"
#include "ivy/core/shape.hpp"

namespace ivy {

/**
 * Matrix product with numpy/Array API semantics: 1-D operands are promoted to a row (left)
 * or column (right) vector and the added axis removed; batch dimensions broadcast.
 * Bool operands are a DTypeError; mismatched inner dimensions a ShapeError.
 */
Array matmul(const Array& a, const Array& b);

/**
 * Inverse of square matrices [..., n, n].
 * Errors: ShapeError (rank < 2, not square), ValueError (a singular matrix in the batch).
 */
Array inv(const Array& x);

/**
 * Moore-Penrose pseudo-inverse of [..., m, n] -> [..., n, m], from the SVD. Singular values
 * <= rtol * largest are dropped; rtol < 0 means max(m, n) * epsilon of the dtype.
 */
Array pinv(const Array& x, double rtol = -1.0);

/**
 * SVD of [..., m, n]: x = u[..., :, :k] @ diag(s) @ vh[..., :k, :] with s [..., k] descending,
 * k = min(m, n). Reduced (default): u [..., m, k], vh [..., k, n]; full_matrices: u [..., m, m],
 * vh [..., n, n] (the extra columns of u and rows of vh: any orthonormal basis of the
 * complement; gradients ignore them). Returns Vh (not V) on every backend; signs are not
 * unique. ValueError for NaN or infinite entries.
 */
SvdResult svd(const Array& x, bool full_matrices = false);

/**
 * Cholesky factor of symmetric positive-definite [..., n, n]: the lower L with x = L @ L^T, or
 * with upper, U = L^T (x = U^T @ U). Reads only the lower triangle of x.
 * Errors: ShapeError (rank < 2, not square), ValueError "not positive definite" (also for NaN or
 * infinite entries in the lower triangle).
 */
Array cholesky(const Array& x, bool upper = false);

/**
 * Eigen-decomposition of symmetric [..., n, n], reading the lower triangle: eigenvalues
 * [..., n] ascending and eigenvectors [..., n, n] as columns, each column signed so that its
 * largest-magnitude component (the first of equal ones) is positive: one answer on every
 * backend. Eigenvectors of repeated eigenvalues are not unique.
 * Errors: ShapeError (rank < 2, not square), ValueError (NaN or infinite entries).
 */
EighResult eigh(const Array& x);

/** The eigenvalues of eigh(x), ascending. */
Array eigvalsh(const Array& x);

/**
 * QR decomposition of [..., m, n], k = min(m, n), with diag(r) >= 0 (rows of r and columns of q
 * signed by sign(diag(r)), sign(0) = +1): unique for full-rank x. Reduced (default):
 * q [..., m, k], r [..., k, n]; complete: q [..., m, m], r [..., m, n], where for m > n the
 * last m - n columns of q are any orthonormal basis of the complement (not unique, and not
 * differentiable: gradients raise UnsupportedError).
 */
QrResult qr(const Array& x, bool complete = false);

/** Determinant of square matrices [..., n, n] -> [...]. */
Array det(const Array& x);

/**
 * Solves a @ x = b. a: [..., n, n]; b: [n] (a vector, result [..., n]) or [..., n, k] with
 * batch dimensions broadcasting against a's. ValueError for a singular a.
 */
Array solve(const Array& a, const Array& b);

/**
 * Vector p-norm over axes (default the last; Axes::all() for all). ord: any real, +-infinity
 * (max/min of |x|) or 0 (count of non-zeros).
 */
Array vector_norm(const Array& x, double ord = 2.0, const Axes& axes = Axes{-1},
                  bool keepdims = false);

/**
 * Matrix norm over two axes: ord "fro" (Frobenius) or "nuc" (nuclear), or a number
 * 1, -1, 2, -2, inf, -inf as in numpy.linalg.norm. ValueError for any other ord.
 */
Array matrix_norm(const Array& x, std::string_view ord = "fro", std::pair<int, int> axes = {-2, -1},
                  bool keepdims = false);
Array matrix_norm(const Array& x, double ord, std::pair<int, int> axes = {-2, -1},
                  bool keepdims = false);

/**
 * x scaled down so that its vector p-norm (of all elements together, with |x|) is at most
 * max_norm: x * max_norm / (norm + 1e-12) where that factor is below 1, else x unchanged (the
 * original Ivy's clip_vector_norm; its vector_norm lacked the abs, so odd p could see a negative
 * "norm"). Integers compute in float32; bool is a DTypeError, a negative or NaN max_norm or a
 * NaN p a ValueError.
 */
Array clip_vector_norm(const Array& x, double max_norm, double p = 2.0);
/**
 * Each matrix of x [..., m, n] scaled down so that its matrix p-norm (p = 1, -1, 2, -2, inf,
 * -inf as numpy.linalg.norm; 2 is the largest singular value) is at most max_norm, as
 * clip_vector_norm per matrix. Fixed from the original, which took the maximum of the factor
 * and 1 and so scaled small matrices up instead of large ones down. ShapeError below rank 2.
 */
Array clip_matrix_norm(const Array& x, double max_norm, double p = 2.0);

/** Cross product of 3-vectors along axis (default the last); other dimensions broadcast. */
Array cross(const Array& a, const Array& b, int axis = -1);

/** [..., 3] -> [..., 3, 3]: the matrix [v]x with [v]x @ w == cross(v, w). */
Array vector_to_skew_symmetric_matrix(const Array& v);

/**
 * Einstein summation as numpy.einsum: "ij,jk->ik", implicit output ("ij,jk"), "..." for
 * broadcast dimensions, repeated labels in one operand for diagonals and traces ("ii->").
 * ValueError for malformed subscripts, ShapeError for sizes that disagree.
 */
Array einsum(std::string_view subscripts, const std::vector<Array>& operands);

/**
 * Sums the products of x1 and x2 over the axes paired by axes1[i] with axes2[i] (negative
 * axes count from the end), as numpy.tensordot: the result has x1's other axes, then x2's.
 * Paired axes must have equal sizes (ShapeError, no broadcasting); axes out of range are an
 * IndexError, repeated ones or lists of different lengths a ValueError.
 */
Array tensordot(const Array& x1, const Array& x2, const std::vector<int>& axes1,
                const std::vector<int>& axes2);
/** tensordot over x1's last n axes and x2's first n (0 <= n <= both ranks, else ValueError). */
Array tensordot(const Array& x1, const Array& x2, int n = 2);

/**
 * The dot product of vectors along axis (counted in the broadcast shape, default the last):
 * sum(x1 * x2, axis) with the other dimensions broadcast, in the promoted dtype (Array API
 * vecdot; integers are not widened). The vector lengths must be equal (ShapeError).
 */
Array vecdot(const Array& x1, const Array& x2, int axis = -1);

}  // namespace ivy
