"""ivycpp.robot against NumPy on every backend: sample_spline_path through its anchors, exact on
affine functions and equal to a NumPy polyharmonic spline written here (the kernel and the
pseudo-inverse fit of the original ivy_robot / tensorflow_addons' interpolate_spline), batched as
unbatched, in float64, with gradients against central finite differences; RigidMobile.sample_body
against R p + t; the typed errors."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

S = xp.robot.sample_spline_path


# ---------------------------------------------------------------------------------------------
# The NumPy reference spline.


def phi_ref(r, order):
    """The polyharmonic kernel of the squared distance r (clamped to 1e-6)."""
    r = np.maximum(r, 1e-6)
    if order % 2 == 1:
        return r ** (order / 2)
    return 0.5 * r ** (order / 2) * np.log(r)


def sq_dists(x, y):
    return np.sum((x[..., :, None, :] - y[..., None, :, :]) ** 2, -1)


def spline_ref(c, f, s, order):
    """c [..., NA, D], f [..., NA, PD], s [..., NS, D] -> [..., NS, PD] (float64)."""
    c, f, s = (np.asarray(a, np.float64) for a in (c, f, s))
    batch = np.broadcast_shapes(c.shape[:-2], f.shape[:-2], s.shape[:-2])
    c = np.broadcast_to(c, batch + c.shape[-2:])
    f = np.broadcast_to(f, batch + f.shape[-2:])
    s = np.broadcast_to(s, batch + s.shape[-2:])
    na, d = c.shape[-2:]
    pd = f.shape[-1]
    a = phi_ref(sq_dists(c, c), order)
    b = np.concatenate([c, np.ones(batch + (na, 1))], -1)
    lhs = np.concatenate([np.concatenate([a, b], -1),
                          np.concatenate([np.swapaxes(b, -1, -2), np.zeros(batch + (d + 1, d + 1))],
                                         -1)], -2)
    rhs = np.concatenate([f, np.zeros(batch + (d + 1, pd))], -2)
    wv = np.linalg.pinv(lhs) @ rhs
    w, v = wv[..., :na, :], wv[..., na:, :]
    sb = np.concatenate([s, np.ones(batch + (s.shape[-2], 1))], -1)
    return phi_ref(sq_dists(s, c), order) @ w + sb @ v


def test_reference_is_a_polyharmonic_spline():
    # The reference itself, against a closed form: order 1 in 1-D (phi = sqrt(r) = |x - c|, plus
    # an affine term) is the piecewise linear interpolant, up to the clamp of r at 1e-6 (|x - c|
    # >= 1e-3 near an anchor); every order passes through the anchors.
    c = np.array([[0.0], [0.4], [1.0]])
    f = np.array([[0.0], [2.0], [1.0]])
    s = np.linspace(0, 1, 11)[:, None]
    np.testing.assert_allclose(spline_ref(c, f, s, 1)[:, 0], np.interp(s[:, 0], c[:, 0], f[:, 0]),
                               atol=1e-2)
    for order in (1, 2, 3, 4):
        np.testing.assert_allclose(spline_ref(c, f, c, order), f, atol=1e-9)


# ---------------------------------------------------------------------------------------------
# sample_spline_path


def sorted_anchors(rng, na, batch=()):
    """NA sorted 1-D locations spanning [0, 1], no gap under a third of the largest."""
    gaps = 0.5 + rng.random(batch + (na - 1,))
    x = np.concatenate([np.zeros(batch + (1,)), np.cumsum(gaps, -1)], -1)
    x = (x - x[..., :1]) / (x[..., -1:] - x[..., :1])
    return x[..., None]


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_passes_through_its_anchors(backend, order):
    rng = np.random.default_rng(order)
    c = sorted_anchors(rng, 6)
    f = rng.standard_normal((6, 4))
    # float32: the fit goes through a pseudo-inverse whose condition number grows with the order.
    assert_close(S(c.astype(np.float32), f.astype(np.float32), c.astype(np.float32), order=order),
                 f, rtol=0, atol=2e-3)
    assert_close(S(c, f, c, order=order), f, rtol=0, atol=1e-8)
    # 2-D anchor locations (a surface), float64.
    c2 = rng.random((7, 2))
    f2 = rng.standard_normal((7, 3))
    assert_close(S(c2, f2, c2, order=order), f2, rtol=0, atol=1e-7)


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_reproduces_affine_functions(backend, order):
    # f = c M + m0 is the spline's affine term alone: exact everywhere, not only at the anchors.
    rng = np.random.default_rng(10 + order)
    for d in (1, 2):
        c = rng.random((5, d))
        m, m0 = rng.standard_normal((d, 3)), rng.standard_normal(3)
        s = rng.uniform(-0.5, 1.5, (17, d))  # also outside the anchors' hull
        assert_close(S(c, c @ m + m0, s, order=order), s @ m + m0, rtol=0, atol=1e-8)
    c = sorted_anchors(rng, 5).astype(np.float32)
    s = np.linspace(0, 1, 9, dtype=np.float32)[:, None]
    assert_close(S(c, 3 * c - 1, s, order=order), 3 * s - 1, rtol=0, atol=2e-4)


@pytest.mark.parametrize("order", [1, 2, 3, 4])
@pytest.mark.parametrize("d", [1, 2])
def test_matches_numpy_spline(backend, order, d):
    rng = np.random.default_rng(100 * order + d)
    c = rng.random((2, 3, 6, d))
    f = rng.standard_normal((2, 3, 6, 4))
    s = rng.uniform(-0.2, 1.2, (2, 3, 20, d))
    out = S(c, f, s, order=order)
    assert out.dtype == xp.float64 and out.backend == backend
    assert_close(out, spline_ref(c, f, s, order), rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize("order", [1, 2, 3, 4])
@pytest.mark.parametrize("d", [1, 2])
def test_matches_numpy_spline_float32(backend, order, d):
    # float32 in, float32 out, close to the float64 reference. The pseudo-inverse's float32
    # result depends on the fit's conditioning, so the anchors are well spread here: sorted with
    # gaps in 1-D, a jittered hexagon around a centre in 2-D.
    rng = np.random.default_rng(200 * order + d)
    if d == 1:
        c = sorted_anchors(rng, 6, (2, 3))
    else:
        ang = np.linspace(0, 2 * np.pi, 6, endpoint=False)
        hexagon = np.concatenate([[[0.0, 0.0]], np.stack([np.cos(ang), np.sin(ang)], -1)])
        c = hexagon + 0.1 * rng.standard_normal((2, 3, 7, 2))
    f = rng.standard_normal(c.shape[:-1] + (4,))
    s = rng.uniform(0, 1, (2, 3, 20, d))  # inside the anchors' span: no extrapolation
    f32 = [a.astype(np.float32) for a in (c, f, s)]
    out = S(*f32, order=order)
    assert out.dtype == xp.float32 and out.backend == backend
    assert_close(out, spline_ref(*f32, order), rtol=1e-3, atol=1e-3)


def test_default_order_is_three(backend):
    rng = np.random.default_rng(7)
    c, f, s = sorted_anchors(rng, 5), rng.standard_normal((5, 2)), rng.random((9, 1))
    assert_close(S(c, f, s), spline_ref(c, f, s, 3), rtol=1e-7, atol=1e-8)
    assert np.abs(spline_ref(c, f, s, 3) - spline_ref(c, f, s, 2)).max() > 1e-3


def test_batched_equals_unbatched(backend):
    rng = np.random.default_rng(3)
    c = sorted_anchors(rng, 5, (2, 3))
    f = rng.standard_normal((2, 3, 5, 6))
    s = rng.random((2, 3, 11, 1))
    batched = to_np(S(c, f, s))
    assert batched.shape == (2, 3, 11, 6)
    for i in range(2):
        for j in range(3):
            np.testing.assert_allclose(batched[i, j], to_np(S(c[i, j], f[i, j], s[i, j])),
                                       rtol=1e-10, atol=1e-10)
    # Batch dimensions broadcast: one set of locations for every batch of values and samples.
    shared = to_np(S(c[0, 0], f, s[0, 0]))
    assert shared.shape == (2, 3, 11, 6)
    for i in range(2):
        for j in range(3):
            np.testing.assert_allclose(shared[i, j], to_np(S(c[0, 0], f[i, j], s[0, 0])),
                                       rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(shared, spline_ref(c[0, 0], f, s[0, 0], 3), rtol=1e-7, atol=1e-8)


def central_differences(fn, x, eps=1e-6):
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp_, xm = x.copy(), x.copy()
        xp_[idx] += eps
        xm[idx] -= eps
        g[idx] = (fn(xp_) - fn(xm)) / (2 * eps)
    return g


@pytest.mark.parametrize("order", [2, 3])
def test_gradient_wrt_anchor_vals(backend, order):
    rng = np.random.default_rng(20 + order)
    c = sorted_anchors(rng, 5)
    f = rng.standard_normal((5, 3))
    s = rng.random((13, 1))
    weights = rng.standard_normal((13, 3))

    def loss(v):
        return xp.sum(S(xp.asarray(c), v["f"], xp.asarray(s), order=order) * xp.asarray(weights))

    value, grads = xp.execute_with_gradients(loss, {"f": xp.asarray(f)})
    want = central_differences(lambda ff: np.sum(spline_ref(c, ff, s, order) * weights), f)
    assert float(value) == pytest.approx(np.sum(spline_ref(c, f, s, order) * weights), rel=1e-8)
    assert_close(grads["f"], want, rtol=1e-6, atol=1e-7)


def test_gradient_wrt_anchor_points(backend):
    # The spline also differentiates in the anchor locations (through the kernel and the
    # pseudo-inverse); samples kept away from the anchors, where the kernel is smooth.
    rng = np.random.default_rng(31)
    c = np.array([[0.0], [0.22], [0.5], [0.81], [1.0]])
    f = rng.standard_normal((5, 2))
    s = np.array([[0.1], [0.33], [0.6], [0.7], [0.93]])
    weights = rng.standard_normal((5, 2))

    def loss(v):
        return xp.sum(S(v["c"], xp.asarray(f), xp.asarray(s)) * xp.asarray(weights))

    _, grads = xp.execute_with_gradients(loss, {"c": xp.asarray(c)})
    want = central_differences(lambda cc: np.sum(spline_ref(cc, f, s, 3) * weights), c)
    assert_close(grads["c"], want, rtol=1e-5, atol=1e-6)


def test_spline_errors(backend):
    f32 = np.float32
    c, f, s = np.zeros((5, 1), f32), np.zeros((5, 2), f32), np.zeros((3, 1), f32)
    with pytest.raises(xp.ShapeError, match=r"sample_spline_path.*anchor_points.*\[5\]"):
        S(np.zeros(5, f32), f, s)
    with pytest.raises(xp.ShapeError, match=r"anchor_vals"):
        S(c, np.zeros(5, f32), s)
    with pytest.raises(xp.ShapeError, match=r"same number of anchors"):
        S(c, np.zeros((4, 2), f32), s)
    with pytest.raises(xp.ShapeError, match=r"sample_points.*D = 1"):
        S(c, f, np.zeros((3, 2), f32))
    with pytest.raises(xp.ShapeError, match=r"sample_spline_path"):
        S(np.zeros((2, 5, 1), f32), np.zeros((3, 5, 2), f32), s)
    with pytest.raises(xp.ShapeError, match=r"at least one anchor"):
        S(np.zeros((0, 1), f32), np.zeros((0, 2), f32), s)
    for order in (0, -2):
        with pytest.raises(xp.ValueError, match=rf"order must be >= 1, got {order}"):
            S(c, f, s, order=order)
    with pytest.raises(xp.DTypeError, match=r"anchor_points must be a float array"):
        S(c.astype(np.int32), f, s)
    with pytest.raises(xp.DTypeError, match=r"anchor_vals must be a float array"):
        S(c, f.astype(np.int64), s)
    with pytest.raises(xp.DTypeError, match=r"sample_points must be a float array"):
        S(c, f, s.astype(np.int32))
    with pytest.raises(TypeError):
        S("a", f, s)


# ---------------------------------------------------------------------------------------------
# RigidMobile


def random_rotations(rng, batch):
    q, r = np.linalg.qr(rng.standard_normal(batch + (3, 3)))
    q = q * np.sign(np.diagonal(r, axis1=-2, axis2=-1))[..., None, :]
    return q * np.sign(np.linalg.det(q))[..., None, None]


BODY = np.array([[0.0, 0.0, 0.0], [-0.15, 0.0, -0.15], [-0.15, 0.0, 0.15], [0.15, 0.0, -0.15],
                 [0.15, 0.0, 0.15]])


@pytest.mark.parametrize("rows", [3, 4])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sample_body(backend, rows, dtype):
    rng = np.random.default_rng(rows)
    rot = random_rotations(rng, (2, 7))
    t = rng.standard_normal((2, 7, 3))
    mats = np.concatenate([rot, t[..., None]], -1)  # [2, 7, 3, 4]
    if rows == 4:
        mats = np.concatenate([mats, np.broadcast_to([0, 0, 0, 1.0], (2, 7, 1, 4))], -2)
    points = np.concatenate([BODY, rng.standard_normal((2, 3))])
    robot = xp.robot.RigidMobile(points.astype(dtype))
    assert_close(robot.rel_body_points, points.astype(dtype))
    out = robot.sample_body(mats.astype(dtype))
    assert out.backend == backend
    assert out.dtype == (xp.float32 if dtype == np.float32 else xp.float64)
    want = np.einsum("...ij,pj->...pi", rot, points) + t[..., None, :]  # R p + t per pose
    tol = 1e-5 if dtype == np.float32 else 1e-12
    assert_close(out, want, rtol=tol, atol=tol)
    # One pose, no batch dimensions.
    assert_close(robot.sample_body(mats[1, 4].astype(dtype)), want[1, 4], rtol=tol, atol=tol)


def test_sample_body_identity_and_translation(backend):
    # Closed form: the identity rotation with translation t moves every body point by t.
    robot = xp.robot.RigidMobile(BODY)
    mat = np.concatenate([np.eye(3), [[1.0], [-2.0], [0.5]]], -1)
    assert_close(robot.sample_body(mat), BODY + [1.0, -2.0, 0.5], rtol=0, atol=1e-12)
    # A quarter turn about z: (x, y, z) -> (-y, x, z).
    quarter = np.array([[0.0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0]])
    assert_close(robot.sample_body(quarter), BODY[:, [1, 0, 2]] * [-1, 1, 1], rtol=0, atol=1e-12)


def test_robot_built_on_another_backend(backend):
    other = next(b for b in ("xtensor", "torch", "mlx") if b != backend
                 and b in xp.available_backends())
    robot = xp.robot.RigidMobile(xp.asarray(BODY, backend=other))
    mat = np.concatenate([np.eye(3), [[1.0], [2.0], [3.0]]], -1)
    out = robot.sample_body(mat)  # NumPy input goes to the current backend
    assert out.backend == backend
    assert_close(out, BODY + [1.0, 2.0, 3.0], rtol=0, atol=1e-12)


def test_sample_body_gradient(backend):
    # sum(W * (R p + t)) in the pose matrix: d/dR = sum_p W_p p^T, d/dt = sum_p W_p.
    rng = np.random.default_rng(5)
    mat = np.concatenate([random_rotations(rng, ()), rng.standard_normal((3, 1))], -1)
    w = rng.standard_normal((5, 3))
    robot = xp.robot.RigidMobile(BODY)
    _, grads = xp.execute_with_gradients(
        lambda v: xp.sum(robot.sample_body(v["m"]) * xp.asarray(w)), {"m": xp.asarray(mat)})
    assert_close(grads["m"], np.concatenate([w.T @ BODY, w.sum(0)[:, None]], -1), rtol=1e-10,
                 atol=1e-12)


def test_rigid_mobile_errors(backend):
    f32 = np.float32
    with pytest.raises(xp.ShapeError, match=r"RigidMobile.*\[NBP,3\].*\[5,2\]"):
        xp.robot.RigidMobile(np.zeros((5, 2), f32))
    with pytest.raises(xp.ShapeError, match=r"RigidMobile.*\[0,3\]"):
        xp.robot.RigidMobile(np.zeros((0, 3), f32))
    with pytest.raises(xp.ShapeError, match=r"RigidMobile"):
        xp.robot.RigidMobile(np.zeros((2, 5, 3), f32))
    with pytest.raises(xp.DTypeError, match=r"rel_body_points must be a float array"):
        xp.robot.RigidMobile(np.zeros((5, 3), np.int32))
    robot = xp.robot.RigidMobile(BODY.astype(f32))
    for shape in [(3, 3), (5, 4), (4,), (2, 2, 4)]:
        with pytest.raises(xp.ShapeError, match=r"RigidMobile\.sample_body.*\[\.\.\.,3,4\]"):
            robot.sample_body(np.zeros(shape, f32))
    with pytest.raises(xp.DTypeError, match=r"inv_ext_mats must be a float array"):
        robot.sample_body(np.zeros((3, 4), np.int32))
