"""The stateful API from Python on every backend: the original's training idiom (paper Appendix
A: a Module subclass of layers, execute_with_gradients over its variables, an optimizer step)
reaching NumPy's least-squares optimum with SGD and with Adam; the layers against NumPy; the
losses; weights on disk; errors."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np


class Affine(xp.Module):
    """The paper's idiom: layers assigned in __init__, then Module.__init__ builds them."""

    def __init__(self, backend):
        self.linear = xp.Linear(3, 1)
        super().__init__(backend=backend)

    def _forward(self, x):
        return self.linear(x)


class Mlp(xp.Module):
    def __init__(self, backend):
        self.linear0 = xp.Linear(3, 8)
        self.linear1 = xp.Linear(8, 1)
        super().__init__(backend=backend)

    def _forward(self, x):
        return self.linear1(xp.tanh(self.linear0(x)))


def regression(n=64):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, 3))
    y = x @ np.array([[0.7], [-1.2], [2.0]]) - 0.4 + 0.05 * rng.standard_normal((n, 1))
    design = np.hstack([x, np.ones((n, 1))])
    best = np.mean((design @ np.linalg.lstsq(design, y, rcond=None)[0] - y) ** 2)
    return x.astype(np.float32), y.astype(np.float32), best


@pytest.mark.parametrize("make_optimizer,steps,slack", [
    (lambda: xp.SGD(0.1), 300, 1e-4), (lambda: xp.Adam(0.05), 1000, 1e-4)])
def test_training_idiom_reaches_least_squares(backend, make_optimizer, steps, slack):
    x, y, best = regression()
    xs, ys = xp.asarray(x), xp.asarray(y)
    model = Affine(backend)
    assert model.v.key_chains() == ["linear/b", "linear/w"]
    assert model.v["linear/w"].shape == (1, 3) and model.v["linear/w"].backend == backend
    optimizer = make_optimizer()

    def loss_fn(v):
        return xp.mean((model(xs, v=v) - ys) ** 2)

    for _ in range(steps):
        loss, grads = xp.execute_with_gradients(loss_fn, model.v)
        model.v = optimizer.step(model.v, grads)
    assert optimizer.step_count == steps
    assert float(loss_fn(model.v)) < best + slack


def test_module_call_is_a_function_of_v(backend):
    x = np.random.default_rng(2).standard_normal((5, 3)).astype(np.float32)
    model = Mlp(backend)
    v = model.v
    assert v.key_chains() == ["linear0/b", "linear0/w", "linear1/b", "linear1/w"]
    w0, b0 = to_np(v["linear0/w"]), to_np(v["linear0/b"])
    w1, b1 = to_np(v["linear1/w"]), to_np(v["linear1/b"])
    expected = np.tanh(x @ w0.T + b0) @ w1.T + b1
    assert_close(model(xp.asarray(x)), expected, rtol=1e-5, atol=1e-5)
    zeros = v.map(lambda a: xp.zeros_like(a))
    assert_close(model(xp.asarray(x), v=zeros), np.zeros((5, 1)))
    assert model.v.all_equal(v)  # the call with other variables left the model's alone
    # Gradients through the functional call match the closed form for the last bias: mean of 1.
    _, grads = xp.execute_with_gradients(lambda c: xp.mean(model(xp.asarray(x), v=c)), v)
    assert_close(grads["linear1/b"], [1.0])


def test_layers_against_numpy(backend):
    rng = np.random.default_rng(3)
    lin = xp.Linear(4, 2)
    lin.build(backend=backend)
    x = rng.standard_normal((3, 4)).astype(np.float32)
    w, b = to_np(lin.v["w"]), to_np(lin.v["b"])
    assert_close(lin(xp.asarray(x)), x @ w.T + b, rtol=1e-5, atol=1e-6)
    norm = xp.LayerNorm([4])
    got = norm(xp.asarray(x))
    mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
    assert_close(got, (x - mean) / np.sqrt(var + 1e-5), rtol=1e-4, atol=1e-5)
    drop = xp.Dropout(0.5)
    drop.eval()
    assert not drop.training
    assert_close(drop(xp.asarray(x)), x)
    conv = xp.Conv2D(2, 3, [3, 3])
    assert conv(xp.ones((1, 5, 5, 2))).shape == (1, 5, 5, 3)
    assert xp.Conv1D(2, 4, 3, padding="VALID")(xp.ones((1, 6, 2))).shape == (1, 4, 4)


def test_losses_against_numpy(backend):
    p = np.array([[0.2, 0.8], [0.6, 0.4]], dtype=np.float32)
    t = np.array([[0.0, 1.0], [1.0, 0.0]], dtype=np.float32)
    assert_close(xp.mean_squared_error(xp.asarray(p), xp.asarray(t)), np.mean((p - t) ** 2))
    assert_close(xp.mean_squared_error(xp.asarray(p), xp.asarray(t), reduction="none"),
                 (p - t) ** 2)
    assert_close(xp.categorical_cross_entropy(xp.asarray(p), xp.asarray(t), reduction="sum"),
                 -np.sum(t * np.log(p)), rtol=1e-5)
    z = np.array([[1.0, 2.0, 0.5]], dtype=np.float32)
    log_softmax = z - np.log(np.sum(np.exp(z)))
    labels = np.array([[0.0, 1.0, 0.0]], dtype=np.float32)
    assert_close(xp.categorical_cross_entropy_from_logits(xp.asarray(z), xp.asarray(labels)),
                 -log_softmax[0, 1], rtol=1e-5)
    with pytest.raises(ValueError, match="reduction"):
        xp.mean_squared_error(xp.asarray(p), xp.asarray(t), reduction="max")


def test_weights_on_disk_and_errors(backend, tmp_path):
    model = Mlp(backend)
    path = str(tmp_path / "w.h5")
    model.save_weights(path)
    other = Mlp(backend)
    other.load_weights(path)
    assert other.v.allclose(model.v)
    with pytest.raises(xp.ShapeError):
        model.v = xp.Container({"linear0": model.v["linear0"]})
    with pytest.raises(xp.ShapeError):
        model.linear0.v = xp.Container({"w": xp.zeros((2, 2)), "b": xp.zeros(8)})
    with pytest.raises(TypeError):
        xp.Linear("3", 1)
    with pytest.raises(NotImplementedError):
        xp.Module()(xp.ones(1))


def test_binary_cross_entropy_per_item_or_reduced(backend):
    p = np.array([0.9, 0.2, 0.6], dtype=np.float32)
    t = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    per_item = -(t * np.log(p) + (1 - t) * np.log(1 - p))
    assert_close(xp.binary_cross_entropy(xp.asarray(p), xp.asarray(t)), per_item, rtol=1e-5)
    assert_close(xp.binary_cross_entropy(xp.asarray(p), xp.asarray(t), reduction="mean"),
                 per_item.mean(), rtol=1e-5)
    assert_close(xp.binary_cross_entropy(xp.asarray(p), xp.asarray(t), reduction="sum"),
                 per_item.sum(), rtol=1e-5)


def numpy_lstm(x, w, u, b, h, c):
    """The original's lstm_update: gates i, f, g, o from x_t w + h u + b."""
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    hs = []
    for t in range(x.shape[-2]):
        i, f, g, o = np.split(x[..., t, :] @ w + h @ u + b, 4, axis=-1)
        c = sig(f) * c + sig(i) * np.tanh(g)
        h = sig(o) * np.tanh(c)
        hs.append(h)
    return np.stack(hs, axis=-2), h, c


def test_lstm_and_conv2d_transpose_against_numpy(backend):
    rng = np.random.default_rng(4)
    x = rng.standard_normal((2, 5, 3)).astype(np.float32)
    lstm = xp.LSTM(3, 4)
    lstm.build(backend=backend)
    v = lstm.v
    assert v.key_chains() == ["input/layer_0/b", "input/layer_0/w", "recurrent/layer_0/w"]
    w, u, b = (to_np(v[k]) for k in ["input/layer_0/w", "recurrent/layer_0/w", "input/layer_0/b"])
    zeros = np.zeros((2, 4), dtype=np.float32)
    hs, h, c = numpy_lstm(x, w, u, b, zeros, zeros)
    assert_close(lstm(xp.asarray(x)), hs, rtol=1e-4, atol=1e-5)
    got_hs, (got_h, got_c) = lstm.forward_with_state(xp.asarray(x))
    assert_close(got_hs, hs, rtol=1e-4, atol=1e-5)
    assert_close(got_h[0], h, rtol=1e-4, atol=1e-5)
    assert_close(got_c[0], c, rtol=1e-4, atol=1e-5)
    h0 = rng.standard_normal((2, 4)).astype(np.float32)
    hs2, _, _ = numpy_lstm(x, w, u, b, h0, zeros)
    got2, _ = lstm.forward_with_state(xp.asarray(x), initial=([xp.asarray(h0)],
                                                              [xp.asarray(zeros)]))
    assert_close(got2, hs2, rtol=1e-4, atol=1e-5)
    with pytest.raises(TypeError, match="initial"):
        lstm.forward_with_state(xp.asarray(x), initial=[xp.asarray(h0)])
    up = xp.Conv2DTranspose(2, 3, [3, 3], strides=2)
    assert up(xp.ones((1, 4, 4, 2))).shape == (1, 8, 8, 3)
