"""The original Ivy's neural-network functions added in issue 13 (part B), from Python on every
backend, against NumPy or closed forms: gelu, layer_norm, scaled_dot_product_attention,
multi_head_attention, cross_entropy, sparse_cross_entropy, dropout and lstm_update."""
import math

import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

NAMES = ["gelu", "layer_norm", "scaled_dot_product_attention", "multi_head_attention",
         "cross_entropy", "sparse_cross_entropy", "dropout",
         "lstm_update"]
STEPS = ["gradient_descent_update", "optimizer_update", "lars_update", "adam_step",
         "adam_update", "lamb_update"]


def test_registered_and_bound_by_the_extension():
    registered = {name for name, _, _ in xp.registered_functions()}
    for name in NAMES:
        assert name in registered, name
        assert getattr(xp, name) is getattr(xp._ivycpp, name), name
    for name in STEPS:  # not registry functions: the optimizer steps of ivy/grad.hpp
        assert getattr(xp, name) is getattr(xp._ivycpp, name), name


def test_gelu(backend):
    x = np.array([-4.0, -1.0, -0.25, 0.0, 0.5, 2.0, 6.0], dtype=np.float32)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    assert_close(xp.gelu(xp.asarray(x)), exact, rtol=1e-5, atol=1e-6)
    xd = x.astype(np.float64)
    tanh_form = 0.5 * xd * (1 + np.tanh(np.sqrt(2 / np.pi) * (xd + 0.044715 * xd ** 3)))
    assert_close(xp.gelu(xp.asarray(x), approximate=True), tanh_form, rtol=1e-5, atol=1e-6)
    assert xp.gelu(xp.asarray(x)).dtype == xp.float32
    with pytest.raises(TypeError, match="gelu"):
        xp.gelu(xp.asarray(x), approximate="yes")


def test_layer_norm(backend):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 4)).astype(np.float32)
    scale = rng.uniform(0.5, 2.0, size=4).astype(np.float32)
    offset = rng.normal(size=4).astype(np.float32)
    xd = x.astype(np.float64)
    mu = xd.mean(axis=-1, keepdims=True)
    var = xd.var(axis=-1, keepdims=True)
    expected = (xd - mu) / np.sqrt(var + 1e-5) * scale + offset
    got = xp.layer_norm(xp.asarray(x), -1, scale=xp.asarray(scale), offset=xp.asarray(offset))
    assert_close(got, expected, rtol=1e-5, atol=1e-5)
    mu2 = xd.mean(axis=(1, 2), keepdims=True)
    var2 = xd.var(axis=(1, 2), keepdims=True)
    assert_close(xp.layer_norm(xp.asarray(x), [1, 2], epsilon=0.1),
                 (xd - mu2) / np.sqrt(var2 + 0.1), rtol=1e-5, atol=1e-5)
    with pytest.raises(xp.ShapeError, match=rf"layer_norm \[{backend}\]"):
        xp.layer_norm(xp.asarray(x), -1, scale=xp.asarray(np.ones(3, dtype=np.float32)))
    with pytest.raises(xp.ValueError, match="layer_norm"):
        xp.layer_norm(xp.asarray(x), [])
    with pytest.raises(xp.IndexError, match="layer_norm"):
        xp.layer_norm(xp.asarray(x), 3)
    with pytest.raises(TypeError, match="layer_norm"):
        xp.layer_norm(xp.asarray(x), -1, scale=[1.0, 2.0])


def _softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def test_scaled_dot_product_attention(backend):
    rng = np.random.default_rng(1)
    q, k, v = (rng.normal(size=s) for s in ([2, 3, 4], [2, 5, 4], [2, 5, 6]))
    mask = rng.random([2, 3, 5]) > 0.3
    mask[1, 2] = False
    sim = np.einsum("bqf,bkf->bqk", q, k) * 0.5
    sim_m = np.where(mask, sim, -np.finfo(np.float64).max)
    xq, xk, xv = (xp.asarray(t) for t in (q, k, v))
    assert_close(xp.scaled_dot_product_attention(xq, xk, xv, 0.5),
                 _softmax(sim) @ v, rtol=1e-10, atol=1e-12)
    got = xp.scaled_dot_product_attention(xq, xk, xv, 0.5, mask=xp.asarray(mask))
    assert_close(got, _softmax(sim_m) @ v, rtol=1e-10, atol=1e-12)
    with pytest.raises(xp.ShapeError, match=rf"scaled_dot_product_attention \[{backend}\]"):
        xp.scaled_dot_product_attention(xq, xv, xv, 0.5)
    with pytest.raises(xp.DTypeError, match="scaled_dot_product_attention"):
        xp.scaled_dot_product_attention(xq, xk, xv, 0.5, mask=xk)


def test_multi_head_attention_with_python_projections(backend):
    rng = np.random.default_rng(2)
    x, wq, wkv, wo = (rng.normal(size=s) for s in ([2, 3, 4], [4, 6], [4, 12], [6, 5]))
    heads = 3

    def split(t):
        b, n, hf = t.shape
        return t.reshape(b, n, heads, hf // heads).transpose(0, 2, 1, 3)

    q, kv = x @ wq, x @ wkv
    o = np.einsum("bhqk,bhkf->bhqf",
                  _softmax(np.einsum("bhqf,bhkf->bhqk", split(q), split(kv[..., :6])) * 0.4),
                  split(kv[..., 6:]))
    expected = o.transpose(0, 2, 1, 3).reshape(2, 3, 6) @ wo
    ax = xp.asarray(x)
    got = xp.multi_head_attention(ax, 0.4, heads, to_q_fn=lambda t: t @ xp.asarray(wq),
                                  to_kv_fn=lambda t: t @ xp.asarray(wkv),
                                  to_out_fn=lambda t: t @ xp.asarray(wo))
    assert_close(got, expected, rtol=1e-10, atol=1e-12)
    with pytest.raises(xp.ValueError, match="multi_head_attention"):
        xp.multi_head_attention(ax, 0.4, 0)
    with pytest.raises(TypeError, match="multi_head_attention"):
        xp.multi_head_attention(ax, 0.4, 2, to_q_fn=3)


def test_cross_entropy_and_sparse_cross_entropy(backend):
    rng = np.random.default_rng(3)
    logits = rng.normal(size=(4, 3))
    p = np.exp(logits) / np.exp(logits).sum(axis=0, keepdims=True)
    idx = np.array([0, 3, 2])
    t = np.eye(4)[idx].T  # classes on axis 0
    expected = -np.sum(t * np.log(np.clip(p, 1e-7, 1 - 1e-7)), axis=0)
    assert_close(xp.cross_entropy(xp.asarray(t), xp.asarray(p), axis=0), expected, rtol=1e-12)
    assert_close(xp.sparse_cross_entropy(xp.asarray(idx), xp.asarray(p), axis=0), expected,
                 rtol=1e-12)
    with pytest.raises(xp.IndexError, match=rf"sparse_cross_entropy \[{backend}\]"):
        xp.sparse_cross_entropy(xp.asarray(np.array([0, 4, 1])), xp.asarray(p), axis=0)
    with pytest.raises(xp.ShapeError, match="cross_entropy"):
        xp.cross_entropy(xp.asarray(t[:3]), xp.asarray(p), axis=0)


def test_dropout_statistics_and_scaling(backend):
    x = np.full([200, 100], 2.0, dtype=np.float32)
    xp.seed(5)
    y = to_np(xp.dropout(xp.asarray(x), 0.3))
    dropped = y == 0
    # 20000 draws: the fraction dropped is 0.3 within 5 standard deviations (0.016).
    assert abs(dropped.mean() - 0.3) < 0.016
    np.testing.assert_allclose(y[~dropped], 2.0 / 0.7, rtol=1e-6)
    xp.seed(5)
    again = to_np(xp.dropout(xp.asarray(x), 0.3))
    np.testing.assert_array_equal(y, again)  # the same seed, the same mask
    unscaled = to_np(xp.dropout(xp.asarray(x), 0.3, scale=False))
    assert set(np.unique(unscaled).tolist()) <= {0.0, 2.0}
    np.testing.assert_array_equal(to_np(xp.dropout(xp.asarray(x), 0.0)), x)
    np.testing.assert_array_equal(to_np(xp.dropout(xp.asarray(x), 1.0)), np.zeros_like(x))
    with pytest.raises(xp.ValueError, match=rf"dropout \[{backend}\]"):
        xp.dropout(xp.asarray(x), 1.5)


def test_lstm_update(backend):
    rng = np.random.default_rng(4)
    x, h0, c0 = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5)), rng.normal(size=(2, 5))
    k, rk, b = rng.normal(size=(4, 20)) * 0.5, rng.normal(size=(5, 20)) * 0.5, rng.normal(size=20)

    def sig(z):
        return 1 / (1 + np.exp(-z))

    h, c, hs = h0, c0, []
    for t in range(3):
        i, f, g, o = np.split(x[:, t] @ k + h @ rk + b, 4, axis=-1)
        c = sig(f) * c + sig(i) * np.tanh(g)
        h = sig(o) * np.tanh(c)
        hs.append(h)
    got_hs, got_c = xp.lstm_update(*(xp.asarray(t) for t in (x, h0, c0, k, rk)),
                                   bias=xp.asarray(b))
    assert_close(got_hs, np.stack(hs, axis=-2), rtol=1e-10, atol=1e-12)
    assert_close(got_c, c, rtol=1e-10, atol=1e-12)
    with pytest.raises(xp.ShapeError, match=rf"lstm_update \[{backend}\]"):
        xp.lstm_update(*(xp.asarray(t) for t in (x, h0, c0, rk, rk)))


def test_optimizer_steps_on_lists(backend):
    # NumPy values of the original formulas: w = [3, -1], g = [6, 2], mw = [1, 0.5],
    # vw = [4, 1], step 2, lr 0.1.
    w, g = xp.asarray(np.array([3.0, -1.0])), xp.asarray(np.array([6.0, 2.0]))
    mw, vw = xp.asarray(np.array([1.0, 0.5])), xp.asarray(np.array([4.0, 1.0]))
    eff, m, v = xp.adam_step([g], [mw], [vw], 2)
    assert_close(eff[0], [0.1757857002057777, 0.1527268569621372], rtol=1e-12)
    assert_close(m[0], [1.5, 0.65], rtol=1e-12)
    assert_close(xp.optimizer_update([w], [g], 0.1)[0], [2.4, -1.2], rtol=1e-12)
    assert_close(xp.gradient_descent_update([w], [g], 0.1)[0], [2.4, -1.2], rtol=1e-12)
    assert_close(xp.lars_update([w], [g], 0.1, decay_lambda=0.5)[0],
                 [2.8102633403899273, -1.0632455532033576], rtol=1e-12)
    ws, m, v = xp.lamb_update([w], [g], 0.1, [mw], [vw], 2)
    assert_close(ws[0], [2.8242142997942223, -1.1527268569621372], rtol=1e-12)
    ws, m, v = xp.adam_update([w], [g], 0.1, [mw], [vw], 2)
    assert_close(ws[0], np.array([3.0, -1.0]) - 0.1 * np.array([0.1757857002057777,
                                                                 0.1527268569621372]),
                 rtol=1e-12)
    with pytest.raises(xp.ValueError, match=rf"adam_step \[{backend}\]"):
        xp.adam_step([g], [mw], [vw], 0)
    with pytest.raises(TypeError, match="lars_update"):
        xp.lars_update(w, [g], 0.1)
