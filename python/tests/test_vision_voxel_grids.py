"""ivycpp.vision.coords_to_voxel_grid: points at known positions binned into voxels, counts and
mean points and features per voxel against a NumPy loop, both modes, bounds, a batch, and the
typed errors, on every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import V, close

PTS = np.array([[0.5, 0.5, 0.5], [0.7, 0.2, 0.9], [2.5, 1.5, 0.5], [3.5, 1.0, 1.0],
                [1.2, 2.9, 2.1], [0.1, 0.3, 3.0], [2.2, 2.4, 2.6]], np.float32)
FEAT = np.array([[1, 10], [3, 20], [5, 30], [7, 40], [9, 50], [2, 60], [4, 70]], np.float32)


def grid_np(pts, feat, lo, res, dims, grid, hi=None):
    pts, feat = pts.astype(np.float64), feat.astype(np.float64)
    out = np.zeros(tuple(grid) + (4 + feat.shape[-1],))
    for p, f in zip(pts, feat):
        if hi is not None and not (np.all(p > lo) and np.all(p < hi)):
            continue
        idx = np.where(res > 0, np.minimum(np.floor((p - lo) / np.where(res > 0, res, 1)), dims - 1), 0)
        out[tuple(idx.astype(int))] += np.concatenate([p, f, [1]])
    out[..., :-1] /= np.maximum(out[..., -1:], 1)
    return out


def test_bounded_dims(backend):
    grid, dims, res, lower = V.coords_to_voxel_grid(
        np.concatenate([PTS, np.ones((7, 1), np.float32)], -1), [3, 3, 3], "DIMS",
        [0, 0, 0, 3, 3, 3], FEAT)
    lo, hi = np.zeros(3), np.full(3, 3.0)
    close(grid, grid_np(PTS, FEAT, lo, np.ones(3), np.full(3, 3), (3, 3, 3), hi), 1e-4)
    np.testing.assert_array_equal(to_np(dims), [3, 3, 3])
    close(res, np.ones(3))
    close(lower, lo)
    g = to_np(grid)
    assert g[0, 0, 0, -1] == 2 and g[..., -1].sum() == 5  # two points share voxel (0, 0, 0)


def test_unbounded_res(backend):
    grid, dims, res, lower = V.coords_to_voxel_grid(PTS, np.array([0.8, 0.8, 0.8], np.float32),
                                                    "RES")
    lo = PTS.min(0).astype(np.float64)
    ext = PTS.max(0).astype(np.float64) - lo
    n = np.maximum(np.ceil(ext / 0.8), 1)
    np.testing.assert_array_equal(to_np(dims), n)
    close(res, ext / n)
    close(lower, lo)
    close(grid, grid_np(PTS, np.zeros((7, 0)), lo, ext / n, n, n.astype(int)), 1e-4)


def test_batch(backend):
    a = np.array([[0, 0, 0], [2, 1, 1], [1.5, 0.5, 0.2]], np.float32)
    b = np.array([[1, 1, 1], [1, 1, 2], [1, 2, 2]], np.float32)
    f = np.array([[[1], [2], [3]], [[4], [5], [6]]], np.float32)
    grid, dims, res, _ = V.coords_to_voxel_grid(np.stack([a, b]), [1, 1, 1], "RES", features=f)
    np.testing.assert_array_equal(to_np(dims), [[2, 1, 1], [1, 1, 1]])
    close(res, [[1, 1, 1], [0, 1, 1]])
    want = np.stack([grid_np(a, f[0], a.min(0), np.ones(3), np.array([2, 1, 1]), (2, 1, 1)),
                     grid_np(b, f[1], b.min(0), np.array([0, 1, 1]), np.ones(3), (2, 1, 1))])
    close(grid, want, 1e-4)


def test_errors(backend):
    with pytest.raises(ValueError, match="vision::coords_to_voxel_grid.*mode"):
        V.coords_to_voxel_grid(PTS, [2, 2, 2], "VOXELS")
    with pytest.raises(ValueError, match="DIMS"):
        V.coords_to_voxel_grid(PTS, [2, 0, 2])
    with pytest.raises(xp.ShapeError, match="voxel_shape_spec"):
        V.coords_to_voxel_grid(PTS, [2, 2])
    with pytest.raises(xp.ShapeError, match="features"):
        V.coords_to_voxel_grid(PTS, [2, 2, 2], features=FEAT[:3])
