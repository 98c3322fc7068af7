"""ivycpp.vision optical flow against NumPy: flow from depth and two cameras and back, flow
projected to epipolar lines, the cost volume against loops, velocities from flow and from object
transformations, and the typed errors, on every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import C, C2, K, V, apply, close, ext_mat, homo, rot, rot2

H, W = 4, 5
K64 = K.astype(np.float64)
E1, E2 = ext_mat(rot(), C), ext_mat(rot2(), C2)
P1, P2 = K64 @ E1, K64 @ E2
YS, XS = np.meshgrid(np.arange(H, dtype=np.float64), np.arange(W, dtype=np.float64), indexing="ij")
PIX = np.stack([XS, YS, np.ones_like(XS)], -1)  # H x W x 3
DEPTH = (2.0 + 0.3 * XS - 0.2 * YS + 0.05 * XS * YS)[..., None]


def true_flow():
    cam1 = DEPTH * (PIX @ np.linalg.inv(K64).T)
    world = apply(np.linalg.inv(homo(E1)), cam1)  # rot() is float32: not exactly orthonormal
    q = apply(P2, world)
    return q[..., :2] / q[..., 2:] - PIX[..., :2]


def test_flow_from_depth_and_cam_mats(backend):
    p12 = homo(P2) @ np.linalg.inv(homo(P1))
    flow = true_flow()
    close(V.flow_from_depth_and_cam_mats(PIX * DEPTH, p12), flow, 1e-6)
    both = V.flow_from_depth_and_cam_mats(np.stack([PIX * DEPTH] * 2), np.stack([p12, np.eye(4)]))
    close(both, np.stack([flow, np.zeros_like(flow)]), 1e-6)
    with pytest.raises(xp.ShapeError, match="ds_pixel_coords1"):
        V.flow_from_depth_and_cam_mats(flow, p12)


@pytest.mark.parametrize("method", ["cmp", "dlt"])
def test_depth_from_flow_and_cam_mats(backend, method):
    mats = np.stack([P1, P2])
    close(V.depth_from_flow_and_cam_mats(true_flow(), mats, triangulation_method=method), DEPTH, 1e-6)
    got = V.depth_from_flow_and_cam_mats(np.stack([true_flow()] * 2), np.stack([mats] * 2),
                                         uniform_pixel_coords=PIX, triangulation_method=method)
    close(got, np.stack([DEPTH] * 2), 1e-6)
    with pytest.raises(ValueError, match="cmp\\|dlt"):
        V.depth_from_flow_and_cam_mats(true_flow(), mats, triangulation_method="svd")


def test_project_flow_to_epipolar_line(backend):
    e = np.array([2.0, 1.0, 1.0])  # F = [e]x: every line passes through the epipole (2, 1)
    f = np.array([[0, -e[2], e[1]], [e[2], 0, -e[0]], [-e[1], e[0], 0]])
    flow = np.stack([0.3 * XS - 0.5, 0.2 * YS + 0.1 * XS - 0.4], -1)
    # NumPy: the foot of the perpendicular from x + flow to the line a x + b y + c = 0.
    a, b, c = np.moveaxis(PIX @ f.T, -1, 0)
    target = PIX[..., :2] + flow
    n2 = a * a + b * b
    dist = (a * target[..., 0] + b * target[..., 1] + c) / np.where(n2 > 0, n2, 1)
    foot = target - dist[..., None] * np.stack([a, b], -1)
    want = np.where((n2 > 0)[..., None], foot - PIX[..., :2], flow)
    assert want[1, 2].tolist() == flow[1, 2].tolist()  # the epipole keeps its flow
    close(V.project_flow_to_epipolar_line(flow, f), want, 1e-9)
    close(V.project_flow_to_epipolar_line(np.stack([flow] * 2), np.stack([f] * 2)), np.stack([want] * 2), 1e-9)
    fund = np.array(to_np(V.get_fundamental_matrix(P1, P2)))
    close(V.project_flow_to_epipolar_line(true_flow(), fund), true_flow(), 1e-6)
    with pytest.raises(xp.ShapeError, match="batch shapes differ"):
        V.project_flow_to_epipolar_line(flow, np.stack([f] * 2))


@pytest.mark.parametrize("r", [0, 1, 2])
def test_pixel_cost_volume(backend, r):
    rng = np.random.default_rng(r)
    a, b = rng.normal(size=(2, 2, H, W, 3)).astype(np.float32)
    want = np.zeros((2, H, W, (2 * r + 1) ** 2), np.float32)
    for y in range(H):
        for x in range(W):
            for k, (dy, dx) in enumerate((dy, dx) for dy in range(-r, r + 1) for dx in range(-r, r + 1)):
                if 0 <= y + dy < H and 0 <= x + dx < W:
                    want[:, y, x, k] = np.mean(a[:, y, x] * b[:, y + dy, x + dx], -1)
    close(V.pixel_cost_volume(a, b, r), want, 1e-5)
    close(V.pixel_cost_volume(a[0], b[0], r), want[0], 1e-5)
    with pytest.raises(ValueError, match="search_range"):
        V.pixel_cost_volume(a, b, -1)


def linear_points(x, y):
    return np.stack([0.1 * x + 0.2, 0.05 * y - 0.1, 2 + 0.01 * x + 0.02 * y], -1)


def test_velocity_from_flow_cam_coords_and_cam_mats(backend):
    ext = ext_mat(rot2(), [[0.1], [-0.2], [0.3]])
    flow = np.stack([0.3 * XS - 0.8, 0.7 * YS - 1.1], -1)
    tm1 = np.concatenate([linear_points(XS, YS), np.ones((H, W, 1))], -1)
    t = np.stack([0.3 * XS, -0.2 * YS, 1 + 0.1 * XS * YS, np.ones_like(XS)], -1)
    warp = PIX[..., :2] + flow
    valid = np.all((warp >= 0) & (warp <= [W - 1, H - 1]), -1, keepdims=True)
    vel = (t[..., :3] - apply(ext, linear_points(warp[..., 0], warp[..., 1]))) / 0.5
    got_v, got_m = V.velocity_from_flow_cam_coords_and_cam_mats(flow[None], t[None], tm1[None], ext[None],
                                                                np.array([[0.5]]))
    close(got_v, np.where(valid, vel, 0)[None], 1e-6)
    np.testing.assert_array_equal(to_np(got_m), valid[None])
    with pytest.raises(xp.ShapeError, match="delta_t"):
        V.velocity_from_flow_cam_coords_and_cam_mats(flow, t, tm1, ext, np.array([0.5, 1.0]))


def objects():
    points = np.concatenate([DEPTH * (PIX @ np.linalg.inv(K64).T), np.ones((H, W, 1))], -1)
    ids = np.where(XS < 2, 1.0, np.where(YS == 0, 2.0, 0.0))[..., None]
    obj_ids = np.array([[1.0], [7.0]])
    shift = np.array([0.1, -0.2, 0.3])
    obj_trans = np.stack([np.concatenate([np.eye(3), shift[:, None]], -1), 2 * np.eye(3, 4) + 5])
    ext = ext_mat(rot2(), [[0.1], [-0.2], [0.3]])
    moving = ids[..., 0] == 1
    moved = np.where(moving[..., None], points[..., :3] + shift, apply(ext, points[..., :3]))
    return points, ids, obj_ids, obj_trans, ext, shift, moving, moved


def test_project_cam_coords_with_object_transformations(backend):
    points, ids, obj_ids, obj_trans, ext, _, moving, moved = objects()
    got, mask = V.project_cam_coords_with_object_transformations(points, ids, obj_ids, obj_trans, ext)
    close(got, np.concatenate([moved, np.ones((H, W, 1))], -1), 1e-9)
    np.testing.assert_array_equal(to_np(mask), moving[..., None])
    with pytest.raises(xp.ShapeError, match="id_image"):
        V.project_cam_coords_with_object_transformations(points, ids[:, :3], obj_ids, obj_trans, ext)


def test_velocity_and_flow_from_object_transformations(backend):
    points, ids, obj_ids, obj_trans, ext, shift, moving, moved = objects()
    vel = V.velocity_from_cam_coords_id_image_and_object_trans(points[None], ids[None], obj_ids[None],
                                                               obj_trans[None], np.array([[0.25]]))
    close(vel, np.where(moving[..., None], -shift / 0.25, 0)[None], 1e-9)
    flow = V.flow_from_cam_coords_id_image_and_object_trans(points, ids, obj_ids, obj_trans, K64, ext)
    q = moved @ K64.T
    close(flow, q[..., :2] / q[..., 2:] - PIX[..., :2], 1e-6)
    with pytest.raises(xp.ShapeError, match="must lead"):
        V.velocity_from_cam_coords_id_image_and_object_trans(points, ids, obj_ids, obj_trans,
                                                             np.array([[0.25], [0.5]]))
