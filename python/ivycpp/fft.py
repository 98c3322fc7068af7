"""ivycpp.fft: the Array API's FFT extension, as far as real dtypes go.

ivy has no complex dtypes, so the transforms themselves (fft, ifft, fftn, ifftn, rfft, irfft,
rfftn, irfftn, hfft, ihfft), each of which takes or returns complex arrays, raise
``ivycpp.UnsupportedError`` (a ``NotImplementedError``). The sample-frequency helpers and the
shifts work on real arrays and are complete.
"""
from . import _ivycpp as _x
from ._ivycpp import roll as _roll

__all__ = ["fft", "ifft", "fftn", "ifftn", "rfft", "irfft", "rfftn", "irfftn", "hfft", "ihfft",
           "fftfreq", "rfftfreq", "fftshift", "ifftshift"]


def _frequencies(n, d, dtype, device, backend, negative_half):
    """[0, 1, ..., n // 2] / (d * n), or all n frequencies with the negative half."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise _x.ValueError(f"ivycpp.fft: n must be a positive int, got {n!r}")
    if d == 0:
        raise _x.ValueError("ivycpp.fft: the sample spacing d must not be 0")
    k = _x.arange(n if negative_half else n // 2 + 1, dtype=_x.DType.float64, backend=backend)
    if negative_half:
        k = _x.where(_x.greater_equal(k, (n + 1) // 2), _x.subtract(k, float(n)), k)
    out = _x.divide(k, float(d) * n)
    out = _x.astype(out, dtype if dtype is not None else _x.DType.float32)
    return out if device is None else out.to_device(device)


def fftfreq(n, /, *, d=1.0, dtype=None, device=None, backend=None):
    """Sample frequencies of an n-point FFT: [0, 1, ..., -2, -1] / (d * n)."""
    return _frequencies(n, d, dtype, device, backend, True)


def rfftfreq(n, /, *, d=1.0, dtype=None, device=None, backend=None):
    """Sample frequencies of an n-point real FFT: [0, 1, ..., n // 2] / (d * n)."""
    return _frequencies(n, d, dtype, device, backend, False)


def _shift(x, axes, sign):
    axes = list(range(x.ndim)) if axes is None else [axes] if isinstance(axes, int) else list(axes)
    if not axes:
        return x
    return _roll(x, [sign * (x.shape[a] // 2) for a in axes], axis=axes)


def fftshift(x, /, *, axes=None):
    """Moves the zero-frequency term to the centre (a roll by n // 2 along each axis)."""
    return _shift(x, axes, 1)


def ifftshift(x, /, *, axes=None):
    """The inverse of fftshift (a roll by -(n // 2) along each axis)."""
    return _shift(x, axes, -1)


def _needs_complex(name):
    raise _x.UnsupportedError(
        f"ivycpp.fft.{name}: needs complex dtypes, which ivy does not have "
        "(fftfreq, rfftfreq, fftshift and ifftshift work)")


# The transforms, with the standard's signatures; each takes or returns complex arrays.
def fft(x, /, *, n=None, axis=-1, norm="backward"):
    _needs_complex("fft")


def ifft(x, /, *, n=None, axis=-1, norm="backward"):
    _needs_complex("ifft")


def fftn(x, /, *, s=None, axes=None, norm="backward"):
    _needs_complex("fftn")


def ifftn(x, /, *, s=None, axes=None, norm="backward"):
    _needs_complex("ifftn")


def rfft(x, /, *, n=None, axis=-1, norm="backward"):
    _needs_complex("rfft")


def irfft(x, /, *, n=None, axis=-1, norm="backward"):
    _needs_complex("irfft")


def rfftn(x, /, *, s=None, axes=None, norm="backward"):
    _needs_complex("rfftn")


def irfftn(x, /, *, s=None, axes=None, norm="backward"):
    _needs_complex("irfftn")


def hfft(x, /, *, n=None, axis=-1, norm="backward"):
    _needs_complex("hfft")


def ihfft(x, /, *, n=None, axis=-1, norm="backward"):
    _needs_complex("ihfft")


from ._naming import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), "ivycpp.fft.")
