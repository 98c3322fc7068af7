"""docs/original_api.md stays true: every Python name in its table exists in ivycpp, every row
left out gives a reason; and the conveniences it points to (split_func_call, Array.tolist,
Array.item, inspectable roll/moveaxis) work on every backend, against NumPy."""
import inspect
import pathlib
import re

import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "original_api.md"


def table_rows(section):
    text = DOC.read_text().split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def python_names(cell):
    return re.findall(r"`([A-Za-z_][A-Za-z_0-9.]*)`", cell)


def resolves(name):
    """name (dotted) in ivycpp, or in its linalg namespace (svd, cholesky, ...)."""
    if name == "numpy.from_dlpack":
        return True
    for obj in (xp, xp.linalg):
        for part in name.split("."):
            obj = getattr(obj, part, None)
        if obj is not None:
            return True
    return False


def test_every_python_name_in_the_table_exists():
    rows = table_rows("Functions")
    assert len(rows) > 40
    for original, _cpp, python, _note in rows:
        names = python_names(python)
        if python == "same":
            names = python_names(original)
        assert names, original
        for name in names:
            assert resolves(name), f"{original}: ivycpp has no {name}"


def test_every_left_out_row_gives_a_reason():
    rows = table_rows("Left out")
    assert rows
    for original, reason in rows:
        assert len(reason) > 40, original
        for name in python_names(original):
            assert not hasattr(xp, name), f"{name} is listed as left out but ivycpp has it"


def test_split_func_call_joins_the_chunks(backend):
    x = np.arange(14.0).reshape(7, 2)
    y = np.arange(7.0)
    calls = []

    def f(a, b):
        calls.append(a.shape[0])
        return a * 2 + xp.expand_dims(b, axis=1), b ** 2

    first, second = xp.split_func_call(f, [xp.asarray(x), xp.asarray(y)], 3)
    assert calls == [3, 3, 1]
    assert_close(first, x * 2 + y[:, None])
    assert_close(second, y ** 2)
    one = xp.split_func_call(lambda a: a + 1, [xp.asarray(x.T)], 2, input_axes=1)
    assert_close(one, x.T + 1)
    with pytest.raises(xp.ValueError, match="split_func_call"):
        xp.split_func_call(f, [xp.asarray(x), xp.asarray(y)], 0)
    with pytest.raises(xp.ShapeError, match="split_func_call"):
        xp.split_func_call(f, [xp.asarray(x), xp.asarray(y[:5])], 2)


def test_tolist_and_item_match_numpy(backend):
    for a in [np.arange(6, dtype=np.int32).reshape(2, 3), np.array([[True, False]]),
              np.array([0.5, -1.25], dtype=np.float32), np.zeros((2, 0)), np.array(7.5)]:
        got = xp.asarray(a).tolist()
        assert got == a.tolist()
        assert type(np.asarray(got).flat[0] if a.size else None) is not object
    assert xp.asarray(np.array([3], dtype=np.int64)).item() == 3
    assert isinstance(xp.asarray(np.array(True)).item(), bool)
    with pytest.raises(TypeError):
        xp.ones(2).item()


def test_roll_and_moveaxis_have_the_array_api_signatures():
    assert str(inspect.signature(xp.roll)) == "(x, /, shift, *, axis=None)"
    assert str(inspect.signature(xp.moveaxis)) == "(x, source, destination, /)"
