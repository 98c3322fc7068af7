"""Array API functions that ivy has no unified function for, written once from the namespace's
own functions (so they behave the same on every backend)."""
import operator as _operator

from . import _ivycpp as _x
from ._ivycpp import Array

__all__ = [
    "positive", "reciprocal", "conj", "real",
    "imag", "broadcast_arrays", "broadcast_shapes", "cumulative_sum",
    "cumulative_prod", "count_nonzero", "unique_counts",
    "unique_inverse", "unique_all",
    "matrix_transpose", "outer", "clip",
]


def _raise(cls, fn, x, what):
    """An ivycpp error whose message names the function and the backend, as the C++ ones do."""
    backend = x.backend if isinstance(x, Array) else _x.current_backend()
    raise cls(f"ivycpp.{fn} [{backend}]: {what}")


def _int_arg(fn, x, name, value):
    """value as an int: Python ints, NumPy integers and 0-d integer arrays; bools are not ints."""
    if isinstance(value, Array):
        if value.ndim != 0 or value.dtype not in _INT_DTYPES:
            _raise(TypeError, fn, x,
                   f"{name} must be an integer or a 0-d integer array, got an array of shape "
                   f"{value.shape} and dtype {value.dtype}")
        return int(value)
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        _raise(TypeError, fn, x, f"{name} must be an integer, got {type(value).__name__}")
    return _operator.index(value)


def _int_tuple(fn, x, name, value):
    if isinstance(value, (tuple, list)):
        return [_int_arg(fn, x, name, v) for v in value]
    return [_int_arg(fn, x, name, value)]


def _axis(fn, x, axis, ndim=None):
    """A normalised axis of an array of rank ndim (x's by default), or an IndexError."""
    ndim = x.ndim if ndim is None else ndim
    a = _int_arg(fn, x, "axis", axis)
    if not -ndim <= a < ndim:
        _raise(_x.IndexError, fn, x, f"axis {a} is out of range for an array of rank {ndim}")
    return a % ndim


def clip(x, /, min=None, max=None):
    # A Python function so that inspect.signature works: with two optional operands the
    # extension's function cannot be called correctly by tools that guess its arguments.
    return _x.clip(x, min, max)


def positive(x, /):
    return x


def reciprocal(x, /):
    return _x.divide(1.0, x)


def conj(x, /):
    return x


def real(x, /):
    return x


def imag(x, /):
    return _x.zeros_like(x)


_INT_DTYPES = (_x.DType.int8, _x.DType.int16, _x.DType.int32, _x.DType.int64, _x.DType.uint8)


def broadcast_shapes(*shapes):
    out = []
    for s in shapes:
        s = list(s)
        if len(s) > len(out):
            out = [1] * (len(s) - len(out)) + out
        s = [1] * (len(out) - len(s)) + s
        for i, (a, b) in enumerate(zip(out, s)):
            if a != b and a != 1 and b != 1:
                raise _x.ShapeError(f"ivycpp.broadcast_shapes: {tuple(shapes)} do not broadcast")
            out[i] = b if a == 1 else a
    return tuple(out)


def broadcast_arrays(*arrays):
    shape = broadcast_shapes(*[a.shape for a in arrays])
    return [_x.broadcast_to(a, shape) for a in arrays]


def _cumulative(fn, identity, x, axis, dtype, include_initial):
    if axis is None:
        if x.ndim > 1:
            raise _x.ValueError("ivycpp.cumulative_sum: axis is required for arrays of rank > 1")
        axis = 0
    if dtype is not None:
        x = _x.astype(x, dtype)
    out = fn(x, axis)
    if dtype is not None and out.dtype != dtype:
        out = _x.astype(out, dtype)
    if include_initial:
        # The initial slice is the sum's (prod's) identity, also when the axis is empty.
        shape = list(out.shape)
        shape[axis % x.ndim] = 1
        first = _x.full(tuple(shape), identity, dtype=out.dtype, backend=out.backend)
        out = _x.concat([first, out], axis=axis)
    return out


def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):
    return _cumulative(_x.cumsum, 0, x, axis, dtype, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False):
    return _cumulative(_x.cumprod, 1, x, axis, dtype, include_initial)


def count_nonzero(x, /, *, axis=None, keepdims=False):
    return _x.sum(_x.astype(_x.not_equal(x, 0), _x.DType.int64), axis=axis, keepdims=keepdims)


class UniqueCountsResult(tuple):
    @property
    def values(self):
        return self[0]

    @property
    def counts(self):
        return self[1]


def unique_counts(x, /):
    return UniqueCountsResult(_x.unique_counts(x))


class UniqueInverseResult(tuple):
    @property
    def values(self):
        return self[0]

    @property
    def inverse_indices(self):
        return self[1]


class UniqueAllResult(tuple):
    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    @property
    def inverse_indices(self):
        return self[2]

    @property
    def counts(self):
        return self[3]


def unique_inverse(x, /):
    return UniqueInverseResult(_x.unique_inverse(x))


def unique_all(x, /):
    return UniqueAllResult(_x.unique_all(x))


def matrix_transpose(x, /):
    return _x.swapaxes(x, -1, -2)


def outer(x1, x2, /):
    return _x.multiply(_x.reshape(x1, (-1, 1)), _x.reshape(x2, (1, -1)))


from ._naming import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), "ivycpp.")
