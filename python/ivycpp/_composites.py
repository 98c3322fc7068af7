"""Array API functions that ivy has no unified function for, written once from the namespace's
own functions (so they behave the same on every backend)."""
import operator as _operator

from . import _ivycpp as _x
from ._ivycpp import Array

__all__ = [
    "positive", "reciprocal", "conj", "real",
    "imag", "broadcast_arrays", "broadcast_shapes", "cumulative_sum",
    "cumulative_prod", "count_nonzero", "unique_values", "unique_counts",
    "unique_inverse", "unique_all", "vecdot", "tensordot",
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


def _sorted_flat_and_starts(x):
    s = _x.sort(_x.reshape(x, (-1,)))
    n = s.shape[0]
    if n == 0:
        return s, s
    first = _x.ones((1,), dtype=_x.DType.bool, backend=s.backend)
    differs = _x.not_equal(s[1:], s[:-1])
    # NaNs are distinct from each other (the standard's rule).
    differs = _x.logical_or(differs, _x.isnan(s[1:])) if s.dtype in (_x.DType.float32, _x.DType.float64, _x.DType.float16) else differs
    return s, _x.concat([first, differs])


def unique_values(x, /):
    s, starts = _sorted_flat_and_starts(x)
    if s.shape[0] == 0:
        return s
    return s[starts]


class UniqueCountsResult(tuple):
    @property
    def values(self):
        return self[0]

    @property
    def counts(self):
        return self[1]


def unique_counts(x, /):
    s, starts = _sorted_flat_and_starts(x)
    if s.shape[0] == 0:
        return UniqueCountsResult((s, _x.zeros((0,), dtype=_x.DType.int64, backend=s.backend)))
    pos = _x.reshape(_x.indices_where(starts), (-1,))
    ends = _x.concat([pos[1:], _x.asarray([s.shape[0]], backend=s.backend)])
    return UniqueCountsResult((s[starts], _x.subtract(ends, pos)))


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


def _unique_all(x):
    """(values, first indices, inverse indices, counts) from one stable sort of x's elements."""
    flat = _x.reshape(x, (-1,))
    n = flat.shape[0]
    empty = _x.zeros((0,), dtype=_x.DType.int64, backend=flat.backend)
    if n == 0:
        return flat, empty, _x.reshape(empty, x.shape), empty
    order = _x.argsort(flat, stable=True)  # stable: the first of equal values comes first
    s, starts = _sorted_flat_and_starts(x)
    group = _x.subtract(_x.cumsum(_x.astype(starts, _x.DType.int64), 0), 1)
    inverse = _x.scatter_flat(order, group, n, "replace")
    values, counts = unique_counts(x)
    return values, order[starts], _x.reshape(inverse, x.shape), counts


def unique_inverse(x, /):
    values, _, inverse, _ = _unique_all(x)
    return UniqueInverseResult((values, inverse))


def unique_all(x, /):
    return UniqueAllResult(_unique_all(x))


def vecdot(x1, x2, /, *, axis=-1):
    # The contracted axis does not broadcast; the result keeps the inputs' promoted dtype
    # (ivy's sum would widen integers to int64). The axis counts in the broadcast shape.
    if axis >= 0:  # the standard allows only negative axes where ranks may differ
        _axis("vecdot", x1, axis, min(x1.ndim, x2.ndim))
    n1, n2 = x1.shape[_axis("vecdot", x1, axis)], x2.shape[_axis("vecdot", x2, axis)]
    if n1 != n2:
        raise _x.ShapeError(f"ivycpp.vecdot: axis {axis} has size {n1} in x1 and {n2} in x2")
    prod = _x.multiply(x1, x2)
    return _x.astype(_x.sum(prod, axis=axis), prod.dtype)


def matrix_transpose(x, /):
    return _x.swapaxes(x, -1, -2)


def outer(x1, x2, /):
    return _x.multiply(_x.reshape(x1, (-1, 1)), _x.reshape(x2, (1, -1)))


def tensordot(x1, x2, /, *, axes=2):
    letters = "abcdefghijklmnopqrstuvwxyz"
    if x1.ndim + x2.ndim > len(letters):
        _raise(_x.ValueError, "tensordot", x1, f"ranks {x1.ndim} + {x2.ndim} exceed {len(letters)}")
    if isinstance(axes, (tuple, list)):
        if len(axes) != 2:
            _raise(_x.ValueError, "tensordot", x1, f"axes must be an int or two sequences, got {axes!r}")
        a1 = [_axis("tensordot", x1, a) for a in _int_tuple("tensordot", x1, "axes", axes[0])]
        a2 = [_axis("tensordot", x2, a, x2.ndim) for a in _int_tuple("tensordot", x2, "axes", axes[1])]
        if len(a1) != len(a2) or len(set(a1)) != len(a1) or len(set(a2)) != len(a2):
            _raise(_x.ValueError, "tensordot", x1, f"axes {axes!r} do not pair distinct axes")
    else:
        n = _int_arg("tensordot", x1, "axes", axes)
        if not 0 <= n <= min(x1.ndim, x2.ndim):
            _raise(_x.ValueError, "tensordot", x1,
                   f"axes={n} must be in [0, {min(x1.ndim, x2.ndim)}] for ranks {x1.ndim} and {x2.ndim}")
        a1 = list(range(x1.ndim - n, x1.ndim))
        a2 = list(range(n))
    for i, j in zip(a1, a2):
        if x1.shape[i] != x2.shape[j]:
            _raise(_x.ShapeError, "tensordot", x1,
                   f"contracted axes differ: {x1.shape} axis {i} and {x2.shape} axis {j}")
    s1 = list(letters[: x1.ndim])
    s2 = list(letters[x1.ndim: x1.ndim + x2.ndim])
    for i, j in zip(a1, a2):
        s2[j] = s1[i]
    out = [c for k, c in enumerate(s1) if k not in a1] + [c for k, c in enumerate(s2) if k not in a2]
    return _x.einsum("".join(s1) + "," + "".join(s2) + "->" + "".join(out), x1, x2)


from ._naming import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), "ivycpp.")
