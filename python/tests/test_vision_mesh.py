"""ivycpp.vision meshes: the triangles of a 2 x 3 grid by hand, the original's 4 x 3 mask case,
and rasterized triangles against a NumPy point-in-triangle test of every pixel centre, on every
backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import V, close


def grid_triangles(h, w):
    t = (np.arange(h - 1)[:, None] * w + np.arange(w - 1)[None]).reshape(-1)
    return np.concatenate([np.stack([t, t + 1, t + w], -1), np.stack([t + w + 1, t + 1, t + w], -1)])


def test_trimesh_indices(backend):
    t = V.create_trimesh_indices_for_image((), (2, 3))
    assert t.dtype == xp.int64
    np.testing.assert_array_equal(to_np(t), [[0, 1, 3], [1, 2, 4], [4, 1, 3], [5, 2, 4]])
    b = V.create_trimesh_indices_for_image((2,), (4, 3), dtype=xp.float32)
    np.testing.assert_array_equal(to_np(b), np.broadcast_to(grid_triangles(4, 3), (2, 12, 3)))
    with pytest.raises(ValueError, match="vision::create_trimesh_indices_for_image"):
        V.create_trimesh_indices_for_image((), (0, 3))


def test_coord_image_to_trimesh(backend):
    coords = np.linspace(-1, 1, 36, dtype=np.float32).reshape(1, 4, 3, 3)
    vertices, tris = V.coord_image_to_trimesh(coords)
    close(vertices, coords.reshape(1, 12, 3))
    np.testing.assert_array_equal(to_np(tris), grid_triangles(4, 3)[None])
    valid = np.array([1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1], bool).reshape(1, 4, 3, 1)
    _, kept = V.coord_image_to_trimesh(coords, valid)
    np.testing.assert_array_equal(to_np(kept), [[3, 4, 6], [5, 2, 4], [11, 8, 10]])
    with pytest.raises(xp.ShapeError, match="validity_mask"):
        V.coord_image_to_trimesh(coords, valid[..., 0])


def raster_np(tris, h, w):
    ys, xs = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    out = np.zeros((h, w), bool)
    for t in tris:
        e = [(xs - t[a][0]) * (t[b][1] - t[a][1]) - (ys - t[a][1]) * (t[b][0] - t[a][0])
             for a, b in ((0, 1), (1, 2), (2, 0))]
        out |= (np.minimum.reduce(e) >= 0) | (np.maximum.reduce(e) <= 0)
    return out[..., None]


def test_rasterize_triangles(backend):
    # The original's triangle: pixels with x + y <= 2 (rows are y, top row first).
    tri = np.array([[0, 0, 1], [0, 2, 1], [2, 0, 1]], np.float32)
    np.testing.assert_array_equal(to_np(V.rasterize_triangles(tri, (3, 3))), raster_np([tri], 3, 3))
    np.testing.assert_array_equal(
        to_np(V.rasterize_triangles(tri[None], (3, 3), batch_shape=(1,)))[0], raster_np([tri], 3, 3))
    tris = np.array([[[[0.3, 0.2], [3.7, 1.1], [1.2, 3.6]], [[3.2, 1.3], [6.4, 2.2], [4.1, 5.3]]],
                     [[[1.1, 0.9], [4.4, 2.1], [1.9, 3.3]], [[-1.5, -0.5], [2.6, 0.4], [0.4, 2.7]]]],
                    np.float32)
    out = V.rasterize_triangles(tris, (4, 5), batch_shape=(2,))
    assert out.dtype == xp.bool
    np.testing.assert_array_equal(to_np(out), np.stack([raster_np(t, 4, 5) for t in tris]))
    np.testing.assert_array_equal(to_np(V.rasterize_triangles(tris, (4, 5))),
                                  raster_np(tris.reshape(4, 3, 2), 4, 5))
    with pytest.raises(xp.ShapeError, match="vision::rasterize_triangles"):
        V.rasterize_triangles(tris, (4, 5), batch_shape=(3,))
