"""Array API functions that ivy has no unified function for, written once from the namespace's
own functions (so they behave the same on every backend)."""
import math as _math

from . import _ivycpp as _x
from ._ivycpp import Array

__all__ = [
    "positive", "reciprocal", "logaddexp", "hypot", "copysign", "conj", "real",
    "imag", "moveaxis", "roll", "broadcast_arrays", "broadcast_shapes", "cumulative_sum",
    "cumulative_prod", "count_nonzero", "unique_values", "unique_counts",
    "unique_inverse", "unique_all", "vecdot", "tensordot",
    "matrix_transpose", "diff", "searchsorted", "outer", "clip",
]


def clip(x, /, min=None, max=None):
    # A Python function so that inspect.signature works: with two optional operands the
    # extension's function cannot be called correctly by tools that guess its arguments.
    return _x.clip(x, min, max)


def positive(x, /):
    return x


def reciprocal(x, /):
    return _x.divide(1.0, x)


def logaddexp(x1, x2, /):
    m = _x.maximum(x1, x2)
    return _x.add(m, _x.log1p(_x.exp(_x.negative(_x.abs(_x.subtract(x1, x2))))))


def hypot(x1, x2, /):
    return _x.sqrt(_x.add(_x.square(x1), _x.square(x2)))


def copysign(x1, x2, /):
    if not isinstance(x2, Array):  # a Python number: its sign bit decides for every element
        return _x.negative(_x.abs(x1)) if _math.copysign(1.0, x2) < 0 else _x.abs(x1)
    out = _x.where(_x.signbit(x2), _x.negative(_x.abs(x1)), _x.abs(x1))
    if isinstance(x1, Array) and isinstance(x2, Array):  # float32 with float64 is float64
        out = _x.astype(out, _x._promote_types(x1.dtype, x2.dtype))
    return out


def conj(x, /):
    return x


def real(x, /):
    return x


def imag(x, /):
    return _x.zeros_like(x)


def moveaxis(x, source, destination, /):
    src = [source] if isinstance(source, int) else list(source)
    dst = [destination] if isinstance(destination, int) else list(destination)
    src = [s % x.ndim for s in src]
    dst = [d % x.ndim for d in dst]
    order = [a for a in range(x.ndim) if a not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return _x.permute_dims(x, order)


def roll(x, /, shift, *, axis=None):
    if axis is None:
        return _x.reshape(roll(_x.reshape(x, (-1,)), shift, axis=0), x.shape)
    shifts = [shift] if isinstance(shift, int) else list(shift)
    axes = [axis] if isinstance(axis, int) else list(axis)
    if len(shifts) == 1 and len(axes) > 1:
        shifts = shifts * len(axes)
    for s, a in zip(shifts, axes):
        n = x.shape[a]
        if n == 0:
            continue
        s %= n
        if s:
            idx = [slice(None)] * x.ndim
            head, tail = list(idx), list(idx)
            head[a], tail[a] = slice(n - s, None), slice(None, n - s)
            x = _x.concat([x[tuple(head)], x[tuple(tail)]], axis=a)
    return x


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
    # (ivy's sum would widen integers to int64).
    n1, n2 = x1.shape[axis], x2.shape[axis]
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
    if isinstance(axes, int):
        a1 = list(range(x1.ndim - axes, x1.ndim))
        a2 = list(range(axes))
    else:
        a1 = [a % x1.ndim for a in axes[0]]
        a2 = [a % x2.ndim for a in axes[1]]
    s1 = list(letters[: x1.ndim])
    s2 = list(letters[x1.ndim: x1.ndim + x2.ndim])
    for i, j in zip(a1, a2):
        s2[j] = s1[i]
    out = [c for k, c in enumerate(s1) if k not in a1] + [c for k, c in enumerate(s2) if k not in a2]
    return _x.einsum("".join(s1) + "," + "".join(s2) + "->" + "".join(out), x1, x2)


def diff(x, /, *, axis=-1, n=1, prepend=None, append=None):
    parts = [p for p in (prepend, x, append) if p is not None]
    if len(parts) > 1:
        x = _x.concat(parts, axis=axis)
    for _ in range(n):
        hi = [slice(None)] * x.ndim
        lo = [slice(None)] * x.ndim
        hi[axis], lo[axis] = slice(1, None), slice(None, -1)
        x = _x.subtract(x[tuple(hi)], x[tuple(lo)])
    return x


def searchsorted(x1, x2, /, *, side="left", sorter=None):
    if sorter is not None:
        x1 = _x.take(x1, sorter)
    a = _x.reshape(x1, (1, -1))
    v = _x.expand_dims(x2, axis=-1)
    hit = _x.less(a, v) if side == "left" else _x.less_equal(a, v)
    return _x.sum(_x.astype(hit, _x.DType.int64), axis=-1)
