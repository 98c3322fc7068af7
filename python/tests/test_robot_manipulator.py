"""ivycpp.robot manipulators against a NumPy Denavit-Hartenberg reference written here (each
joint the product Rot_z(q) Trans_z(d) Trans_x(a) Rot_x(alpha) of four elementary transforms), on
every backend: link matrices and poses of the Mico and Panda with a base pose, link samples on
the reference segments, the published arms' constructor keywords, gradients and typed errors."""
import math

import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

R = xp.robot

# The Kinova Mico user guide's lengths and DH table, and the JACO2 joint convention.
_D1, _D2, _D3, _D4, _D5, _D6, _E2 = 0.2755, 0.29, 0.1233, 0.0741, 0.0741, 0.16, 0.007
_K = math.sin(math.pi / 6) / math.sin(math.pi / 3)
MICO = dict(a=[0, _D2, 0, 0, 0, 0],
            d=[_D1, 0, -_E2, -(_D3 + _K * _D4), -(_K * _D4 + _K * _D5), -(_K * _D5 + _D6)],
            alpha=[math.pi / 2, math.pi, math.pi / 2, math.pi / 3, math.pi / 3, math.pi],
            scales=[-1, 1, 1, 1, 1, 1],
            offsets=[0, math.pi / 2, -math.pi / 2, 0, math.pi, -math.pi / 2])
# Franka's table regrouped into standard DH (joint 7 carries the flange's 0.107).
PANDA = dict(a=[0, 0, 0.0825, -0.0825, 0, 0.088, 0], d=[0.333, 0, 0.316, 0, 0.384, 0, 0.107],
             alpha=[-math.pi / 2, math.pi / 2, math.pi / 2, -math.pi / 2, math.pi / 2,
                    math.pi / 2, 0],
             scales=[1] * 7, offsets=[0] * 7)


def rot_z(q):
    c, s = np.cos(q), np.sin(q)
    return np.array([[c, -s, 0, 0], [s, c, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])


def rot_x(q):
    c, s = np.cos(q), np.sin(q)
    return np.array([[1, 0, 0, 0], [0, c, -s, 0], [0, s, c, 0], [0, 0, 0, 1]])


def trans(x, y, z):
    m = np.eye(4)
    m[:3, 3] = [x, y, z]
    return m


def dh_frames(t, theta, base=np.eye(4)):
    """Frames 0..NJ of one configuration: [NJ+1, 4, 4]."""
    frames = [base]
    for i, th in enumerate(theta):
        q = th * t["scales"][i] - t["offsets"][i]
        frames.append(frames[-1] @ rot_z(q) @ trans(0, 0, t["d"][i]) @ trans(t["a"][i], 0, 0)
                      @ rot_x(t["alpha"][i]))
    return np.stack(frames)


def rot_vec(r):
    """The rotation vector of a rotation matrix (angles below pi), by the axis-angle formula."""
    angle = math.acos(np.clip((np.trace(r) - 1) / 2, -1, 1))
    if angle < 1e-9:
        return np.zeros(3)
    axis = np.array([r[2, 1] - r[1, 2], r[0, 2] - r[2, 0], r[1, 0] - r[0, 1]])
    return axis / (2 * math.sin(angle)) * angle


def samples_ref(t, frames, spm):
    """ceil(length * spm) points per link from start to end, inner shared ends kept once."""
    n = [int(math.ceil(math.hypot(a, d) * spm)) for a, d in zip(t["a"], t["d"])]
    last = max(i for i, k in enumerate(n) if k > 0)
    out = []
    for i, k in enumerate(n):
        start, end = frames[i, :3, 3], frames[i + 1, :3, 3]
        pts = [start + (end - start) * j / (k - 1) for j in range(k)] if k > 1 else [start] * k
        out += pts[:-1] if (k >= 2 and i < last) else pts
    return np.array(out)


def configs(nj, n, seed):
    return np.random.default_rng(seed).uniform(-2.5, 2.5, (n, nj))


def float_dtype(backend):
    # float64 where the backend computes the kinematics in it (MLX computes in float32).
    ok = all(xp.supports(f, xp.float64, backend) for f in ("sin", "cos", "matmul"))
    return np.float64 if ok else np.float32


def tol(backend):
    return 1e-9 if float_dtype(backend) == np.float64 else 2e-5


BASE = trans(0.85, -0.025, 0.7) @ rot_z(0.5) @ rot_x(-0.2)


@pytest.mark.parametrize("name", ["mico", "panda"])
def test_link_matrices_and_poses(backend, name):
    t = MICO if name == "mico" else PANDA
    nj = len(t["a"])
    ft = float_dtype(backend)
    cls = R.MicoManipulator if name == "mico" else R.PandaManipulator
    arm = cls(BASE[:3].astype(ft))
    theta = configs(nj, 4, 1)
    want = np.stack([dh_frames(t, th, BASE) for th in theta])
    mats = arm.compute_link_matrices(theta.reshape(2, 2, nj).astype(ft), nj)
    np.testing.assert_allclose(to_np(mats), want.reshape(2, 2, nj + 1, 4, 4), atol=tol(backend))
    poses = to_np(arm.compute_link_poses(theta.astype(ft), 3))
    assert poses.shape == (4, 4, 6)
    for b in range(4):
        for f in range(4):
            np.testing.assert_allclose(poses[b, f, :3], want[b, f, :3, 3], atol=tol(backend))
            rv = rot_vec(want[b, f, :3, :3])
            if np.linalg.norm(rv) < 3.0:  # away from the angle-pi sign ambiguity
                np.testing.assert_allclose(poses[b, f, 3:], rv, atol=50 * tol(backend))
    assert arm.num_joints() == nj


def test_generic_manipulator_and_samples(backend):
    ft = float_dtype(backend)
    t = MICO
    arm = R.Manipulator(*(np.array(t[k], ft) for k in ["a", "d", "alpha", "scales", "offsets"]),
                        base_inv_ext_mat=BASE.astype(ft))
    theta = configs(6, 3, 2)
    for spm, link_num in [(25, None), (40, 4), (7.5, 6)]:
        got = to_np(arm.sample_links(theta.astype(ft), link_num, spm))
        ln = 6 if link_num is None else link_num
        sub = dict((k, v[:ln]) for k, v in t.items())
        want = np.stack([samples_ref(sub, dh_frames(t, th, BASE), spm) for th in theta])
        assert got.shape == want.shape
        assert arm.num_link_samples(link_num, spm) == want.shape[1]
        np.testing.assert_allclose(got, want, atol=tol(backend))
    np.testing.assert_allclose(arm.link_lengths(), np.hypot(t["a"], t["d"]))
    np.testing.assert_allclose(to_np(arm.base_inv_ext_mat), BASE, atol=1e-7)


def test_published_arm_keywords(backend):
    mico = R.MicoManipulator()
    assert to_np(mico.a_s).dtype == np.float32
    np.testing.assert_allclose(to_np(mico.d_s), MICO["d"], rtol=1e-6)
    panda = R.PandaManipulator(dtype=xp.float32, backend=backend)
    np.testing.assert_allclose(to_np(panda.a_s), PANDA["a"], rtol=1e-6)
    np.testing.assert_allclose(to_np(panda.base_inv_ext_mat), np.eye(4))
    # The robot computes in the angles' dtype, here float32 whatever its arrays hold.
    q = xp.asarray(np.zeros(7, np.float32))
    assert to_np(panda.sample_links(q)).dtype == np.float32
    # Franka's zero pose: the flange at (0.088, 0, 0.926) facing down.
    np.testing.assert_allclose(to_np(panda.compute_link_matrices(q, 7))[7],
                               [[1, 0, 0, 0.088], [0, -1, 0, 0], [0, 0, -1, 0.926], [0, 0, 0, 1]],
                               atol=1e-6)


def test_gradient_of_link_samples(backend):
    ft = float_dtype(backend)
    mico = R.MicoManipulator()
    theta = np.array([0.3, 2.9, 3.1, -0.5, 2.6, 0.2])
    w = np.random.default_rng(3).normal(size=(26, 3))

    def loss(th):
        return float((samples_ref(MICO, dh_frames(MICO, th), 25) * w).sum())

    wa = xp.asarray(w.astype(ft))
    _, grads = xp.execute_with_gradients(
        lambda v: xp.sum(mico.sample_links(v["q"]) * wa), {"q": xp.asarray(theta.astype(ft))})
    h = 1e-6
    fd = np.array([(loss(theta + h * e) - loss(theta - h * e)) / (2 * h) for e in np.eye(6)])
    np.testing.assert_allclose(to_np(grads["q"]), fd, rtol=1e-5 if ft == np.float64 else 2e-3,
                               atol=1e-6 if ft == np.float64 else 2e-3)


def test_errors(backend):
    mico = R.MicoManipulator()
    q = np.zeros(6, np.float32)
    with pytest.raises(xp.ValueError,
                       match=r"robot::Manipulator.compute_link_matrices.*\[1, 6\], got 7"):
        mico.compute_link_matrices(q, 7)
    with pytest.raises(xp.ShapeError, match=r"robot::Manipulator.sample_links.*\[\.\.\.,6\]"):
        mico.sample_links(np.zeros((2, 5), np.float32))
    with pytest.raises(xp.DTypeError, match="joint_angles must be a float array"):
        mico.compute_link_poses(np.zeros(6, np.int32), 6)
    with pytest.raises(xp.ValueError, match="samples_per_metre"):
        mico.sample_links(q, None, 0.0)
    with pytest.raises(xp.ShapeError, match="base_inv_ext_mat"):
        R.MicoManipulator(np.eye(3, dtype=np.float32))
    one = np.ones(2, np.float32)
    with pytest.raises(xp.ShapeError, match="one length NJ"):
        R.Manipulator(one, one, np.ones(3, np.float32), one, one)
