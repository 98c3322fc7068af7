"""ivycpp.vision signed distances against NumPy: spheres, unit and posed cuboids (the box
distance written as |p - clamp(p, -h, h)| outside and -min(h - |p|) inside), PrimitiveScene and
the typed errors, on every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import V, close, rot


def sphere_ref(c, r, q):
    # c [..., NS, 3], r [..., NS, 1], q [..., NP, 3] -> [..., NP, 1]
    d = np.linalg.norm(q[..., None, :, :] - c[..., :, None, :], axis=-1) - r
    return d.min(-2)[..., None]


def box_ref(p, h):
    outside = np.linalg.norm(p - np.clip(p, -h, h), axis=-1)
    inside = np.all(np.abs(p) <= h, -1)
    return np.where(inside, -np.min(h - np.abs(p), -1), outside)


def test_spheres(backend):
    q = np.array([[0, 0, 0], [1, 0, 0], [0, 0, 3], [1, 1, 1], [2, -1, 0.5]], np.float32)
    close(V.sphere_signed_distances(np.zeros((1, 3), np.float32), np.ones((1, 1), np.float32), q),
          np.array([[-1], [0], [2], [np.sqrt(3) - 1], [np.sqrt(5.25) - 1]]))
    c = np.array([[[0, 0, 0], [0, 1, 2]], [[1, 0, 0], [-1, 2, 0]]], np.float32)
    r = np.array([[[1], [0.5]], [[0.3], [1.2]]], np.float32)
    qb = np.array(np.broadcast_to(q, (2, 5, 3)))
    close(V.sphere_signed_distances(c, r, qb), sphere_ref(c, r, qb))


def test_cuboids(backend):
    q = np.array([[0, 0, 0], [0.5, 0, 0], [2, 0, 0], [1, 1, 0], [1.5, 1.5, 1.5], [0.2, 0.1, 0]],
                 np.float32)
    close(V.cuboid_signed_distances(np.eye(4, dtype=np.float32)[None, :3], np.ones((1, 3), np.float32),
                                    q),
          np.array([[-0.5], [0], [1.5], [np.sqrt(0.5)], [np.sqrt(3)], [-0.3]]))
    # A cuboid posed at (R, t): world-to-cuboid [R^T | -R^T t]; points chosen in its frame.
    r, t = rot().astype(np.float64), np.array([1.0, -0.5, 2.0])
    ext = np.concatenate([r.T, (-r.T @ t)[:, None]], -1)
    h = np.array([0.25, 0.5, 0.375])
    local = np.array([[0, 0, 0], [0.25, 0, 0], [0.1, 0.2, -0.3], [1, 0, 0], [-1, -1, 1],
                      [0.3, 0.1, 0.375]])
    world = local @ r.T + t
    want = box_ref(local, h)[:, None]
    dims = np.array([[0.5, 1.0, 0.75]], np.float32)
    close(V.cuboid_signed_distances(ext[None].astype(np.float32), dims, world.astype(np.float32)),
          want)
    homo = np.concatenate([ext, [[0, 0, 0, 1]]], 0)[None].astype(np.float32)
    close(V.cuboid_signed_distances(homo, dims, world.astype(np.float32)), want)


def test_primitive_scene(backend):
    ident = V.PrimitiveScene.as_identity((2,))
    assert to_np(ident.sphere_positions).shape == (2, 1, 3)
    assert to_np(ident.cuboid_ext_mats).shape == (2, 1, 3, 4)
    q = np.array([[2, 0, 0], [2.5, 0, 0], [1.2, 0.1, 0], [0, 0, 0], [0.9, 0.8, 0.1]], np.float32)
    c, rad = np.array([[2, 0, 0]], np.float32), np.array([[0.5]], np.float32)
    scene = V.PrimitiveScene(c, rad, np.eye(4, dtype=np.float32)[None, :3],
                             np.ones((1, 3), np.float32))
    want = np.minimum(sphere_ref(c, rad, q)[..., 0], box_ref(q, np.full(3, 0.5)))[:, None]
    close(scene.sdf(q), want)
    spheres = V.PrimitiveScene(sphere_positions=c, sphere_radii=rad)
    assert spheres.cuboid_dims is None
    close(spheres.sdf(q), sphere_ref(c, rad, q))
    spheres.cuboid_ext_mats = np.eye(4, dtype=np.float32)[None, :3]
    with pytest.raises(ValueError, match="together"):
        spheres.sdf(q)
    with pytest.raises(ValueError, match="no spheres"):
        V.PrimitiveScene().sdf(q)


def test_errors(backend):
    q = np.zeros((4, 3), np.float32)
    with pytest.raises(xp.ShapeError, match=r"vision::sphere_signed_distances.*\[\.\.\.,3\]"):
        V.sphere_signed_distances(np.zeros((2, 2), np.float32), np.ones((2, 1), np.float32), q)
    with pytest.raises(xp.ShapeError, match="batch shapes differ"):
        V.sphere_signed_distances(np.zeros((2, 3), np.float32), np.ones((3, 1), np.float32), q)
    with pytest.raises(xp.ShapeError, match="vision::cuboid_signed_distances"):
        V.cuboid_signed_distances(np.zeros((1, 3, 3), np.float32), np.ones((1, 3), np.float32), q)
