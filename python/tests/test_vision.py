"""ivycpp.vision against NumPy: pinhole projection, depth and world round trips, sphere and
angular-pixel coordinates, ray vectors, bilinear interpolation, the camera containers and the
typed errors, on every backend."""
import math

import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import C, FX, FY, K, PX, PY, V, close, rot


def test_uniform_pixel_coords(backend):
    p = V.create_uniform_pixel_coords_image((3, 4), (2,))
    ys, xs = np.meshgrid(np.arange(3), np.arange(4), indexing="ij")
    want = np.stack([xs, ys, np.ones_like(xs)], -1).astype(np.float32)
    close(p, np.broadcast_to(want, (2, 3, 4, 3)))
    close(V.create_uniform_pixel_coords_image((3, 4), normalized=True, homogeneous=False),
          np.stack([xs / 4, ys / 3], -1))
    with pytest.raises(ValueError, match="vision::create_uniform_pixel_coords_image"):
        V.create_uniform_pixel_coords_image((0, 4))


def test_sampled_pixel_coords(backend):
    p = V.create_sampled_pixel_coords_image((8, 12), (2, 3), (2,), randomize=False)
    ys, xs = np.meshgrid(np.arange(2), np.arange(3), indexing="ij")
    want = np.stack([np.round(4 * xs + 1.5), np.round(4 * ys + 1.5)], -1)  # NumPy rounds to even
    close(p, np.broadcast_to(want, (2, 2, 3, 2)))
    q = to_np(V.create_sampled_pixel_coords_image((8, 12), (2, 3), randomize=True, homogeneous=True))
    assert q.shape == (2, 3, 3) and np.all(q[..., :2] == np.round(q[..., :2]))
    assert np.all(np.abs(q[..., :2] - (4 * np.stack([xs, ys], -1) + 1.5)) <= 2.5)
    assert np.all(q[..., 0] <= 11) and np.all(q[..., 1] <= 7) and np.all(q[..., 2] == 1)


def test_downsampled_dims():
    assert V.downsampled_image_dims_from_desired_num_pixels((480, 640), 1200) == ((30, 40), 1200)
    assert V.downsampled_image_dims_from_desired_num_pixels((480, 640), 1000, True) == ((27, 36), 972)


def test_focal_lengths_and_calib(backend):
    a = np.array([[math.pi / 2, math.pi / 3], [1.0, 0.5]], np.float32)
    f = V.persp_angles_to_focal_lengths(a, (480, 640))
    close(f, -np.array([640, 480], np.float32) / (2 * np.tan(a / 2)))
    close(V.focal_lengths_to_persp_angles(f, (480, 640)), a)
    k = V.focal_lengths_and_pp_offsets_to_calib_mat(np.array([FX, FY], np.float32),
                                                    np.array([PX, PY], np.float32))
    close(k, K)
    intr = V.calib_mat_to_intrinsics_object(K, (6, 8))
    close(intr.focal_lengths, [FX, FY])
    close(intr.pp_offsets, [PX, PY])
    close(intr.inv_calib_mats, np.linalg.inv(K))
    with pytest.raises(ValueError, match="batch shapes differ"):
        V.focal_lengths_and_pp_offsets_to_calib_mat(np.ones((2, 2), np.float32),
                                                    np.ones((2,), np.float32))


def test_ext_mat_inverses_and_geometry(backend):
    r = rot()
    e = V.rot_mat_and_cam_center_to_ext_mat(r, C)
    want_e = r @ np.concatenate([np.eye(3), -C], -1)
    close(e, want_e)
    close(V.projection_matrix_inverse(e), np.concatenate([r.T, C], -1))
    close(V.inv_ext_mat_to_camera_center(V.projection_matrix_inverse(e)), C)
    full = K @ want_e
    close(V.calib_and_ext_to_full_mat(K, e), full, 1e-3)
    close(V.projection_matrix_pseudo_inverse(full), np.linalg.pinv(full.astype(np.float64)), 1e-3)
    g = V.ext_mat_and_intrinsics_to_cam_geometry_object(e, V.calib_mat_to_intrinsics_object(K, (6, 8)))
    close(g.extrinsics.cam_centers, C)
    full_h = np.concatenate([full, [[0, 0, 0, 1]]], 0)
    close(g.full_mats_homo, full_h, 1e-3)
    close(g.inv_full_mats_homo, np.linalg.inv(full_h.astype(np.float64)), 1e-3)
    h = V.inv_ext_mat_and_intrinsics_to_cam_geometry_object(np.concatenate([r.T, C], -1),
                                                            g.intrinsics)
    close(h.extrinsics.ext_mats_homo, to_np(g.extrinsics.ext_mats_homo))
    assert V.CameraGeometry.as_identity((2,)).full_mats_homo.shape == (2, 4, 4)


def test_depth_world_round_trip(backend):
    rng = np.random.default_rng(0)
    depth = (2 + rng.random((2, 3, 4, 1))).astype(np.float32)
    e = np.broadcast_to(rot() @ np.concatenate([np.eye(3), -C], -1), (2, 3, 4)).astype(np.float32)
    kb = np.broadcast_to(K, (2, 3, 3)).astype(np.float32)
    g = V.ext_mat_and_intrinsics_to_cam_geometry_object(e, V.calib_mat_to_intrinsics_object(kb, (3, 4)))
    # NumPy reference: X_cam = depth * K^-1 (x, y, 1), X_world = R^T X_cam + c.
    ys, xs = np.meshgrid(np.arange(3), np.arange(4), indexing="ij")
    pix = np.stack([xs, ys, np.ones_like(xs)], -1).astype(np.float64)
    cam = depth * (pix @ np.linalg.inv(K.astype(np.float64)).T)
    world = cam @ rot().astype(np.float64) + C[:, 0]
    close(V.depth_to_cam_coords(depth, g.intrinsics.inv_calib_mats)[..., :3], cam, 1e-3)
    close(V.depth_to_radial_depth(depth, g.intrinsics.inv_calib_mats),
          np.linalg.norm(cam, axis=-1, keepdims=True), 1e-3)
    w = V.depth_to_world_coords(depth, g.inv_full_mats_homo)
    close(w[..., :3], world, 1e-3)
    close(V.world_coords_to_depth(w, g.full_mats_homo), depth, 1e-3)
    close(V.world_to_cam_coords(w, g.extrinsics.ext_mats_homo)[..., :3], cam, 1e-3)
    close(V.ds_pixel_to_world_coords(V.world_to_ds_pixel_coords(w, g.full_mats_homo),
                                     g.inv_full_mats_homo), to_np(w), 1e-3)
    rays = V.pixel_coords_to_world_ray_vectors(
        g.inv_full_mats_homo, np.broadcast_to(pix, (2, 3, 4, 3)).astype(np.float32))
    want = world - C[:, 0]
    close(rays, want / np.linalg.norm(want, axis=-1, keepdims=True), 1e-3)
    with pytest.raises(ValueError, match="must lead"):
        V.depth_to_cam_coords(depth, np.broadcast_to(np.linalg.inv(K), (3, 3, 3)).astype(np.float32))


def test_sphere_and_angular(backend):
    cam = np.array([[0.3, -0.7, 2.0], [-1.0, 0.5, 3.0], [0, 0, 4]], np.float32)
    s = V.cam_to_sphere_coords(cam)
    x, y, z = cam[:, 0], cam[:, 1], cam[:, 2]
    want = np.stack([np.arctan2(x, z), np.arctan2(np.hypot(z, x), y), np.linalg.norm(cam, axis=-1)], -1)
    close(s, want)
    close(V.sphere_to_cam_coords(s)[..., :3], cam)
    ang = V.sphere_to_angular_pixel_coords(s, 2.5)
    deg = np.degrees(want)
    close(ang, np.stack([np.mod(180 - deg[:, 0], 360) * 2.5, np.mod(deg[:, 1], 180) * 2.5, want[:, 2]], -1), 1e-3)
    close(V.angular_pixel_to_sphere_coords(ang, 2.5), want, 1e-3)
    ds = V.cam_to_ds_pixel_coords(cam, K)
    close(ds, cam @ K.T, 1e-3)
    close(V.ds_pixel_to_sphere_coords(ds, np.linalg.inv(K).astype(np.float32)), want, 1e-3)
    close(V.sphere_to_ds_pixel_coords(s, K), cam @ K.T, 1e-3)
    close(V.sphere_coords_to_world_ray_vectors(s, np.eye(3, dtype=np.float32)),
          cam / np.linalg.norm(cam, axis=-1, keepdims=True))
    with pytest.raises(ValueError, match="pixels_per_degree"):
        V.sphere_to_angular_pixel_coords(s, 0.0)


def test_bilinear_interpolation(backend):
    ys, xs = np.meshgrid(np.arange(4), np.arange(5), indexing="ij")
    img = np.stack([2.0 * xs - 3.0 * ys + 1], -1).astype(np.float32)[None]
    pts = np.array([[[[0.5, 0.25], [3.75, 2.5]], [[1, 1], [2.2, 0.9]]]], np.float32)
    out = V.bilinearly_interpolate_image(img, pts)
    close(out, (2 * pts[..., :1] - 3 * pts[..., 1:] + 1))
    with pytest.raises(ValueError, match="ivy::vision::bilinearly_interpolate_image"):
        V.bilinearly_interpolate_image(img, pts[..., :1])


def test_two_view_conversions(backend):
    e1 = rot() @ np.concatenate([np.eye(3), -C], -1)
    e2 = np.concatenate([np.eye(3), [[-1.0], [-0.5], [3.0]]], -1)
    h = lambda m: np.concatenate([m, [[0, 0, 0, 1]]], 0).astype(np.float64)
    world = np.array([[0.3, -0.4, 2.0], [1.0, 0.5, 3.0]], np.float64)
    wh = np.concatenate([world, np.ones((2, 1))], -1)
    cam1, cam2 = wh @ e1.T, wh @ e2.T
    e12 = (h(e2) @ np.linalg.inv(h(e1))).astype(np.float32)
    close(V.cam_to_cam_coords(cam1.astype(np.float32), e12)[..., :3], cam2, 1e-3)
    p1, p2 = h(K @ e1), h(K @ e2)
    p12 = (p2 @ np.linalg.inv(p1)).astype(np.float32)
    close(V.ds_pixel_to_ds_pixel_coords((cam1 @ K.T).astype(np.float32), p12), cam2 @ K.T, 2e-3)
