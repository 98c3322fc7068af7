"""The array type: attributes, operators with Python scalars, conversions, indexing."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np


def test_attributes(backend):
    x = xp.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert x.shape == (2, 3)
    assert x.ndim == 2 and x.size == 6
    assert x.dtype == xp.float32
    assert x.device == "cpu" and x.device == xp.Device("cpu")
    assert x.backend == backend
    assert x.__array_namespace__() is xp
    assert xp.asarray([1, 2]).dtype == xp.int64
    assert xp.asarray([True]).dtype == xp.bool
    assert xp.asarray(3.5).shape == ()
    assert "float32" in repr(x)


def test_explicit_backend_beats_scope(backend):
    other = "xtensor" if backend != "xtensor" else "torch"
    if other not in xp.available_backends():
        pytest.skip(f"{other} not built")
    assert xp.zeros((2,), backend=other).backend == other
    assert xp.zeros((2,)).backend == backend


def test_set_and_unset_framework():
    depth = xp.framework_depth()
    xp.set_framework("xtensor")
    assert xp.current_backend() == "xtensor"
    assert xp.ones((1,)).backend == "xtensor"
    xp.unset_framework()
    assert xp.framework_depth() == depth
    with pytest.raises(xp.BackendError):
        xp.set_framework("no-such-backend")


def test_use_restores_depth_after_exception():
    depth = xp.framework_depth()
    with pytest.raises(RuntimeError):
        with xp.use("xtensor"):
            xp.set_framework("torch")
            raise RuntimeError("boom")
    assert xp.framework_depth() == depth


A = np.array([[1.5, -2.0, 3.0], [0.5, 4.0, -6.0]], dtype=np.float32)
B = np.array([[2.0, 1.0, -1.0], [3.0, 0.5, 2.0]], dtype=np.float32)


@pytest.mark.parametrize("op", ["__add__", "__sub__", "__mul__", "__truediv__", "__lt__",
                                "__le__", "__gt__", "__ge__", "__eq__", "__ne__"])
def test_binary_operators(backend, op):
    a, b = xp.asarray(A), xp.asarray(B)
    assert_close(getattr(a, op)(b), getattr(A, op)(B))
    assert_close(getattr(a, op)(2.0), getattr(A, op)(np.float32(2.0)))
    assert_close(getattr(a, op)(2), getattr(A, op)(np.float32(2)))


def test_reflected_operators_and_unary(backend):
    a = xp.asarray(A)
    assert_close(1 - a, 1 - A)
    assert_close(2 / a, 2 / A)
    assert_close(3 * a, 3 * A)
    assert_close(-a, -A)
    assert_close(abs(a), abs(A))
    assert_close(+a, A)
    assert_close(a ** 2, A ** 2)
    assert_close(a @ xp.asarray(B.T), A @ B.T)


def test_integer_operators(backend):
    i = np.array([7, -7, 9, 0], dtype=np.int64)
    j = np.array([2, 3, -4, 5], dtype=np.int64)
    a, b = xp.asarray(i), xp.asarray(j)
    assert_close(a // b, i // j)
    assert_close(a % b, i % j)
    assert_close(a & b, i & j)
    assert_close(a | b, i | j)
    assert_close(a ^ b, i ^ j)
    assert_close(~a, ~i)
    assert_close(a << 2, i << 2)
    assert_close(a >> 1, i >> 1)
    assert_close(5 & a, 5 & i)
    small = np.array([100, -100], dtype=np.int8)
    assert_close(xp.asarray(small) << 1, small << 1)
    flags = np.array([True, False, True])
    assert_close(xp.asarray(flags) & xp.asarray(~flags), flags & ~flags)
    assert_close(~xp.asarray(flags), ~flags)


def test_python_scalars_keep_the_array_dtype(backend):
    x = xp.asarray([1, 2, 3], dtype=xp.int32)
    assert (x + 1).dtype == xp.int32
    assert (xp.asarray([1.0], dtype=xp.float64) * 2).dtype == xp.float64


def test_scalar_conversions(backend):
    x = xp.asarray(2.5)
    assert float(x) == 2.5
    assert int(x) == 2
    assert bool(xp.asarray(True))
    assert int(xp.asarray(7)) == 7
    assert [1, 2, 3][xp.asarray(1)] == 2
    with pytest.raises(TypeError):
        float(xp.asarray([1.0, 2.0]))


N = np.arange(60, dtype=np.float32).reshape(3, 4, 5)


@pytest.mark.parametrize("key", [
    0, -1, (1, 2), (1, 2, 3), slice(None), slice(1, None), slice(None, None, -1),
    slice(-2, None, 2), (slice(None), 1), (Ellipsis, 0), (0, Ellipsis), (None, 0),
    (slice(None), None, 2), (Ellipsis, None), (), (slice(5, 10),), (slice(0, 3, 2), -1, slice(None, None, -2)),
])
def test_basic_indexing(backend, key):
    assert_close(xp.asarray(N)[key], N[key])


def test_boolean_and_integer_array_indexing(backend):
    x = xp.asarray(N)
    mask = N[:, :, 0] > 20
    assert_close(x[xp.asarray(mask)], N[mask])
    assert_close(x[xp.asarray(N > 30)], N[N > 30])
    idx = np.array([2, 0, -1])
    assert_close(x[xp.asarray(idx)], N[idx])
    assert_close(x[:, xp.asarray(idx)], N[:, idx])
    assert_close(x[1, xp.asarray([0, 3])], N[1, [0, 3]])
    assert_close(x[xp.asarray([0, 2]), xp.asarray([1, 3])], N[[0, 2], [1, 3]])


def test_index_errors(backend):
    x = xp.asarray(N)
    with pytest.raises(IndexError):
        x[3]
    with pytest.raises(xp.IndexError):
        x[0, 0, 0, 0]
    with pytest.raises(IndexError):
        x[..., ...]
    assert len(list(xp.asarray([1, 2, 3]))) == 3


def test_setitem_rebinds(backend):
    expected = N.copy()
    x = xp.asarray(N)
    before = x
    x[0, 1] = 100.0
    x[1:, :, ::2] = xp.asarray(-1.0)
    x[..., 4] = xp.asarray([7.0, 8.0, 9.0, 10.0])
    expected[0, 1] = 100.0
    expected[1:, :, ::2] = -1.0
    expected[..., 4] = [7.0, 8.0, 9.0, 10.0]
    assert_close(x, expected)
    assert before is x  # the same Python object, now holding the new array
    b = xp.asarray([True, False, True])
    b[1] = True
    assert_close(b, [True, True, True])
    m = xp.asarray(np.arange(6))
    m[m > 2] = 0
    assert_close(m, [0, 1, 2, 0, 0, 0])


def test_to_device(backend):
    x = xp.asarray([1.0])
    assert x.to_device("cpu").device == "cpu"
    assert x.to_device(x.device).shape == (1,)
