"""Zero-copy interchange with NumPy (always) and PyTorch (when importable)."""
import numpy as np
import pytest

import ivycpp as xp

# xtensor and MLX 0.32 copy on import (docs/mlx.md); MXNet shares compact buffers without a byte
# offset (docs/mxnet.md), which every import here is.
SHARING_IMPORT = {"torch", "mxnet"}
# TensorFlow shares only 64-byte aligned buffers (its kernels abort on others; docs/tensorflow.md),
# and so does XLA (a PJRT view must be aligned; docs/xla.md).
SHARING_WHEN_ALIGNED = {"tensorflow", "xla"}


def float64_at_alignment(n, remainder):
    """n float64 zeros whose buffer address is remainder modulo 64."""
    raw = np.zeros(n + 16, dtype=np.float64)
    start = ((remainder - raw.ctypes.data) % 64) // 8
    out = raw[start:start + n]
    assert out.ctypes.data % 64 == remainder
    return out


def shares_import(backend, src):
    if backend in SHARING_WHEN_ALIGNED:
        return src.ctypes.data % 64 == 0
    return backend in SHARING_IMPORT


def test_numpy_reads_ours_without_copy(backend):
    x = xp.asarray([1.0, 2.0, 3.0])
    a = np.from_dlpack(x)
    b = np.from_dlpack(x)
    assert a.ctypes.data == b.ctypes.data  # both views of the array's own buffer
    np.testing.assert_array_equal(a, [1.0, 2.0, 3.0])
    assert x.__dlpack_device__() == (1, 0)


def test_numpy_write_is_seen_by_ours(backend):
    x = xp.asarray([1.0, 2.0, 3.0])
    view = np.from_dlpack(x)
    if not view.flags.writeable:
        pytest.skip("NumPy exposes the buffer read-only")
    view[1] = 42.0
    assert float(x[1]) == 42.0


def test_import_from_numpy(backend):
    src = np.arange(12, dtype=np.float64).reshape(3, 4)
    x = xp.from_dlpack(src)
    assert x.shape == (3, 4) and x.dtype == xp.float64 and x.backend == backend
    np.testing.assert_array_equal(np.from_dlpack(x), src)
    src[0, 0] = -5.0
    if shares_import(backend, src):
        assert float(x[0, 0]) == -5.0
    else:
        assert float(x[0, 0]) == 0.0


@pytest.mark.parametrize("remainder", [0, 8, 32])
def test_import_shares_exactly_the_buffers_the_backend_can_use(backend, remainder):
    src = float64_at_alignment(12, remainder)
    x = xp.from_dlpack(src)
    src[3] = 7.0
    assert float(x[3]) == (7.0 if shares_import(backend, src) else 0.0)
    assert float(xp.sum(xp.sin(x))) == pytest.approx(float(np.sin(src).sum()) if shares_import(
        backend, src) else 0.0)


def test_import_strided_and_bool(backend):
    src = np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::2]
    np.testing.assert_array_equal(np.from_dlpack(xp.from_dlpack(src)), src)
    flags = np.array([True, False, True])
    b = xp.from_dlpack(flags)
    assert b.dtype == xp.bool
    np.testing.assert_array_equal(np.from_dlpack(b), flags)


def test_asarray_of_numpy_and_copy(backend):
    src = np.ones(3, dtype=np.float32)
    x = xp.asarray(src, copy=True)
    src[0] = 9
    assert float(x[0]) == 1.0
    assert xp.asarray(src, dtype=xp.float64).dtype == xp.float64


def test_copy_false_shares_or_raises(backend):
    # copy=False must never copy: it shares where the backend can adopt the producer's memory
    # (torch, mxnet) and raises where the backend copies on import (xtensor, mlx).
    # tensorflow and xla share 64-byte aligned buffers only: both alignments are checked.
    for remainder in (0, 8):
        check_copy_false(backend, float64_at_alignment(4, remainder))
    with pytest.raises(ValueError):  # a dtype change is a copy
        xp.asarray(np.arange(4, dtype=np.float64), dtype=xp.float32, copy=False)


def check_copy_false(backend, src):
    src[:] = np.arange(4)
    for make, error in ((lambda: xp.asarray(src, copy=False), ValueError),
                        (lambda: xp.from_dlpack(src, copy=False), BufferError)):
        if shares_import(backend, src):
            x = make()
            src[0] = 7.0
            assert float(x[0]) == 7.0
            src[0] = 0.0
        else:
            with pytest.raises(error, match=backend):
                make()


def test_from_dlpack_copy_true_copies(backend):
    src = np.arange(3, dtype=np.float32)
    x = xp.from_dlpack(src, copy=True)
    src[1] = 9.0
    assert float(x[1]) == 1.0


def test_keeps_producer_alive(backend):
    x = xp.from_dlpack(np.arange(1000, dtype=np.float32))
    import gc
    gc.collect()
    assert float(xp.sum(x)) == float(np.arange(1000).sum())


def test_torch_roundtrip(backend):
    torch = pytest.importorskip("torch", reason="PyTorch is not installed (optional)")
    t = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    x = xp.from_dlpack(t)
    np.testing.assert_array_equal(np.from_dlpack(x), t.numpy())
    back = torch.from_dlpack(x)
    if backend in SHARING_IMPORT:
        t[0, 0] = 100.0
        assert float(x[0, 0]) == 100.0
    assert back.shape == (2, 3)
