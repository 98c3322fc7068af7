"""The original Ivy's neural-network functions added in issue 13 (part B), from Python on every
backend, against NumPy or closed forms: gelu and layer_norm."""
import math

import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

NAMES = ["gelu", "layer_norm"]


def test_registered_and_bound_by_the_extension():
    registered = {name for name, _, _ in xp.registered_functions()}
    for name in NAMES:
        assert name in registered, name
        assert getattr(xp, name) is getattr(xp._ivycpp, name), name


def test_gelu(backend):
    x = np.array([-4.0, -1.0, -0.25, 0.0, 0.5, 2.0, 6.0], dtype=np.float32)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    assert_close(xp.gelu(xp.asarray(x)), exact, rtol=1e-5, atol=1e-6)
    xd = x.astype(np.float64)
    tanh_form = 0.5 * xd * (1 + np.tanh(np.sqrt(2 / np.pi) * (xd + 0.044715 * xd ** 3)))
    assert_close(xp.gelu(xp.asarray(x), approximate=True), tanh_form, rtol=1e-5, atol=1e-6)
    assert xp.gelu(xp.asarray(x)).dtype == xp.float32
    with pytest.raises(TypeError, match="gelu"):
        xp.gelu(xp.asarray(x), approximate="yes")


def test_layer_norm(backend):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 4)).astype(np.float32)
    scale = rng.uniform(0.5, 2.0, size=4).astype(np.float32)
    offset = rng.normal(size=4).astype(np.float32)
    xd = x.astype(np.float64)
    mu = xd.mean(axis=-1, keepdims=True)
    var = xd.var(axis=-1, keepdims=True)
    expected = (xd - mu) / np.sqrt(var + 1e-5) * scale + offset
    got = xp.layer_norm(xp.asarray(x), -1, scale=xp.asarray(scale), offset=xp.asarray(offset))
    assert_close(got, expected, rtol=1e-5, atol=1e-5)
    mu2 = xd.mean(axis=(1, 2), keepdims=True)
    var2 = xd.var(axis=(1, 2), keepdims=True)
    assert_close(xp.layer_norm(xp.asarray(x), [1, 2], epsilon=0.1),
                 (xd - mu2) / np.sqrt(var2 + 0.1), rtol=1e-5, atol=1e-5)
    with pytest.raises(xp.ShapeError, match=rf"layer_norm \[{backend}\]"):
        xp.layer_norm(xp.asarray(x), -1, scale=xp.asarray(np.ones(3, dtype=np.float32)))
    with pytest.raises(xp.ValueError, match="layer_norm"):
        xp.layer_norm(xp.asarray(x), [])
    with pytest.raises(xp.IndexError, match="layer_norm"):
        xp.layer_norm(xp.asarray(x), 3)
    with pytest.raises(TypeError, match="layer_norm"):
        xp.layer_norm(xp.asarray(x), -1, scale=[1.0, 2.0])
