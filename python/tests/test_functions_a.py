"""The original Ivy's functions added in issue 13 (part A), from Python on every backend, against
NumPy or closed forms: logspace, has_nans, array_equal, copysign, stable_divide, stable_pow,
clip_vector_norm, clip_matrix_norm, linear_resample, fourier_encode, float_img_to_uint8_img and
uint8_img_to_float_img."""
import math

import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

NAMES = ["logspace", "has_nans", "array_equal", "copysign", "stable_divide", "stable_pow",
         "clip_vector_norm", "clip_matrix_norm", "linear_resample", "fourier_encode",
         "float_img_to_uint8_img", "uint8_img_to_float_img"]


def test_registered_and_bound_by_the_extension():
    registered = {name for name, _, _ in xp.registered_functions()}
    for name in NAMES:
        assert name in registered, name
        # copysign is the C++ function now, not the Python composite it was.
        assert getattr(xp, name) is getattr(xp._ivycpp, name), name


def test_logspace(backend):
    assert_close(xp.logspace(0.0, 2.0, 5), np.logspace(0.0, 2.0, 5), rtol=1e-6)
    assert_close(xp.logspace(0.0, 3.0, 4, base=2.0, dtype=xp.float64),
                 np.logspace(0.0, 3.0, 4, base=2.0), rtol=1e-12)
    start = np.array([[0.0, 1.0], [-1.0, 0.5]])
    stop = np.array([1.0, 2.0])
    got = xp.logspace(xp.asarray(start), xp.asarray(stop), 3, axis=0)
    assert got.shape == (3, 2, 2) and got.dtype == xp.float64
    assert_close(got, np.logspace(start, stop, 3, axis=0), rtol=1e-12)
    assert xp.logspace(0.0, 1.0, 3, backend=backend).backend == backend
    with pytest.raises(xp.ValueError, match=rf"ivy::logspace \[{backend}\]"):
        xp.logspace(0.0, 1.0, -1)
    with pytest.raises(xp.DTypeError, match="logspace"):
        xp.logspace(0.0, 1.0, 3, dtype=xp.int32)
    with pytest.raises(TypeError, match="logspace"):
        xp.logspace(0.0, 1.0, 3, base="ten")


def test_has_nans(backend):
    finite = xp.asarray([1.0, 2.0])
    out = xp.has_nans(finite)
    assert out.shape == () and out.dtype == xp.bool and not bool(out)
    assert bool(xp.has_nans(xp.asarray([1.0, math.nan])))
    assert bool(xp.has_nans(xp.asarray([1.0, -math.inf])))
    assert not bool(xp.has_nans(xp.asarray([1.0, -math.inf]), include_infs=False))
    # The original summed x first: three float32 values of 3e38 overflowed into a "NaN".
    assert not bool(xp.has_nans(xp.asarray(np.full(3, 3e38, np.float32))))
    assert not bool(xp.has_nans(xp.asarray([1, 2, 3])))
    assert not bool(xp.has_nans(xp.zeros((0, 2))))
    with pytest.raises(TypeError, match="has_nans"):
        xp.has_nans(xp.zeros(2), include_infs=1)


def test_array_equal(backend):
    a = xp.asarray([[1.0, 2.0], [3.0, 4.0]])
    assert xp.array_equal(a, xp.asarray([[1.0, 2.0], [3.0, 4.0]])) is True
    assert xp.array_equal(a, xp.asarray([[1.0, 2.0], [3.0, 5.0]])) is False
    assert xp.array_equal(a, xp.asarray([1.0, 2.0])) is False  # shapes differ: no broadcasting
    assert xp.array_equal(xp.asarray([1, 2]), xp.asarray([1.0, 2.0])) is True
    assert xp.array_equal(xp.asarray([math.nan]), xp.asarray([math.nan])) is False
    assert xp.array_equal(xp.zeros((0, 3)), xp.zeros((0, 3))) is True
    with pytest.raises(TypeError, match="array_equal"):
        xp.array_equal(a, [[1.0, 2.0], [3.0, 4.0]])


def test_array_equal_of_two_backends():
    names = [b for b in xp.available_backends() if b != "stub"]
    if len(names) < 2:
        pytest.skip("needs two backends")
    with pytest.raises(xp.BackendError, match="ivy::array_equal"):
        xp.array_equal(xp.zeros(2, backend=names[0]), xp.zeros(2, backend=names[1]))


def test_copysign(backend):
    x1 = np.array([1.0, -2.0, 3.0, -4.0])
    x2 = np.array([-0.0, 0.0, -math.nan, math.inf])
    got = to_np(xp.copysign(xp.asarray(x1), xp.asarray(x2)))
    np.testing.assert_array_equal(got, np.copysign(x1, x2))
    assert np.signbit(to_np(xp.copysign(xp.asarray([0.0]), -1.0))).all()
    assert_close(xp.copysign(-2.0, xp.asarray([1.0, -1.0])), [2.0, -2.0])
    assert xp.copysign(xp.asarray([1, -2]), xp.asarray([-1, 1])).dtype == xp.float32
    with pytest.raises(xp.ShapeError, match=rf"ivy::copysign \[{backend}\]"):
        xp.copysign(xp.zeros((2, 3)), xp.zeros(4))


def test_stable_divide_and_pow(backend):
    n, d = np.array([1.0, -2.0, 3.0]), np.array([0.0, 4.0, -0.5])
    assert_close(xp.stable_divide(xp.asarray(n), xp.asarray(d)), n / (d + 1e-12), rtol=1e-12)
    assert_close(xp.stable_divide(xp.asarray(n), 2.0, min_denominator=1.0), n / 3.0)
    assert_close(xp.stable_divide(1.0, xp.asarray(d[1:])), 1.0 / (d[1:] + 1e-12), rtol=1e-12)
    base, e = np.array([0.0, 0.0, 2.0, 4.0]), np.array([0.5, 2.0, 3.0, -1.0])
    want = np.where(e < 1, base ** e, (base + 1e-5) ** e)
    assert_close(xp.stable_pow(xp.asarray(base), xp.asarray(e)), want, rtol=1e-12)
    assert_close(xp.stable_pow(xp.asarray(base), 2.0, min_base=0.5), (base + 0.5) ** 2)
    with pytest.raises(xp.ShapeError, match="ivy::stable_divide"):
        xp.stable_divide(xp.zeros((2, 3)), xp.zeros(4))
    with pytest.raises(xp.ShapeError, match="ivy::stable_pow"):
        xp.stable_pow(xp.zeros((2, 3)), xp.zeros(4))
    with pytest.raises(TypeError, match="stable_pow"):
        xp.stable_pow(xp.zeros(2), 2.0, min_base=None)


def test_clip_norms(backend):
    x = np.array([[3.0, -4.0], [0.0, 0.0]])
    # |x| in the norm: 5, so max_norm 2.5 halves x (the original's sum without abs gave -1).
    assert_close(xp.clip_vector_norm(xp.asarray(x), 2.5), x * 2.5 / (5.0 + 1e-12), rtol=1e-12)
    assert_close(xp.clip_vector_norm(xp.asarray(x), 10.0), x)
    assert_close(xp.clip_vector_norm(xp.asarray(x), 3.5, p=1.0), x * 3.5 / (7.0 + 1e-12))
    m = np.stack([np.diag([4.0, 1.0]), np.diag([0.5, 0.25])])  # spectral norms 4 and 0.5
    got = xp.clip_matrix_norm(xp.asarray(m), 1.0)
    assert_close(got, np.stack([m[0] / (4.0 + 1e-12), m[1]]), rtol=1e-9)
    got = xp.clip_matrix_norm(xp.asarray(m), 1.0, p=math.inf)
    assert_close(got, np.stack([m[0] / (4.0 + 1e-12), m[1]]), rtol=1e-9)
    with pytest.raises(xp.ValueError, match=rf"ivy::clip_vector_norm \[{backend}\]"):
        xp.clip_vector_norm(xp.asarray(x), -1.0)
    with pytest.raises(xp.ValueError, match="ivy::clip_matrix_norm"):
        xp.clip_matrix_norm(xp.asarray(m), 1.0, p=3.0)
    with pytest.raises(xp.ShapeError, match="ivy::clip_matrix_norm"):
        xp.clip_matrix_norm(xp.zeros(3), 1.0)
    with pytest.raises(xp.DTypeError, match="ivy::clip_vector_norm"):
        xp.clip_vector_norm(xp.asarray([True]), 1.0)


def test_linear_resample(backend):
    x = np.array([[0.0, 10.0, 20.0], [1.0, -1.0, 5.0]])
    got = xp.linear_resample(xp.asarray(x), 5)
    want = np.stack([np.interp(np.linspace(0, 2, 5), [0, 1, 2], row) for row in x])
    assert_close(got, want, rtol=1e-12)
    got = xp.linear_resample(xp.asarray(x), 3, axis=0)
    assert_close(got, [[0.0, 10.0, 20.0], [0.5, 4.5, 12.5], [1.0, -1.0, 5.0]], rtol=1e-12)
    assert_close(xp.linear_resample(xp.asarray(x), 1), [[0.0], [1.0]])
    assert xp.linear_resample(xp.asarray(x), 0).shape == (2, 0)
    with pytest.raises(xp.ValueError, match=rf"ivy::linear_resample \[{backend}\]"):
        xp.linear_resample(xp.asarray(x), -2)
    with pytest.raises(xp.IndexError, match="ivy::linear_resample"):
        xp.linear_resample(xp.asarray(x), 3, axis=2)
    with pytest.raises(TypeError, match="linear_resample"):
        xp.linear_resample(xp.asarray(x), 2.5)


def _fourier(x, max_freq, bands, linear=False):
    scales = (np.linspace(1.0, max_freq / 2, bands) if linear
              else np.logspace(0.0, np.log10(max_freq / 2), bands))
    a = x[..., None] * scales * np.pi
    return np.sin(a), np.cos(a)


def test_fourier_encode(backend):
    x = np.array([[0.25, -0.5], [1.0, 0.0], [0.1, 0.9]])
    s, c = _fourier(x, 8.0, 3)
    got = xp.fourier_encode(xp.asarray(x), 8.0, num_bands=3)
    assert got.shape == (3, 2, 7)
    assert_close(got, np.concatenate([x[..., None], s, c], -1), rtol=1e-9, atol=1e-12)
    sin_x, cos_x = xp.fourier_encode(xp.asarray(x), 8.0, 3, linear=True, concat=False)
    s, c = _fourier(x, 8.0, 3, linear=True)
    assert_close(sin_x, s, rtol=1e-9, atol=1e-12)
    assert_close(cos_x, c, rtol=1e-9, atol=1e-12)
    flat = xp.fourier_encode(xp.asarray(x), 8.0, 3, flatten=True)
    s, c = _fourier(x, 8.0, 3)
    want = np.concatenate([x, s.reshape(3, 6), c.reshape(3, 6)], -1)
    assert flat.shape == (3, 14)
    assert_close(flat, want, rtol=1e-9, atol=1e-12)
    with pytest.raises(xp.ValueError, match=rf"ivy::fourier_encode \[{backend}\]"):
        xp.fourier_encode(xp.asarray(x), 0.0)
    with pytest.raises(xp.ShapeError, match="ivy::fourier_encode"):
        xp.fourier_encode(xp.asarray(1.0), 4.0)
    with pytest.raises(TypeError, match="fourier_encode"):
        xp.fourier_encode(xp.asarray(x), 4.0, concat=None)


def test_float_image_bytes_round_trip(backend):
    nan_payload = np.frombuffer(np.uint32(0x7FC01234).tobytes(), np.float32)[0]
    img = np.array([[0.0, -0.0, 1.5], [np.inf, 1e-40, nan_payload]], np.float32)
    b = xp.float_img_to_uint8_img(xp.asarray(img))
    assert b.shape == (2, 3, 4) and b.dtype == xp.uint8
    # The bytes of '<f4', least significant first, whatever the machine's byte order.
    want = np.frombuffer(img.astype("<f4").tobytes(), np.uint8).reshape(2, 3, 4)
    np.testing.assert_array_equal(to_np(b), want)
    back = xp.uint8_img_to_float_img(b)
    assert back.dtype == xp.float32 and back.shape == (2, 3)
    np.testing.assert_array_equal(to_np(back).view(np.uint32), img.view(np.uint32))
    # float64 images are stored as float32, as the original did.
    b64 = xp.float_img_to_uint8_img(xp.asarray(np.array([0.1])))
    assert to_np(xp.uint8_img_to_float_img(b64))[0] == np.float32(0.1)
    with pytest.raises(xp.ShapeError, match=rf"ivy::uint8_img_to_float_img \[{backend}\]"):
        xp.uint8_img_to_float_img(xp.zeros((2, 3), dtype=xp.uint8))
    with pytest.raises(xp.DTypeError, match="ivy::uint8_img_to_float_img"):
        xp.uint8_img_to_float_img(xp.zeros((2, 4), dtype=xp.int32))
