"""ivy::Error subclasses arrive as Python exceptions with the C++ message."""
import pytest

import ivycpp as xp


def test_hierarchy():
    assert issubclass(xp.ShapeError, xp.Error) and issubclass(xp.ShapeError, ValueError)
    assert issubclass(xp.DTypeError, xp.Error) and issubclass(xp.DTypeError, TypeError)
    assert issubclass(xp.IndexError, xp.Error) and issubclass(xp.IndexError, IndexError)
    assert issubclass(xp.ValueError, ValueError)
    assert issubclass(xp.UnsupportedError, NotImplementedError)
    assert issubclass(xp.BackendError, RuntimeError)
    assert issubclass(xp.IOError, OSError)


def test_messages_name_function_and_backend(backend):
    with pytest.raises(xp.ShapeError, match=rf"ivy::reshape \[{backend}\].*\[2,3\]"):
        xp.reshape(xp.zeros((2, 3)), (4,))
    with pytest.raises(xp.IndexError, match=r"ivy::"):
        xp.sum(xp.zeros((2, 3)), axis=5)
    with pytest.raises(xp.DTypeError, match=r"ivy::matmul"):
        xp.matmul(xp.asarray([True]), xp.asarray([True]))
    with pytest.raises(ValueError, match=r"ivy::arange"):
        xp.arange(0, 1, 0)


def test_backend_mismatch_and_unknown():
    if "xtensor" not in xp.available_backends() or "torch" not in xp.available_backends():
        pytest.skip("needs torch and xtensor")
    with pytest.raises(xp.BackendError):
        xp.zeros((2,), backend="torch") + xp.zeros((2,), backend="xtensor")
    with pytest.raises(xp.BackendError):
        xp.zeros((2,), backend="no_such_engine")


def test_stub_raises_unsupported():
    with pytest.raises(xp.UnsupportedError, match=r"\[stub\]"):
        xp.zeros((2,), backend="stub")


def test_non_ivy_arguments_raise_type_error(backend):
    with pytest.raises(TypeError):
        xp.add(xp.zeros((2,)), "a")
    assert (xp.zeros((2,)) == "a") is False
