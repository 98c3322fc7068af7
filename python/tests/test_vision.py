"""ivycpp.vision (issue 14, part 1) on every backend against NumPy: pixel-coordinate images,
focal lengths, the matrices, and depth -> camera -> world -> depth with batched cameras."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

V = xp.vision


def test_uniform_pixel_coords_and_focal_lengths(backend):
    got = V.create_uniform_pixel_coords_image([2, 3], [4], dtype=xp.float64)
    ys, xs = np.meshgrid(np.arange(2.0), np.arange(3.0), indexing="ij")
    want = np.broadcast_to(np.stack([xs, ys, np.ones_like(xs)], -1), (4, 2, 3, 3))
    assert_close(got, want)
    angles = np.array([[0.4, 1.2], [2.0, 0.9]])
    f = V.persp_angles_to_focal_lengths(angles, [5, 9])
    assert_close(f, -np.array([9.0, 5.0]) / (2 * np.tan(angles / 2)), rtol=1e-9)
    assert_close(V.focal_lengths_to_persp_angles(f, [5, 9]), angles, rtol=1e-9)


def test_depth_camera_world_round_trip_against_numpy(backend):
    rng = np.random.default_rng(5)
    f = np.array([[-50.0, -40.0], [-70.0, -60.0]])
    pp = np.array([[2.0, 1.5], [1.0, 2.5]])
    k = np.array(to_np(V.focal_lengths_and_pp_offsets_to_calib_mat(f, pp)))
    assert_close(k[1], [[-70, 0, 1], [0, -60, 2.5], [0, 0, 1]])
    angle = 0.3
    r = np.array([[np.cos(angle), -np.sin(angle), 0], [np.sin(angle), np.cos(angle), 0],
                  [0, 0, 1]])
    rot = np.stack([r, r.T])
    centre = rng.standard_normal((2, 3, 1))
    ext = np.array(to_np(V.rot_mat_and_cam_center_to_ext_mat(rot, centre)))
    assert_close(ext, rot @ np.concatenate([np.broadcast_to(np.eye(3), (2, 3, 3)), -centre], -1))
    depth = rng.uniform(1, 5, (2, 3, 4, 1))
    cam = V.depth_to_cam_coords(depth, np.linalg.inv(k))
    v, u = np.meshgrid(np.arange(3.0), np.arange(4.0), indexing="ij")
    pix = np.stack([u, v, np.ones_like(u)], -1)[None] * depth
    want = np.einsum("bij,bhwj->bhwi", np.linalg.inv(k), pix)
    assert_close(to_np(cam)[..., :3], want, rtol=1e-9, atol=1e-12)
    inv_ext = np.concatenate([np.swapaxes(rot, -1, -2), centre], -1)
    world = V.cam_to_world_coords(cam, inv_ext)
    assert_close(to_np(V.inv_ext_mat_to_camera_center(inv_ext)), centre)
    full = V.calib_and_ext_to_full_mat(k, ext)
    assert_close(V.world_coords_to_depth(world, full), depth, rtol=1e-9)
    assert_close(V.world_to_cam_coords(world, ext), to_np(cam), rtol=1e-9, atol=1e-12)
    radial = V.ds_pixel_coords_to_radial_depth(V.depth_to_ds_pixel_coords(depth), np.linalg.inv(k))
    assert_close(radial, np.linalg.norm(want, axis=-1, keepdims=True), rtol=1e-9)


def test_bad_input_names_the_function(backend):
    with pytest.raises(xp.ShapeError, match="vision::cam_to_ds_pixel_coords"):
        V.cam_to_ds_pixel_coords(np.ones((2, 2)), np.eye(3))
    with pytest.raises(xp.ValueError, match="vision::create_uniform_pixel_coords_image"):
        V.create_uniform_pixel_coords_image([0, 3])
