"""ivycpp.linalg: the Array API's linear-algebra extension."""
from collections import namedtuple as _namedtuple

from . import _ivycpp as _x
from ._composites import matrix_transpose, vecdot, tensordot, outer  # noqa: F401
from ._ivycpp import cross, det, inv, matmul, matrix_norm, pinv, solve, vector_norm  # noqa: F401

SVDResult = _namedtuple("SVDResult", ["U", "S", "Vh"])


def svd(x, /, *, full_matrices=True):
    if full_matrices and x.shape[-1] != x.shape[-2]:
        raise NotImplementedError("ivycpp.linalg.svd: only full_matrices=False (reduced SVD)")
    return SVDResult(*_x._svd(x))


def svdvals(x, /):
    return _x._svd(x)[1]


def diagonal(x, /, *, offset=0):
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
