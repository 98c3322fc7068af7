"""ivycpp.vision.quantize_to_image against a NumPy loop over the pixels (nearest depth, the first
point winning ties; inverse-variance fusion otherwise), the original's 3 x 3 cases, points outside
the image, batches, thresholds and the typed errors, on every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import V, close

H, W = 4, 5
# x, y, depth, intensity: three points on pixel (1, 1) (two equally near), two on (2, 2), a
# half-way point rounding to even (2, 0), three outside the image.
PTS = np.array([[1.2, 0.9, 3.0, 0.5], [0.8, 1.3, 2.0, 0.7], [4.4, 3.2, 5.0, 0.1],
                [5.6, 1.0, 1.0, 0.9], [-0.7, 2.0, 1.0, 0.9], [2.0, 2.0, 1.0, 0.3],
                [1.1, 1.1, 2.0, 0.2], [4.45, -0.45, 4.0, 0.4], [2.5, 0.5, 6.0, 0.6],
                [1.9, 3.6, 7.0, 0.8], [2.4, 2.4, 0.5, 0.25]], np.float32)
VAR = (0.1 + 0.05 * np.arange(11)[:, None] + 0.02 * np.arange(4)[None]).astype(np.float32)


def render_np(vals, var, db, h=H, w=W, prior_feat=0.0, prior_var=1e12, thr=(1e-3, 1e12)):
    vals, var = vals.astype(np.float64), var.astype(np.float64)
    c = vals.shape[-1]
    mean, out_var, count = np.zeros((h, w, c)), np.zeros((h, w, c)), np.zeros((h, w, 1))
    qx, qy = np.round(vals[:, 0]), np.round(vals[:, 1])  # NumPy rounds halves to even
    ok = np.all(var < thr[1], -1)
    for r in range(h):
        for col in range(w):
            kept = np.nonzero(ok & (qx == col) & (qy == r))[0]
            count[r, col] = len(kept)
            if len(kept) == 0:
                mean[r, col] = [col, r] + [prior_feat] * (c - 2)
                out_var[r, col] = prior_var
            elif db:
                best = kept[np.argmin(vals[kept, 2])]  # argmin takes the first of equals
                mean[r, col] = vals[best]
                out_var[r, col] = np.maximum(var[best], thr[0])
            else:
                precision = (1 / var[kept]).sum(0)
                mean[r, col] = (vals[kept] / var[kept]).sum(0) / precision
                out_var[r, col] = np.maximum(len(kept) / precision, thr[0])
    return mean, out_var, count


@pytest.mark.parametrize("db", [True, False])
def test_matches_numpy_loop(backend, db):
    mean, var, count = V.quantize_to_image(PTS[:, :2], (H, W), PTS[:, 2:], with_db=db,
                                           pixel_coords_var=VAR[:, :2], feat_var=VAR[:, 2:])
    want = render_np(PTS, VAR, db)
    close(mean, want[0], 1e-4)
    close(var, want[1], 1e-4)
    close(count, want[2])
    if db:  # pixel (1, 1) shows the first of the two nearest points
        close(mean[1, 1], PTS[1])


def test_batch_and_defaults(backend):
    rev = PTS[::-1].copy()
    pc = np.stack([PTS[:, :2], rev[:, :2]])
    mean, var, count = V.quantize_to_image(pc, (H, W), np.stack([PTS[:, 2:], rev[:, 2:]]),
                                           with_db=True, feat_prior=-1.0, feat_prior_var=50.0)
    ones = np.full_like(VAR, 1e-3)
    for i, p in enumerate([PTS, rev]):
        want = render_np(p, ones, True, prior_feat=-1.0, prior_var=np.array([1e12, 1e12, 50, 50]))
        close(mean[i], want[0], 1e-4)
        close(var[i], want[1], 1e-4)
        close(count[i], want[2])
    # No features: the fused pixel coordinates.
    mean, var, count = V.quantize_to_image(PTS[:, :2], (H, W))
    want = render_np(PTS[:, :2], ones[:, :2], False)
    close(mean, want[0], 1e-4)
    close(count, want[2])


def test_original_cases(backend):
    # The original's 3 x 3 data: nine points on whole pixels, depth and intensity features.
    pix = np.array([[0, 0], [0, 0], [2, 0], [2, 1], [1, 1], [2, 1], [1, 2], [1, 2], [1, 2]],
                   np.float32)
    feat = np.stack([np.arange(1, 10), np.arange(9, 0, -1) / 10], -1).astype(np.float32)
    fvar = np.repeat(np.array([2, 4, 1, 0.5, 3, 3, 1, 1, 2], np.float32)[:, None], 2, -1)
    thr = np.array([[0.0, 1e4]] * 4, np.float32)
    kw = dict(pixel_coords_var=np.full((9, 2), 1e-3, np.float32), feat_var=fvar,
              pixel_coords_prior_var=np.full((3, 3, 2), 1e-3, np.float32),
              feat_prior_var=np.full((3, 3, 2), 1e12, np.float32), var_threshold=thr)
    mean, var, count = V.quantize_to_image(pix, (3, 3), feat, np.zeros((3, 3, 2), np.float32),
                                           with_db=True, **kw)
    close(mean[..., 2:], [[[1, 0.9], [0, 0], [3, 0.7]], [[0, 0], [5, 0.5], [4, 0.6]],
                          [[0, 0], [7, 0.3], [0, 0]]], 1e-4)
    close(var[..., 2:], np.repeat(np.array([[2, 1e12, 1], [1e12, 3, 0.5], [1e12, 1, 1e12]])[..., None],
                                  2, -1), 1e-4)
    close(count, np.array([[2, 0, 1], [0, 1, 2], [0, 3, 0]], np.float32)[..., None])
    mean, var, count = V.quantize_to_image(pix, (3, 3), feat, 0.0, var_threshold=thr)
    close(mean[0, 0], [0, 0, 1.5, 0.85], 1e-4)
    close(mean[1, 1:], [[1, 1, 5, 0.5], [2, 1, 5, 0.5]], 1e-4)


def test_errors(backend):
    pc = np.zeros((3, 2), np.float32)
    with pytest.raises(ValueError, match="vision::quantize_to_image.*with_db"):
        V.quantize_to_image(pc, (H, W), with_db=True)
    with pytest.raises(xp.ShapeError, match="feat"):
        V.quantize_to_image(pc, (H, W), np.zeros((2, 1), np.float32))
    with pytest.raises(xp.ShapeError, match="var_threshold"):
        V.quantize_to_image(pc, (H, W), np.zeros((3, 1), np.float32),
                            var_threshold=np.zeros((2, 2), np.float32))
    with pytest.raises(ValueError, match="positive"):
        V.quantize_to_image(pc, (0, W))
