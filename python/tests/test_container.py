"""ivycpp.Container on every backend, against NumPy and closed forms: construction from nested
dicts, key chains and attribute access, leaf-wise arithmetic and reductions, map and pruning,
HDF5 files (read back with h5py), errors; execute_with_gradients and the optimizer steps over
Containers; and the original's training idiom (paper Appendix A) on a Container of variables."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

W = np.array([[1.0, -2.0], [0.5, 3.0]], dtype=np.float32)
B = np.array([0.25, -1.0], dtype=np.float32)


def tree():
    return xp.Container({"layer": {"w": xp.asarray(W), "b": xp.asarray(B)}, "lr": 0.5})


def test_key_chains_and_attribute_access(backend):
    c = tree()
    assert c.keys() == ["layer", "lr"] and list(c) == ["layer", "lr"] and len(c) == 2
    assert c.key_chains() == ["layer/b", "layer/w", "lr"]
    assert "layer/w" in c and "layer/x" not in c and c.has_key_chain("lr")
    assert_close(c["layer/w"], W)
    assert_close(c.layer.b, B)
    assert c.lr == 0.5 and isinstance(c["lr"], float)
    assert isinstance(c["layer"], xp.Container)
    c["layer/extra/z"] = xp.zeros(3)
    assert c.key_chains() == ["layer/b", "layer/extra/z", "layer/w", "lr"]
    d = c.to_dict()
    assert set(d["layer"]) == {"b", "extra", "w"} and d["lr"] == 0.5
    assert_close(d["layer"]["extra"]["z"], np.zeros(3))
    assert c.prune_key_chain("layer/extra").key_chains() == ["layer/b", "layer/w", "lr"]
    assert c.prune_key_chains(["lr", "layer/w"]).key_chains() == ["layer/b", "layer/extra/z"]


def test_leafwise_arithmetic_and_reductions(backend):
    c = xp.Container({"w": xp.asarray(W), "b": xp.asarray(B)})
    assert_close((c + 1)["w"], W + 1)
    assert_close((2 - c)["b"], 2 - B)
    assert_close((c * c)["w"], W * W)
    assert_close((c / xp.asarray(np.array(4.0, dtype=np.float32)))["w"], W / 4)
    assert_close((c ** 2)["b"], B ** 2)
    assert_close((-c)["w"], -W)
    assert_close(c.sum()["w"], np.sum(W))
    assert_close(c.mean(axis=0)["w"], np.mean(W, axis=0))
    assert_close(c.max(axis=-1, keepdims=True)["w"], np.max(W, axis=-1, keepdims=True))
    assert_close(c.map(lambda a: xp.exp(a))["b"], np.exp(B))
    assert (c + 0).all_equal(c) and c.allclose(c + 1e-9) and not c.allclose(c + 1)
    assert c.astype(xp.float64)["w"].dtype == xp.float64


def test_hdf5_round_trip_read_back_with_h5py(backend, tmp_path):
    h5py = pytest.importorskip("h5py")
    path = str(tmp_path / "c.h5")
    tree().to_disk_as_hdf5(path)
    with h5py.File(path, "r") as f:
        np.testing.assert_array_equal(f["layer/w"][()], W)
        np.testing.assert_array_equal(f["layer/b"][()], B)
    back = xp.Container.from_disk_as_hdf5(path, backend=backend)
    assert back.key_chains() == ["layer/b", "layer/w", "lr"]
    assert back["layer/w"].backend == backend
    assert_close(back["layer/w"], W)
    assert back.lr == 0.5


def test_errors(backend):
    c = tree()
    with pytest.raises(KeyError, match="layer/nope"):
        c["layer/nope"]
    with pytest.raises(KeyError, match="nope"):
        c.prune_key_chain("nope")
    with pytest.raises(AttributeError, match="nope"):
        c.nope
    with pytest.raises(TypeError, match="Container"):
        xp.Container({"a": object()})
    with pytest.raises(TypeError, match="Container"):
        xp.Container({1: xp.ones(2)})
    with pytest.raises(xp.ShapeError):
        xp.Container({"a": xp.ones(2)}) + xp.Container({"b": xp.ones(2)})
    with pytest.raises(xp.IOError):
        xp.Container.from_disk_as_hdf5("/nonexistent/file.h5")


def test_gradients_and_optimizer_steps_over_containers(backend):
    v = xp.Container({"w": xp.asarray(W), "b": xp.asarray(B)})
    loss, grads = xp.execute_with_gradients(
        lambda c: xp.sum(c["w"] ** 2) + 3 * xp.sum(c["b"]), v)
    assert_close(loss, np.sum(W ** 2) + 3 * np.sum(B))
    assert isinstance(grads, xp.Container) and grads.key_chains() == ["b", "w"]
    assert_close(grads["w"], 2 * W)
    assert_close(grads["b"], np.full(2, 3.0))
    new = xp.gradient_descent_update(v, grads, 0.1)
    assert_close(new["w"], W - 0.1 * 2 * W)
    # The original's adam_update test: w = 3, g = 6, lr = 0.1, step 1, mw = g, vw = g^2.
    one = lambda x: xp.Container({"w": xp.asarray(np.array([x], dtype=np.float32))})  # noqa: E731
    ws, mw, vw = xp.adam_update(one(3.0), one(6.0), 0.1, one(6.0), one(36.0), 1)
    assert_close(ws["w"], [2.96837726], rtol=1e-6)
    lw, _, _ = xp.adam_update([xp.asarray(np.array([3.0], dtype=np.float32))],
                              [xp.asarray(np.array([6.0], dtype=np.float32))], 0.1,
                              [xp.asarray(np.array([6.0], dtype=np.float32))],
                              [xp.asarray(np.array([36.0], dtype=np.float32))], 1)
    assert_close(ws["w"], to_np(lw[0]))
    with pytest.raises(xp.ValueError):
        xp.gradient_descent_update(v, xp.Container({"w": xp.ones((2, 2))}), 0.1)


def test_training_idiom_reaches_the_least_squares_optimum(backend):
    # Paper Appendix A: variables in a Container, execute_with_gradients, an optimizer step.
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 3))
    y = x @ np.array([[1.5], [-2.0], [0.5]]) + 0.3 + 0.05 * rng.standard_normal((64, 1))
    design = np.hstack([x, np.ones((64, 1))])
    best = np.mean((design @ np.linalg.lstsq(design, y, rcond=None)[0] - y) ** 2)
    xs, ys = xp.asarray(x.astype(np.float32)), xp.asarray(y.astype(np.float32))
    v = xp.Container({"w": xp.zeros((3, 1)), "b": xp.zeros((1,))})

    def loss_fn(c):
        return xp.mean((xs @ c["w"] + c["b"] - ys) ** 2)

    for _ in range(300):
        loss, grads = xp.execute_with_gradients(loss_fn, v)
        v = xp.gradient_descent_update(v, grads, 0.1)
    assert float(loss_fn(v)) < best + 1e-4
    mw = v.map(lambda a: xp.zeros_like(a))
    vw = v.map(lambda a: xp.zeros_like(a))
    v = xp.Container({"w": xp.zeros((3, 1)), "b": xp.zeros((1,))})
    for step in range(1, 401):
        loss, grads = xp.execute_with_gradients(loss_fn, v)
        v, mw, vw = xp.adam_update(v, grads, 0.05, mw, vw, step)
    assert float(loss_fn(v)) < best + 1e-3
