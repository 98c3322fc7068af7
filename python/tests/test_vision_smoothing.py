"""ivycpp.vision smoothing against NumPy loops over the windows: weighted averages, and
inverse-variance fusion with a distance kernel; the alias, batch shapes and typed errors, on
every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import V, close

RNG = np.random.default_rng(3)


def windows(x, k):  # [..., H', W', D, k, k]
    return np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(-3, -2))


def weighted_np(m, w, k):
    num = (windows(m * w, k)).sum((-2, -1))
    den = windows(w, k).sum((-2, -1))
    return np.where(den == 0, 0, num / np.where(den == 0, 1, den)), den / k**2


def var_smooth_np(m, v, k, scale):
    c = k // 2
    ii, jj = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    kern = 1 + np.hypot(ii - c, jj - c)[None] * np.asarray(scale, np.float64)[:, None, None]
    wv = windows(v.astype(np.float64), k) * kern
    precision = (1 / wv).sum((-2, -1))
    mean = (windows(m.astype(np.float64), k) / wv).sum((-2, -1)) / precision
    return mean, k**4 / precision / kern.sum((-2, -1))


def test_weighted_image_smooth(backend):
    m = RNG.uniform(-2, 3, (2, 4, 5, 2)).astype(np.float32)
    w = RNG.uniform(0.1, 2, (2, 4, 5, 2)).astype(np.float32)
    w[1, :3, :3, 1] = 0  # a window without weight gives 0
    mean, weights = V.weighted_image_smooth(m, w, 3)
    want_mean, want_weights = weighted_np(m.astype(np.float64), w.astype(np.float64), 3)
    close(mean, want_mean, 1e-3)
    close(weights, want_weights)
    assert to_np(mean)[1, 0, 0, 1] == 0


def test_smooth_image_from_var_image(backend):
    m = RNG.uniform(-2, 3, (2, 4, 5, 2)).astype(np.float32)
    v = RNG.uniform(0.2, 4, (2, 4, 5, 2)).astype(np.float32)
    scale = np.array([0.5, 0.25], np.float32)
    mean, var = V.smooth_image_fom_var_image(m, v, 3, scale)
    want_mean, want_var = var_smooth_np(m, v, 3, scale)
    close(mean, want_mean, 1e-3)
    close(var, want_var, 1e-3)
    mean2, var2 = V.smooth_image_from_var_image(m, v, 3, scale)
    close(mean2, to_np(mean))
    close(var2, to_np(var))
    # A float kernel_scale, unbatched.
    mean0, var0 = V.smooth_image_fom_var_image(m[0], v[0], 2, 0.0)
    want0 = var_smooth_np(m[0], v[0], 2, [0.0, 0.0])
    close(mean0, want0[0], 1e-3)
    close(var0, want0[1], 1e-3)


def test_smoothing_errors(backend):
    a = np.ones((4, 5, 1), np.float32)
    with pytest.raises(xp.ShapeError, match="vision::weighted_image_smooth"):
        V.weighted_image_smooth(a, np.ones((4, 5, 2), np.float32), 3)
    with pytest.raises(ValueError, match="vision::smooth_image_fom_var_image.*kernel_dim"):
        V.smooth_image_fom_var_image(a, a, 5, 0.0)
    with pytest.raises(ValueError, match="vision::smooth_image_from_var_image.*kernel_dim"):
        V.smooth_image_from_var_image(a, a, 0, 0.0)
