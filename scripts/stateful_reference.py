#!/usr/bin/env python3
"""Writes tests/data/stateful/reference.json: NumPy reference values for the stateful API tests
(tests/props/stateful_*.cpp). Each entry holds small fixed inputs and weights (random, rounded)
and the outputs that NumPy computes for them with the formulas written out below.

The file lives in a subdirectory so that the conformance runner (which reads tests/data/*.json)
does not take it for a fixture family. Run: python3 scripts/stateful_reference.py
"""
import json
import pathlib

import numpy as np

RNG = np.random.default_rng(20211)


def arr(shape, scale=1.0):
    return np.round(RNG.uniform(-scale, scale, size=shape), 3)


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": a.ravel().tolist()}


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def same_pad(size, k, s, d):
    """TensorFlow's SAME padding: (before, after, output size)."""
    kd = (k - 1) * d + 1
    out = -(-size // s)
    total = max((out - 1) * s + kd - size, 0)
    return total // 2, total - total // 2, out


def conv_nd(x, w, strides, padding, dilations):
    """Channel-last cross-correlation: x [B, *S, Cin], w [*K, Cin, Cout]."""
    nsp = x.ndim - 2
    pads, outs = [], []
    for i in range(nsp):
        k, s, d, n = w.shape[i], strides[i], dilations[i], x.shape[1 + i]
        if padding == "SAME":
            lo, hi, o = same_pad(n, k, s, d)
        else:
            lo, hi, o = 0, 0, (n - ((k - 1) * d + 1)) // s + 1
        pads.append((lo, hi))
        outs.append(o)
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    y = np.zeros([x.shape[0]] + outs + [w.shape[-1]])
    for o in np.ndindex(*outs):
        for kk in np.ndindex(*w.shape[:nsp]):
            idx = tuple(o[i] * strides[i] + kk[i] * dilations[i] for i in range(nsp))
            y[(slice(None),) + o] += xp[(slice(None),) + idx] @ w[kk]
    return y


def conv2d_transpose(x, w, s, padding):
    """tf.nn.conv2d_transpose (the adjoint of conv2d): x [B, H, W, Cin], w [fh, fw, Cout, Cin]."""
    b, h, wd, _ = x.shape
    fh, fw, cout, _ = w.shape
    if padding == "SAME":
        oh, ow = h * s, wd * s
        pt = same_pad(oh, fh, s, 1)[0]
        pl = same_pad(ow, fw, s, 1)[0]
    else:
        oh, ow = h * s + max(fh - s, 0), wd * s + max(fw - s, 0)
        pt = pl = 0
    y = np.zeros((b, oh, ow, cout))
    for i in range(h):
        for j in range(wd):
            for a in range(fh):
                for c in range(fw):
                    oi, oj = i * s + a - pt, j * s + c - pl
                    if 0 <= oi < oh and 0 <= oj < ow:
                        y[:, oi, oj, :] += x[:, i, j, :] @ w[a, c].T
    return y


def lstm_layer(x, h, c, kernel, recurrent, bias):
    """The original ivy.lstm_update, gate order i, f, g, o."""
    hs = []
    for t in range(x.shape[-2]):
        z = x[..., t, :] @ kernel + bias + h @ recurrent
        i, f, g, o = np.split(z, 4, axis=-1)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        hs.append(h)
    return np.stack(hs, -2), h, c


def linear_case():
    x, w, b = arr((2, 3)), arr((4, 3)), arr((4,))
    return {"x": enc(x), "w": enc(w), "b": enc(b), "y": enc(x @ w.T + b), "y_nobias": enc(x @ w.T)}


def mlp_case():
    x = arr((5, 3))
    w0, b0, w1, b1 = arr((4, 3)), arr((4,)), arr((2, 4)), arr((2,))
    y = np.maximum(x @ w0.T + b0, 0) @ w1.T + b1
    return {"x": enc(x), "w0": enc(w0), "b0": enc(b0), "w1": enc(w1), "b1": enc(b1), "y": enc(y)}


def conv_cases():
    out = {}
    x1, w1, b1 = arr((2, 7, 2)), arr((3, 2, 3)), arr((3,))
    for pad, s, d in [("SAME", 1, 1), ("VALID", 2, 1), ("SAME", 1, 2)]:
        out[f"conv1d_{pad}_{s}_{d}"] = {
            "x": enc(x1), "w": enc(w1), "b": enc(b1), "strides": s, "padding": pad, "dilations": d,
            "y": enc(conv_nd(x1, w1, [s], pad, [d]) + b1)}
    x2, w2, b2 = arr((2, 5, 4, 2)), arr((3, 2, 2, 3)), arr((3,))
    for pad, s in [("SAME", 1), ("VALID", 2), ("SAME", 2)]:
        out[f"conv2d_{pad}_{s}"] = {
            "x": enc(x2), "w": enc(w2), "b": enc(b2), "strides": s, "padding": pad, "dilations": 1,
            "y": enc(conv_nd(x2, w2, [s, s], pad, [1, 1]) + b2)}
    x3, w3, b3 = arr((2, 3, 2, 2)), arr((3, 3, 4, 2)), arr((4,))
    for pad, s in [("SAME", 2), ("VALID", 2), ("SAME", 1)]:
        out[f"conv2d_transpose_{pad}_{s}"] = {
            "x": enc(x3), "w": enc(w3), "b": enc(b3), "strides": s, "padding": pad,
            "y": enc(conv2d_transpose(x3, w3, s, pad) + b3)}
    return out


def lstm_cases():
    out = {}
    x = arr((2, 4, 3))
    hidden = 2
    k0, r0, b0 = arr((3, 4 * hidden)), arr((hidden, 4 * hidden)), arr((4 * hidden,))
    k1, r1, b1 = arr((hidden, 4 * hidden)), arr((hidden, 4 * hidden)), arr((4 * hidden,))
    zeros = np.zeros((2, hidden))
    hs, h, c = lstm_layer(x, zeros, zeros, k0, r0, b0)
    out["one_layer"] = {"x": enc(x), "k0": enc(k0), "r0": enc(r0), "b0": enc(b0),
                        "hs": enc(hs), "h": enc(h), "c": enc(c)}
    h_init, c_init = arr((2, hidden)), arr((2, hidden))
    hs, h, c = lstm_layer(x, h_init, c_init, k0, r0, np.zeros(4 * hidden))
    out["no_bias_initial_state"] = {"x": enc(x), "k0": enc(k0), "r0": enc(r0),
                                    "h_init": enc(h_init), "c_init": enc(c_init),
                                    "hs": enc(hs), "h": enc(h), "c": enc(c)}
    hs0, h0, c0 = lstm_layer(x, zeros, zeros, k0, r0, b0)
    hs1, h1, c1 = lstm_layer(hs0, zeros, zeros, k1, r1, b1)
    out["two_layers"] = {"x": enc(x), "k0": enc(k0), "r0": enc(r0), "b0": enc(b0), "k1": enc(k1),
                         "r1": enc(r1), "b1": enc(b1), "hs": enc(hs1), "h0": enc(h0),
                         "c0": enc(c0), "h1": enc(h1), "c1": enc(c1)}
    return out


def layer_norm_case():
    x = arr((2, 3, 4), 3.0)
    w, b = arr((3, 4)), arr((3, 4))
    mu = x.mean(axis=(-2, -1), keepdims=True)
    var = x.var(axis=(-2, -1), keepdims=True)
    return {"x": enc(x), "w": enc(w), "b": enc(b), "eps": 1e-5,
            "y": enc((x - mu) / np.sqrt(var + 1e-5) * w + b)}


def loss_cases():
    p = np.round(RNG.uniform(0.01, 0.99, size=(3, 4)), 3)
    t = np.round(RNG.uniform(0, 1, size=(3, 4)), 3)
    pred, target = arr((3, 4)), arr((3, 4))
    eps = 1e-7
    pc = np.clip(p, eps, 1 - eps)
    bce = -(t * np.log(pc) + (1 - t) * np.log(1 - pc))
    probs = np.abs(arr((3, 4))) + 0.05
    probs /= probs.sum(-1, keepdims=True)
    labels = np.array([2, 0, 3])
    onehot = np.eye(4)[labels]
    cce = -np.sum(onehot * np.log(np.clip(probs, eps, 1 - eps)), -1)
    logits = arr((3, 4), 4.0)
    log_sm = logits - logits.max(-1, keepdims=True)
    log_sm = log_sm - np.log(np.exp(log_sm).sum(-1, keepdims=True))
    cce_logits = -np.sum(onehot * log_sm, -1)
    return {"pred": enc(pred), "target": enc(target), "mse": enc((pred - target) ** 2),
            "p": enc(p), "t": enc(t), "bce": enc(bce),
            "probs": enc(probs), "labels": labels.tolist(), "onehot": enc(onehot),
            "cce": enc(cce), "logits": enc(logits), "cce_logits": enc(cce_logits)}


def adam_case():
    """Three steps of the original Adam (first moments g and g^2, step counted from 1)."""
    w0 = arr((2, 3))
    w = w0.copy()
    grads = [arr((2, 3)) for _ in range(3)]
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-7
    mw, vw = grads[0].copy(), grads[0] ** 2
    ws = []
    for t, g in enumerate(grads, start=1):
        mw = b1 * mw + (1 - b1) * g
        vw = b2 * vw + (1 - b2) * g ** 2
        alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t + eps)
        w = w - alpha * mw / (np.sqrt(vw) + eps)
        ws.append(enc(w))
    return {"w0": enc(w0), "grads": [enc(g) for g in grads], "ws": ws, "lr": lr}


def main():
    ref = {"linear": linear_case(), "mlp": mlp_case(), "conv": conv_cases(),
           "lstm": lstm_cases(), "layer_norm": layer_norm_case(), "losses": loss_cases(),
           "adam": adam_case()}
    path = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "stateful" / "reference.json"
    path.write_text(json.dumps(ref, separators=(",", ":"), allow_nan=False) + "\n")
    print(f"{path}: written")


if __name__ == "__main__":
    main()
