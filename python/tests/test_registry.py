"""The registry is the one list of functions: every registered C++ function is reachable from
Python (issue 13, section 2)."""
import numpy as np
import pytest

import ivycpp as xp
from ivycpp import _registry


def _bound(name):
    return any(hasattr(ns, name) for ns in (xp, xp.linalg, xp.fft))


def test_every_registered_function_is_bound_or_listed():
    registered = xp.registered_functions()
    assert len(registered) == len({name for name, _, _ in registered})
    missing = [name for name, _, _ in registered
               if not _bound(name) and name not in _registry.ELSEWHERE]
    assert missing == [], f"registered but not bound in Python: {missing}"


def test_the_list_of_exceptions_names_only_registered_unbound_functions():
    names = {name for name, _, _ in xp.registered_functions()}
    for name in _registry.ELSEWHERE:
        assert name in names, f"{name} is listed in _registry.ELSEWHERE but not registered"
        assert not hasattr(xp, name), f"{name} is bound: remove it from _registry.ELSEWHERE"


def test_registry_entries_are_well_formed():
    families = set()
    for name, family, differentiable in xp.registered_functions():
        assert name.isidentifier()
        assert isinstance(differentiable, bool)
        families.add(family)
    assert {"creation", "elementwise", "linalg", "nn", "image", "random"} <= families


# The newly bound functions, against closed forms on every backend.

def test_gradient_image(backend):
    x = xp.asarray(np.arange(12.0).reshape(3, 4, 1), backend=backend)
    dy, dx = xp.gradient_image(x)
    want_dy = np.zeros((3, 4, 1)); want_dy[:2] = 4.0
    want_dx = np.zeros((3, 4, 1)); want_dx[:, :3] = 1.0
    np.testing.assert_array_equal(np.from_dlpack(dy), want_dy)
    np.testing.assert_array_equal(np.from_dlpack(dx), want_dx)


def test_bilinear_resample_midpoint(backend):
    x = xp.asarray(np.array([[[0.0], [2.0]], [[4.0], [6.0]]]), backend=backend)  # [2, 2, 1]
    warp = xp.asarray(np.array([[0.5, 0.5], [1.0, 0.0]]), backend=backend)  # (x, y) pairs
    np.testing.assert_allclose(np.from_dlpack(xp.bilinear_resample(x, warp)), [[3.0], [2.0]])


def test_stack_images_two_square_images(backend):
    a = xp.ones((2, 2, 1), backend=backend)
    b = xp.zeros((2, 2, 1), backend=backend)
    out = xp.stack_images([a, b])
    assert out.shape[2] == 1 and out.shape[0] * out.shape[1] >= 8
    assert float(xp.sum(out)) == 4.0
    with pytest.raises(xp.ValueError, match="stack_images"):
        xp.stack_images([])
    with pytest.raises(TypeError, match="stack_images"):
        xp.stack_images([a], desired_aspect_ratio=3)


def test_conv1d_is_a_cross_correlation(backend):
    x = xp.asarray(np.array([[[1.0], [2.0], [3.0], [4.0]]]), backend=backend)  # [1, 4, 1] NWC
    w = xp.asarray(np.array([[[1.0]], [[-1.0]]]), backend=backend)  # [2, 1, 1]
    np.testing.assert_array_equal(np.from_dlpack(xp.conv1d(x, w, 1, "VALID")), [[[-1.0], [-1.0], [-1.0]]])
    with pytest.raises(xp.ValueError, match="conv1d"):
        xp.conv1d(x, w, 1, "BOGUS")
    with pytest.raises(TypeError, match="conv1d"):
        xp.conv1d(x, w, 1.5, "VALID")


def test_conv2d_and_its_transpose(backend):
    x = xp.asarray(np.ones((1, 3, 3, 1)), backend=backend)
    w = xp.asarray(np.ones((2, 2, 1, 1)), backend=backend)
    y = xp.conv2d(x, w, (1, 1), "VALID")
    np.testing.assert_array_equal(np.from_dlpack(y), np.full((1, 2, 2, 1), 4.0))
    # The transpose spreads each input over a 2x2 window: a 3x3 result of window counts x 4.
    t = xp.conv2d_transpose(y, w, 1, "VALID")
    np.testing.assert_array_equal(np.from_dlpack(t)[0, :, :, 0],
                                  4.0 * np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]))


def test_conv3d_shape(backend):
    x = xp.asarray(np.ones((1, 4, 4, 4, 2)), backend=backend)
    w = xp.asarray(np.ones((3, 3, 3, 2, 5)), backend=backend)
    y = xp.conv3d(x, w, 1, "SAME")
    assert y.shape == (1, 4, 4, 4, 5)
    assert float(y[0, 1, 1, 1, 0]) == 54.0  # 27 taps x 2 channels inside


def test_random_functions(backend):
    xp.seed(3)
    r = xp.randint(2, 5, (1000,), backend=backend)
    v = np.from_dlpack(r)
    assert v.min() >= 2 and v.max() <= 4 and set(v.tolist()) == {2, 3, 4}
    s = xp.shuffle(xp.arange(10, backend=backend))
    assert sorted(np.from_dlpack(s).tolist()) == list(range(10))
    probs = xp.asarray(np.array([[0.0, 1.0, 0.0]]), backend=backend)
    np.testing.assert_array_equal(np.from_dlpack(xp.multinomial(probs, 5)), [[1] * 5])
    with pytest.raises(TypeError, match="multinomial"):
        xp.multinomial(probs, 5, replace="yes")


def test_readme_states_the_registered_count():
    import pathlib
    import re
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text()
    stated = re.search(r"(\d+) unified functions", readme)
    assert stated, "README.md no longer states the number of unified functions"
    assert int(stated.group(1)) == len(xp.registered_functions())


def test_supports_answers_from_the_declared_tables(backend):
    assert xp.supports("add", xp.float32, backend)
    assert xp.unsupported_reason("add", xp.float32, backend) is None
    assert xp.supports("add", xp.float16, backend) == (backend != "xtensor")
    assert xp.supports("erf", xp.float64, backend) == (backend != "mlx")
    if backend == "mlx":
        assert "float32 precision" in xp.unsupported_reason("erf", xp.float64, backend)
    with xp.use(backend):
        assert xp.supports("matmul", xp.float64)
    with pytest.raises(xp.ValueError, match="supports"):
        xp.supports("no_such_function", xp.float32, backend)
    with pytest.raises(TypeError, match="supports"):
        xp.supports("add", "float32", backend)
