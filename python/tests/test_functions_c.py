"""The original Ivy's functions added in issue 13 (part C), from Python on every backend, against
NumPy, closed forms and adjoint identities: conv1d_transpose, conv3d_transpose,
depthwise_conv2d, binary_cross_entropy and random_crop."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import BACKENDS, assert_close, to_np

NAMES = ["conv1d_transpose", "conv3d_transpose", "depthwise_conv2d", "binary_cross_entropy",
         "random_crop"]


def test_registered_and_bound_by_the_extension():
    registered = {name: diff for name, _, diff in xp.registered_functions()}
    for name in NAMES:
        assert registered.get(name) is True, name
        assert getattr(xp, name) is getattr(xp._ivycpp, name), name


def conv1d_transpose_ref(x, w, s, out, before=0):
    """Scatter reference: x [B, W, Cin], w [k, Cout, Cin]."""
    y = np.zeros((x.shape[0], out, w.shape[1]))
    for i in range(x.shape[1]):
        for t in range(w.shape[0]):
            o = i * s + t - before
            if 0 <= o < out:
                y[:, o] += x[:, i] @ w[t].T
    return y


def test_conv1d_transpose(backend):
    rng = np.random.default_rng(1)
    x, w = rng.normal(size=(2, 5, 3)), rng.normal(size=(3, 4, 3))
    # VALID, stride 2: (5 - 1) * 2 + 3 = 11 outputs; SAME: 10, of the 1 padding 0 before.
    got = xp.conv1d_transpose(xp.asarray(x), xp.asarray(w), 2, "VALID")
    assert_close(got, conv1d_transpose_ref(x, w, 2, 11), rtol=1e-10, atol=1e-12)
    got = xp.conv1d_transpose(xp.asarray(x), xp.asarray(w), 2, "SAME")
    assert_close(got, conv1d_transpose_ref(x, w, 2, 10), rtol=1e-10, atol=1e-12)
    # NCW and the whole output shape; an output size conv1d does not map back is an error.
    xf = np.moveaxis(x, -1, 1)
    got = xp.conv1d_transpose(xp.asarray(xf), xp.asarray(w), 2, "SAME", output_shape=[2, 4, 10],
                              data_format="NCW")
    assert_close(got, np.moveaxis(conv1d_transpose_ref(x, w, 2, 10), -1, 1), rtol=1e-10,
                 atol=1e-12)
    with pytest.raises(xp.ShapeError, match=rf"conv1d_transpose \[{backend}\]"):
        xp.conv1d_transpose(xp.asarray(x), xp.asarray(w), 2, "SAME", output_shape=[12])
    with pytest.raises(xp.ShapeError, match="conv1d_transpose"):
        xp.conv1d_transpose(xp.asarray(x), xp.asarray(w[:, :, :2]), 2, "SAME")
    with pytest.raises(TypeError, match="conv1d_transpose"):
        xp.conv1d_transpose(xp.asarray(x), xp.asarray(w), 2, "SAME", output_shape="10")


def test_conv3d_transpose_is_the_adjoint_of_conv3d(backend):
    # <conv3d(a, w), b> == <a, conv3d_transpose(b, w)> for filters w [k.., C_a, C_b].
    rng = np.random.default_rng(2)
    w = rng.normal(size=(2, 3, 2, 3, 2))
    b = rng.normal(size=(1, 2, 3, 2, 2))
    t = xp.conv3d_transpose(xp.asarray(b), xp.asarray(w), 2, "SAME", dilations=1)
    assert t.shape == (1, 4, 6, 4, 3)
    a = rng.normal(size=t.shape)
    lhs = np.sum(to_np(xp.conv3d(xp.asarray(a), xp.asarray(w), 2, "SAME")) * b)
    rhs = np.sum(a * to_np(t))
    assert abs(lhs - rhs) < 1e-9 * max(1.0, abs(lhs))
    assert xp.conv3d_transpose(xp.asarray(b), xp.asarray(w), [1, 2, 1], "VALID",
                               output_shape=[3, 8, 3]).shape == (1, 3, 8, 3, 3)
    with pytest.raises(xp.ValueError, match=rf"conv3d_transpose \[{backend}\]"):
        xp.conv3d_transpose(xp.asarray(b), xp.asarray(w), 2, "SAME", data_format="NHWC")
    with pytest.raises(xp.ShapeError, match="conv3d_transpose"):
        xp.conv3d_transpose(xp.asarray(b[0]), xp.asarray(w), 2, "SAME")


def test_depthwise_conv2d(backend):
    rng = np.random.default_rng(3)
    x, w = rng.normal(size=(2, 5, 6, 3)), rng.normal(size=(3, 2, 3))
    # The same as conv2d with block-diagonal filters [fh, fw, C, C].
    full = np.zeros((3, 2, 3, 3))
    for c in range(3):
        full[:, :, c, c] = w[:, :, c]
    for strides, padding, dilations in ((1, "SAME", 1), (2, "VALID", 1), ([1, 2], "SAME", 2)):
        got = xp.depthwise_conv2d(xp.asarray(x), xp.asarray(w), strides, padding,
                                  dilations=dilations)
        want = xp.conv2d(xp.asarray(x), xp.asarray(full), strides, padding, dilations=dilations)
        assert_close(got, to_np(want), rtol=1e-10, atol=1e-12)
    # A closed form: a 1x1 filter scales each channel.
    scale = np.array([[[2.0, -1.0, 0.5]]])
    assert_close(xp.depthwise_conv2d(xp.asarray(x), xp.asarray(scale), 1, "VALID"), x * scale[0, 0],
                 rtol=1e-12, atol=0)
    got = xp.depthwise_conv2d(xp.asarray(np.moveaxis(x, -1, 1)), xp.asarray(w), 1, "SAME", "NCHW")
    want = xp.depthwise_conv2d(xp.asarray(x), xp.asarray(w), 1, "SAME")
    assert_close(got, np.moveaxis(to_np(want), -1, 1), rtol=1e-12, atol=1e-12)
    with pytest.raises(xp.ShapeError, match=rf"depthwise_conv2d \[{backend}\]"):
        xp.depthwise_conv2d(xp.asarray(x), xp.asarray(full), 1, "SAME")  # rank-4 filters
    with pytest.raises(xp.ShapeError, match="channels"):
        xp.depthwise_conv2d(xp.asarray(x), xp.asarray(w[:, :, :2]), 1, "SAME")
    with pytest.raises(xp.DTypeError, match="depthwise_conv2d"):
        xp.depthwise_conv2d(xp.asarray(np.ones((1, 3, 3, 2), np.int32)),
                            xp.asarray(np.ones((2, 2, 2), np.int32)), 1, "SAME")


def test_binary_cross_entropy_prediction_first(backend):
    rng = np.random.default_rng(4)
    p = rng.uniform(0.05, 0.95, size=(3, 4))
    y = (rng.random((3, 4)) > 0.5).astype(np.float64)
    expected = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert_close(xp.binary_cross_entropy(xp.asarray(p), xp.asarray(y)), expected, rtol=1e-12)
    assert_close(xp.binary_cross_entropy(pred=xp.asarray(p), target=xp.asarray(y)), expected,
                 rtol=1e-12)
    # Probabilities of 0 and 1 are clipped to epsilon: -log(epsilon) for the wrong label.
    got = xp.binary_cross_entropy(xp.asarray(np.array([0.0, 1.0])), xp.asarray(np.array([1.0, 0.0])),
                                  epsilon=1e-3)
    assert_close(got, [-np.log(1e-3)] * 2, rtol=1e-12)
    # Integer labels take the prediction's dtype.
    got = xp.binary_cross_entropy(xp.asarray(p.astype(np.float32)), xp.asarray(y.astype(np.int32)))
    assert got.dtype == xp.float32
    with pytest.raises(xp.ShapeError, match=rf"binary_cross_entropy \[{backend}\]"):
        xp.binary_cross_entropy(xp.asarray(p), xp.asarray(y[:, :1]))
    with pytest.raises(xp.DTypeError, match="binary_cross_entropy"):
        xp.binary_cross_entropy(xp.asarray(y.astype(np.int32)), xp.asarray(p))
    with pytest.raises(xp.ValueError, match="binary_cross_entropy"):
        xp.binary_cross_entropy(xp.asarray(p), xp.asarray(y), epsilon=0.5)
    with pytest.raises(TypeError, match="binary_cross_entropy"):
        xp.binary_cross_entropy(xp.asarray(p), xp.asarray(y), epsilon=True)


def find_offset(crop, image):
    """The offsets (top, left) at which crop [h, w, C] is a slice of image [H, W, C]."""
    h, w = crop.shape[:2]
    return [(t, l) for t in range(image.shape[0] - h + 1) for l in range(image.shape[1] - w + 1)
            if np.array_equal(image[t:t + h, l:l + w], crop)]


def test_random_crop_is_a_slice_at_an_offset_in_range(backend):
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, 4, 7, 9, 2)).astype(np.float32)  # distinct values: one offset each
    for seed in (None, 0, 17):
        crop = to_np(xp.random_crop(xp.asarray(x), [3, 5], seed=seed))
        assert crop.shape == (3, 4, 3, 5, 2)
        offsets = set()
        for i in np.ndindex(3, 4):
            found = find_offset(crop[i], x[i])
            assert len(found) == 1, (seed, i)
            t, l = found[0]
            assert 0 <= t <= 4 and 0 <= l <= 4
            offsets.add(found[0])
        assert len(offsets) > 1, "one offset per image, not one per batch"
    # batch_shape and image_dims view x as [B.., H, W, C] (the original's reshape).
    flat = x.reshape(12, 63, 2)
    crop = to_np(xp.random_crop(xp.asarray(flat), [2, 2], batch_shape=[12], image_dims=[7, 9],
                                seed=3))
    assert crop.shape == (12, 2, 2, 2)
    for k in range(12):
        assert len(find_offset(crop[k], x.reshape(12, 7, 9, 2)[k])) == 1
    # A crop of the whole image is the image; integer images keep their dtype.
    img = xp.asarray(rng.integers(0, 255, size=(5, 4, 3)).astype(np.uint8))
    assert_close(xp.random_crop(img, (5, 4)), to_np(img))
    assert xp.random_crop(img, (2, 2), seed=1).dtype == xp.uint8


def test_random_crop_seeds(backend):
    x = xp.asarray(np.arange(2 * 10 * 10 * 1, dtype=np.float64).reshape(2, 10, 10, 1))
    # A seed: its own generator, the same crop on every call and every backend.
    a = to_np(xp.random_crop(x, [4, 4], seed=42))
    np.testing.assert_array_equal(a, to_np(xp.random_crop(x, [4, 4], seed=42)))
    for other in BACKENDS:
        with xp.use(other):
            y = xp.asarray(np.array(to_np(x)))
            np.testing.assert_array_equal(a, to_np(xp.random_crop(y, [4, 4], seed=42)))
    assert any(not np.array_equal(a, to_np(xp.random_crop(x, [4, 4], seed=s))) for s in range(5))
    # No seed: the backend's generator, which ivycpp.seed makes reproducible on one backend.
    xp.seed(9)
    b = to_np(xp.random_crop(x, [4, 4]))
    xp.seed(9)
    np.testing.assert_array_equal(b, to_np(xp.random_crop(x, [4, 4])))


def test_random_crop_rejects_bad_crops(backend):
    x = xp.asarray(np.zeros((2, 4, 5, 3), np.float32))
    with pytest.raises(xp.ShapeError, match=rf"random_crop \[{backend}\].*exceeds"):
        xp.random_crop(x, [5, 2])
    with pytest.raises(xp.ShapeError, match="random_crop"):
        xp.random_crop(x, [2, 6], seed=1)
    with pytest.raises(xp.ValueError, match="random_crop"):
        xp.random_crop(x, [-1, 2])
    with pytest.raises(xp.ValueError, match="random_crop"):
        xp.random_crop(x, [2, 2, 2])
    with pytest.raises(xp.ShapeError, match="random_crop"):
        xp.random_crop(xp.asarray(np.zeros((4, 5), np.float32)), [2, 2])
    with pytest.raises(xp.ShapeError, match="random_crop"):
        xp.random_crop(x, [2, 2], batch_shape=[3], image_dims=[4, 5])
    with pytest.raises(xp.ValueError, match="random_crop"):
        xp.random_crop(x, [2, 2], seed=-1)
    with pytest.raises(TypeError, match="random_crop"):
        xp.random_crop(x, 2)
    with pytest.raises(TypeError, match="random_crop"):
        xp.random_crop(x, [2, 2], seed=1.5)
