"""ivycpp.vision implicit-rendering helpers against NumPy: the positional encoding, occupancy and
termination probabilities (brute-force products, the exponential transmittance of a constant
density), renderings with their variance, stratified samples in their strata, sampled images,
rendering an implicit function (a density slab) from Python callables, and the typed errors,
on every backend."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import to_np

from vision_cases import V, close


def test_positional_encoding(backend):
    x = np.array([[0.1, -0.35, 0.7], [1.2, 0.0, -0.05]], np.float32)
    f = 2.0 ** np.arange(3)
    a = np.pi * x[..., None] * f
    want = np.concatenate([x[..., None], np.sin(a), np.cos(a)], -1).reshape(2, 21)
    close(V.positional_encoding(x, 3), want, 1e-3)
    a = np.pi * x[..., None] * np.array([1, 2.5, 4])
    want = np.concatenate([x[..., None], np.sin(a), np.cos(a)], -1).reshape(2, 21)
    close(V.positional_encoding(x, num_bands=3, max_freq=8.0, linear=True), want, 1e-3)
    with pytest.raises(ValueError, match="num_bands"):
        V.positional_encoding(x, -1)


def termination_ref(s, d):
    occ = 1 - np.exp(-s * d)
    trans = np.concatenate([np.ones_like(occ[..., :1]), np.cumprod(1 - occ, -1)[..., :-1]], -1)
    return occ * trans


def test_occupancy_and_termination(backend):
    s = np.array([[0.3, 2.4, 0.4], [0.2, 0.7, 0.4], [0.1, 0.3, 1.2]], np.float32)
    d = np.array([[1, 1, 1], [0.5, 0.5, 0.5], [2, 1, 1]], np.float32)
    close(V.sampled_volume_density_to_occupancy_probability(s, d), 1 - np.exp(-s * d))
    close(V.ray_termination_probabilities(s, d), termination_ref(s.astype(np.float64), d))
    # Constant density: w_i = (1 - e^{-s d}) e^{-i s d}.
    i = np.arange(12)
    close(V.ray_termination_probabilities(np.full((12,), 0.8, np.float32),
                                          np.full((12,), 0.25, np.float32)),
          (1 - np.exp(-0.2)) * np.exp(-0.2 * i))
    with pytest.raises(xp.ShapeError, match="same shape"):
        V.ray_termination_probabilities(s, d[:2])


def test_render_rays(backend):
    rng = np.random.default_rng(0)
    w = rng.uniform(0, 0.4, (2, 3, 5)).astype(np.float32)
    f = rng.uniform(0, 1, (2, 3, 5, 4)).astype(np.float32)
    mean = (w[..., None] * f).sum(-2)
    var = (w[..., None] * (f - mean[..., None, :]) ** 2).sum(-2)
    close(V.render_rays_via_termination_probabilities(w, f), mean)
    m, v = V.render_rays_via_termination_probabilities(w, f, render_variance=True)
    close(m, mean)
    close(v, var)
    # A density step at depth 2: the rendered depth is the first sample past it.
    z = np.array([0.5, 1.0, 1.5, 1.9, 2.1, 2.6, 3.0], np.float32)
    dist = np.append(np.diff(z), 1e10).astype(np.float32)
    w = V.ray_termination_probabilities(np.where(z >= 2, 1e4, 0).astype(np.float32), dist)
    close(V.render_rays_via_termination_probabilities(w, z[:, None]), [2.1])
    with pytest.raises(xp.ShapeError, match="without its last axis"):
        V.render_rays_via_termination_probabilities(w, z[None, :, None])


def test_stratified_sample(backend):
    starts = np.array([[0, 1, 2], [-3, 0.5, 4]], np.float32)
    ends = np.array([[10, 21, 7], [-1, 0.6, 8]], np.float32)
    xp.seed(4)
    s = to_np(V.stratified_sample(starts, ends, 10))
    assert s.shape == (2, 3, 10)
    lo = starts[..., None] + np.arange(10) * ((ends - starts) / 10)[..., None]
    hi = starts[..., None] + np.arange(1, 11) * ((ends - starts) / 10)[..., None]
    assert np.all(s >= lo - 1e-5) and np.all(s <= hi + 1e-4)
    assert np.all(np.diff(s, axis=-1) >= 0)
    xp.seed(4)
    close(V.stratified_sample(starts, ends, 10), s)
    with pytest.raises(ValueError, match="num_samples"):
        V.stratified_sample(starts, ends, 0)


def test_sample_images(backend):
    ys, xs = np.meshgrid(np.arange(4), np.arange(6), indexing="ij")
    img0 = np.stack([np.stack([xs, ys, np.full_like(xs, b)], -1) for b in range(2)]).astype(
        np.float32)
    img1 = (100 * img0[..., 2:] + 10 * img0[..., 1:2] + img0[..., :1]).astype(np.float32)
    a, c = V.sample_images([img0, img1], 6)
    a, c = to_np(a), to_np(c)
    assert a.shape == (2, 6, 3) and c.shape == (2, 6, 1)
    np.testing.assert_array_equal(a[..., 2], np.repeat([[0], [1]], 6, 1))
    np.testing.assert_array_equal(c[..., 0], 100 * a[..., 2] + 10 * a[..., 1] + a[..., 0])
    col, row = np.arange(6) % 3, np.arange(6) // 3
    assert np.all(np.abs(a[..., 0] - (2 * col + 0.5)) <= 1.5)
    assert np.all(np.abs(a[..., 1] - (2 * row + 0.5)) <= 1.5)
    with pytest.raises(xp.ShapeError, match="like the first image"):
        V.sample_images([img0, img1[:1]], 6)


O = np.array([[0, 0, 0], [0.5, -0.2, 0.4]], np.float32)
D = np.array([[[0, 0, 1], [0.3, -0.2, 1.1], [-0.1, 0.2, 0.8]],
              [[0, 0, 1.5], [0.2, 0.1, 0.9], [0, -0.3, 1.0]]], np.float32)
NEAR = np.array([[0.5, 0.3, 1.0], [0.1, 0.2, 0.3]], np.float32)
FAR = np.array([[4, 3.5, 5], [2.5, 4, 3.8]], np.float32)


def slab_feats(p):
    return np.stack([0.5 + 0.25 * np.sin(p[..., 0]), 0.5 + 0.25 * np.cos(p[..., 1]),
                     p[..., 2] / 10, np.full_like(p[..., 0], 1.5)], -1)


def test_render_implicit_features_and_depth(backend):
    seen = {}

    def network(pts, feats, timestamps):
        p = to_np(pts)
        seen["pts"], seen["feats"], seen["ts"] = p, feats, timestamps
        return slab_feats(p).astype(np.float32), np.where(p[..., 2] >= 2, 50, 0).astype(np.float32)

    feats, feats_var, depth, depth_var = V.render_implicit_features_and_depth(
        network, O, D, NEAR, FAR, 32, timestamps=np.array([[0.5], [1.5]], np.float32),
        render_variance=True, inter_feat_fn=lambda p: p * p)
    p = seen["pts"].astype(np.float64)
    assert p.shape == (2, 3, 32, 3)
    close(seen["feats"], p ** 2)
    close(seen["ts"], [[0.5], [1.5]])
    # NumPy reference from the points the network saw.
    t = (p[..., 2] - O[:, None, None, 2]) / D[..., None, 2]
    dist = np.concatenate([np.diff(t, axis=-1), 1e10 - t[..., -1:]], -1)
    w = termination_ref(np.where(p[..., 2] >= 2, 50.0, 0.0), dist)
    f = slab_feats(p)
    m = (w[..., None] * f).sum(-2)
    close(feats, np.clip(m, 0, 1), 1e-3)
    close(feats_var, (w[..., None] * (f - m[..., None, :]) ** 2).sum(-2), 1e-3)
    md = (w * t).sum(-1)
    close(depth, md[..., None], 1e-3)
    close(depth_var, (w * (t - md[..., None]) ** 2).sum(-1)[..., None], 1e-2)
    face = (2 - O[:, None, 2]) / D[..., 2]
    assert np.all(to_np(depth)[..., 0] >= face - 1e-3)
    assert np.all(to_np(depth)[..., 0] <= face + 2 * (FAR - NEAR) / 32 + 0.1)
    (only_depth,) = V.render_implicit_features_and_depth(network, O, D, NEAR, FAR, 8,
                                                         render_feats=False)
    assert to_np(only_depth).shape == (2, 3, 1) and seen["feats"] is None and seen["ts"] is None


def test_render_implicit_errors(backend):
    def network(pts, feats, timestamps):
        p = to_np(pts)
        return slab_feats(p).astype(np.float32), np.zeros(p.shape[:-1] + (2,), np.float32)

    with pytest.raises(xp.ShapeError, match="densities"):
        V.render_implicit_features_and_depth(network, O, D, NEAR, FAR, 4)
    with pytest.raises(xp.ShapeError, match="must lead"):
        V.render_implicit_features_and_depth(network, O[:1], D, NEAR, FAR, 4)
    with pytest.raises(ValueError, match="samples_per_ray"):
        V.render_implicit_features_and_depth(network, O, D, NEAR, FAR, 0)
    with pytest.raises(TypeError, match="pair"):
        V.render_implicit_features_and_depth(lambda p, f, t: p, O, D, NEAR, FAR, 4)
    with pytest.raises(RuntimeError, match="boom"):
        V.render_implicit_features_and_depth(
            lambda p, f, t: (_ for _ in ()).throw(RuntimeError("boom")), O, D, NEAR, FAR, 4)
