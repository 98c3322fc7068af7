"""ivycpp.mech with DLPack inputs, and execute_with_gradients over a dict."""
import numpy as np
import pytest

import ivycpp as xp


def test_mech_accepts_numpy_and_roundtrips(backend):
    rng = np.random.default_rng(1)
    q = rng.standard_normal((5, 4)).astype(np.float32)
    q /= np.linalg.norm(q, axis=-1, keepdims=True)
    r = xp.mech.quaternion_to_rot_mat(q)  # a NumPy array goes in through DLPack
    assert r.shape == (5, 3, 3) and r.backend == backend
    rt = np.from_dlpack(r)
    np.testing.assert_allclose(rt @ np.swapaxes(rt, -1, -2), np.broadcast_to(np.eye(3), (5, 3, 3)),
                               atol=1e-5)
    back = np.from_dlpack(xp.mech.rot_mat_to_quaternion(r))
    # q and -q are the same rotation
    np.testing.assert_allclose(np.abs(np.sum(back * q, -1)), np.ones(5), atol=1e-5)
    e = xp.mech.rot_mat_to_euler(r, convention="zyx")
    np.testing.assert_allclose(np.from_dlpack(xp.mech.euler_to_rot_mat(e, convention="zyx")), rt,
                               atol=1e-5)
    assert xp.mech.get_random_quaternion(batch_shape=(3,)).shape == (3, 4)


def test_execute_with_gradients_over_dict(backend):
    w = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    b = np.array([0.5, -1.0], np.float32)
    x = np.array([1.0, -2.0], np.float32)
    xs = {"w": xp.asarray(w), "b": xp.asarray(b)}

    def loss_fn(v):
        y = xp.matmul(v["w"], xp.asarray(x)) + v["b"]
        return xp.sum(y * y), y

    loss, grads, y = xp.execute_with_gradients(loss_fn, xs)
    ref_y = w @ x + b
    assert float(loss) == pytest.approx(float(ref_y @ ref_y), rel=1e-5)
    np.testing.assert_allclose(np.from_dlpack(grads["w"]), 2 * np.outer(ref_y, x), rtol=1e-5)
    np.testing.assert_allclose(np.from_dlpack(grads["b"]), 2 * ref_y, rtol=1e-5)
    np.testing.assert_allclose(np.from_dlpack(y), ref_y, rtol=1e-5)
    assert set(grads) == {"w", "b"}


def test_execute_with_gradients_propagates_python_errors(backend):
    def bad(v):
        raise KeyError("inside")

    # MLX's value_and_grad wraps what its function throws: UnsupportedError with the message.
    with pytest.raises((KeyError, xp.UnsupportedError), match="inside"):
        xp.execute_with_gradients(bad, {"a": xp.asarray([1.0])})
