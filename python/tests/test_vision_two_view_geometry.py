"""ivycpp.vision two-view geometry against NumPy: sphere and angular-pixel coordinates seen
from a second camera, the fundamental matrix, closest points of two rays, triangulation by both
methods, the homogeneous DLT and the typed errors, on every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import C, C2, K, V, apply, close, ext_mat, homo, rot, rot2

E1, E2 = ext_mat(rot(), C), ext_mat(rot2(), C2)
K64 = K.astype(np.float64)
P1, P2 = K64 @ E1, K64 @ E2
E12 = (homo(E2) @ np.linalg.inv(homo(E1)))[:3]
# World points seen by camera 1 at pixels (x, y) and depths d, in front of both cameras.
XYD = np.array([[0.5, 1.0, 2.0], [6.0, 0.0, 3.5], [2.0, 4.0, 2.5], [7.0, 5.0, 4.0]])
CAM1 = np.concatenate([XYD[:, :2], np.ones((4, 1))], -1) @ np.linalg.inv(K64).T * XYD[:, 2:]
WORLD = apply(np.linalg.inv(homo(E1)), CAM1)  # E1^-1 (rot() is float32, not exactly orthonormal)


def sphere(c):
    x, y, z = c[..., 0], c[..., 1], c[..., 2]
    return np.stack([np.arctan2(x, z), np.arctan2(np.hypot(z, x), y), np.linalg.norm(c, axis=-1)], -1)


def angular(s, ppd):
    deg = np.degrees(s)
    return np.stack([np.mod(180 - deg[..., 0], 360) * ppd, np.mod(deg[..., 1], 180) * ppd, s[..., 2]], -1)


def test_sphere_and_angular_to_second_camera(backend):
    s1, s2 = sphere(apply(E1, WORLD)), sphere(apply(E2, WORLD))
    close(V.sphere_to_sphere_coords(s1, E12), s2, 1e-6)
    close(V.sphere_to_sphere_coords(s1[None], homo(E12)[None]), s2[None], 1e-6)
    close(V.angular_pixel_to_angular_pixel_coords(angular(s1, 2.0), E12, 2.0), angular(s2, 2.0), 1e-5)
    with pytest.raises(ValueError, match="pixels_per_degree"):
        V.angular_pixel_to_angular_pixel_coords(angular(s1, 2.0), E12, 0.0)
    with pytest.raises(xp.ShapeError, match="vision::sphere_to_sphere_coords"):
        V.sphere_to_sphere_coords(s1[:, :2], E12)


def test_fundamental_matrix(backend):
    f = to_np(V.get_fundamental_matrix(P1, P2))
    # NumPy: F = [e2]x P2 P1^+ with e2 = P2 (C1, 1).
    e2 = P2 @ np.append(C[:, 0].astype(np.float64), 1)
    skew = np.array([[0, -e2[2], e2[1]], [e2[2], 0, -e2[0]], [-e2[1], e2[0], 0]])
    close(f, skew @ P2 @ np.linalg.pinv(P1), 1e-6)
    x1 = np.concatenate([WORLD, np.ones((4, 1))], -1) @ P1.T
    x2 = np.concatenate([WORLD, np.ones((4, 1))], -1) @ P2.T
    x1, x2 = x1 / x1[:, 2:], x2 / x2[:, 2:]
    residual = np.einsum("ni,ij,nj->n", x2, f, x1)
    assert np.all(np.abs(residual) <= 1e-9 * np.linalg.norm(f) * np.linalg.norm(x1, axis=-1) * np.linalg.norm(x2, axis=-1))
    close(V.get_fundamental_matrix(P1, P2, C.astype(np.float64), np.linalg.pinv(P1)), f, 1e-6)
    close(V.get_fundamental_matrix(np.stack([P1, P2]), np.stack([P2, P1]))[0], f, 1e-6)
    with pytest.raises(xp.ShapeError, match="batch shapes differ"):
        V.get_fundamental_matrix(np.stack([P1, P2]), P2)


def test_closest_mutual_points(backend):
    centres = np.stack([C, C2]).astype(np.float64)  # 2 x 3 x 1
    rays = np.stack([2.0 * (WORLD - C[:, 0]), 0.5 * (WORLD - C2[:, 0])])  # 2 x 4 x 3
    want = np.concatenate([WORLD, np.ones((4, 1))], -1)
    close(V.closest_mutual_points_along_two_skew_rays(centres, rays), np.stack([want, want]), 1e-6)
    # Skew lines: the x axis and the line x = 0, y = 1 (along z) are closest at the origin and (0, 1, 0).
    got = V.closest_mutual_points_along_two_skew_rays(np.array([[[0.0], [0], [0]], [[0], [1], [3]]]),
                                                      np.array([[[1.0, 0, 0]], [[0, 0, 2]]]))
    close(got, [[[0, 0, 0, 1]], [[0, 1, 0, 1]]], 1e-9)
    with pytest.raises(xp.ShapeError, match="camera_centers"):
        V.closest_mutual_points_along_two_skew_rays(C, rays)


@pytest.mark.parametrize("method", ["cmp", "dlt"])
def test_triangulate_depth(backend, method):
    ds1 = np.concatenate([WORLD, np.ones((4, 1))], -1) @ P1.T
    x2 = np.concatenate([WORLD, np.ones((4, 1))], -1) @ P2.T
    pixels = np.stack([ds1, x2 / x2[:, 2:]]).reshape(2, 2, 2, 3)
    mats = np.stack([P1, P2])
    close(V.triangulate_depth(pixels, mats, method=method), ds1.reshape(2, 2, 3), 1e-6)
    batched = V.triangulate_depth(np.stack([pixels] * 3), np.stack([homo(mats)] * 3), method=method)
    close(batched, np.stack([ds1.reshape(2, 2, 3)] * 3), 1e-6)
    if method == "cmp":
        inv = np.linalg.inv(homo(mats))
        close(V.triangulate_depth(pixels, mats, inv, np.stack([C, C2]).astype(np.float64)),
              ds1.reshape(2, 2, 3), 1e-6)
    with pytest.raises(ValueError, match="cmp\\|dlt"):
        V.triangulate_depth(pixels, mats, method="cmt")
    with pytest.raises(xp.ShapeError, match="full_mats"):
        V.triangulate_depth(pixels, P1, method=method)


def test_solve_homogeneous_dlt(backend):
    rng = np.random.default_rng(3)
    n = rng.normal(size=(2, 4))
    n /= np.linalg.norm(n, axis=-1, keepdims=True)
    a = rng.normal(size=(2, 4, 4)) @ (np.eye(4) - n[:, :, None] * n[:, None, :])  # rank 3, A n = 0
    x = to_np(V.solve_homogeneous_dlt(a))
    assert x.shape == (2, 4)
    np.testing.assert_allclose(np.linalg.norm(x, axis=-1), 1, atol=1e-9)
    np.testing.assert_allclose(np.einsum("bij,bj->bi", a, x), 0, atol=1e-9)
    np.testing.assert_allclose(np.abs(np.sum(x * n, -1)), 1, atol=1e-9)
    with pytest.raises(xp.ShapeError, match="m >= d"):
        V.solve_homogeneous_dlt(a[:, :3])
