"""ivycpp.linalg: the Array API's linear-algebra extension."""
from collections import namedtuple as _namedtuple

from . import _ivycpp as _x
from ._composites import matrix_transpose, outer  # noqa: F401
from ._ivycpp import vecdot, tensordot  # noqa: F401
from ._composites import count_nonzero as _count_nonzero
from ._ivycpp import cross, det, inv, matmul, matrix_norm, solve, vector_norm  # noqa: F401

def pinv(x, /, *, rtol=None):
    if not (isinstance(rtol, _x.Array) and rtol.ndim > 0):
        return _x.pinv(x, rtol=rtol)
    # One tolerance per matrix of the stack: ivy::pinv takes a single one, so compose from
    # the reduced SVD.
    u, s, vh = _x._svd(x, False)
    if s.shape[-1] == 0:
        return _x.zeros(x.shape[:-2] + (x.shape[-1], x.shape[-2]), dtype=x.dtype, backend=x.backend)
    cutoff = _x.multiply(_x.max(s, axis=-1, keepdims=True), _x.expand_dims(rtol, axis=-1))
    s_inv = _x.where(_x.greater(s, cutoff), _x.divide(1.0, s), _x.zeros_like(s))
    return matmul(_x.multiply(matrix_transpose(vh), _x.expand_dims(s_inv, axis=-2)),
                  matrix_transpose(u))


SVDResult = _namedtuple("SVDResult", ["U", "S", "Vh"])
EighResult = _namedtuple("EighResult", ["eigenvalues", "eigenvectors"])
QRResult = _namedtuple("QRResult", ["Q", "R"])


def svd(x, /, *, full_matrices=True):
    return SVDResult(*_x._svd(x, full_matrices))


def svdvals(x, /):
    return _x._svd(x, False)[1]


def cholesky(x, /, *, upper=False):
    return _x._cholesky(x, upper)


def eigh(x, /):
    """Eigenvalues ascending; each eigenvector's largest-magnitude component is positive."""
    return EighResult(*_x._eigh(x))


def eigvalsh(x, /):
    return _x._eigvalsh(x)


def qr(x, /, *, mode="reduced"):
    """Q R with diag(R) >= 0 (unique for full-rank x on every backend)."""
    if mode not in ("reduced", "complete"):
        raise _x.ValueError(f"ivycpp.linalg.qr: mode must be 'reduced' or 'complete', got {mode!r}")
    return QRResult(*_x._qr(x, mode == "complete"))


def diagonal(x, /, *, offset=0):
    if x.ndim < 2:
        raise _x.ValueError(f"ivycpp.linalg.diagonal [{x.backend}]: x must have at least 2 axes, "
                            f"got shape {x.shape}")
    n, m = x.shape[-2], x.shape[-1]
    rows = _x.arange(max(0, -offset), min(n, m - offset), backend=x.backend)
    if rows.shape[0] == 0:
        return _x.zeros(x.shape[:-2] + (0,), dtype=x.dtype, backend=x.backend)
    flat = _x.reshape(x, x.shape[:-2] + (n * m,))
    return _x.take(flat, _x.add(_x.multiply(rows, m), _x.add(rows, offset)), axis=-1)


def trace(x, /, *, offset=0, dtype=None):
    d = diagonal(x, offset=offset)
    return _x.sum(d, axis=-1, dtype=dtype)


def matrix_power(x, n, /):
    if n < 0:
        return matrix_power(inv(x), -n)
    out = _x.broadcast_to(_x.eye(x.shape[-1], dtype=x.dtype, backend=x.backend), x.shape)
    base = x
    while n:
        if n & 1:
            out = matmul(out, base)
        base = matmul(base, base)
        n >>= 1
    return out


def norm(x, /, *, axis=None, keepdims=False, ord=None):
    return vector_norm(x, axis=axis, keepdims=keepdims, ord=2.0 if ord is None else ord)


SlogdetResult = _namedtuple("SlogdetResult", ["sign", "logabsdet"])


def slogdet(x, /):
    # From the QR factorisation (diag(R) >= 0): log|det x| = sum(log(diag R)) does not
    # overflow or underflow where det(x) would, and det(Q) is +-1. A zero on R's diagonal
    # gives sign 0 and log|det| = -inf, as in NumPy.
    q, r = _x._qr(x, False)
    d = diagonal(r)
    logabsdet = _x.sum(_x.log(d), axis=-1)
    sign = _x.where(_x.all(_x.greater(d, 0), axis=-1), _x.sign(det(q)), 0)
    return SlogdetResult(_x.astype(sign, logabsdet.dtype), logabsdet)


def matrix_rank(x, /, *, rtol=None):
    s = svdvals(x)
    if rtol is None:
        eps = 2.0 ** -52 if x.dtype == _x.DType.float64 else 2.0 ** -23
        rtol = max(x.shape[-2], x.shape[-1]) * eps
    if isinstance(rtol, _x.Array) and rtol.ndim > 0:
        rtol = _x.expand_dims(rtol, axis=-1)
    if s.shape[-1] == 0:
        return _x.zeros(s.shape[:-1], dtype=_x.DType.int64, backend=s.backend)
    tol = _x.multiply(_x.max(s, axis=-1, keepdims=True), rtol)
    return _count_nonzero(_x.greater(s, tol), axis=-1)


from ._naming import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), "ivycpp.linalg.")
