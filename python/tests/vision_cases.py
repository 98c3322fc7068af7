"""What the ivycpp.vision test files share: the reference camera (K, a rotation, a centre) and
a closeness check against NumPy values."""
import math

import numpy as np

import ivycpp as xp
from conftest import to_np

V = xp.vision
FX, FY, PX, PY = 50.0, 40.0, 3.5, 2.5
K = np.array([[FX, 0, PX], [0, FY, PY], [0, 0, 1]], np.float32)


def rot(a=0.3, b=-0.5):
    rz = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, math.cos(b), -math.sin(b)], [0, math.sin(b), math.cos(b)]])
    return (rx @ rz).astype(np.float32)


C = np.array([[0.4], [-1.2], [2.0]], np.float32)


def close(ours, expected, tol=2e-4):
    got = to_np(ours)
    expected = np.asarray(expected)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    np.testing.assert_allclose(got, expected, rtol=tol, atol=tol)
