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


# A second camera for two-view cases: a rotation about y by 0.2 and a centre (1, 0.5, -1).
def rot2(a=0.2):
    return np.array([[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]])


C2 = np.array([[1.0], [0.5], [-1.0]])


def ext_mat(r, c):
    """E = R [I | -c] in float64."""
    r = np.asarray(r, np.float64)
    return np.concatenate([r, -r @ np.asarray(c, np.float64)], -1)


def homo(m):
    """[..., 3, 4] -> [..., 4, 4] with the row [0, 0, 0, 1]."""
    last = np.broadcast_to(np.array([0.0, 0, 0, 1]), m.shape[:-2] + (1, 4))
    return np.concatenate([m, last], -2)


def apply(m, x):
    """m [3|4, 4] applied to points x [..., 3]: m[:3] (x, 1) -> [..., 3]."""
    return x @ m[:3, :3].T + m[:3, 3]
