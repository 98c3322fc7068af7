"""The standard's inspection API: ``__array_namespace_info__()``, the same for
every backend."""
from . import _ivycpp as _x
from . import _dtypes as _d

__all__ = ["__array_namespace_info__"]

class _Info:
    """What ``__array_namespace_info__()`` returns: ivycpp arrays live on the CPU, and there
    are neither complex dtypes nor unsigned types wider than uint8."""

    def capabilities(self):
        # nonzero/unique_* have data-dependent shapes; ivycpp has no boolean-index assignment
        # in place, but __setitem__ with a mask works (functionally), so both are True.
        return {"boolean indexing": True, "data-dependent shapes": True,
                "max dimensions": None}

    def default_device(self):
        return _x.Device("cpu")

    def devices(self):
        return [_x.Device("cpu")]

    def default_dtypes(self, *, device=None):
        return {"real floating": _d.float32, "complex floating": None,
                "integral": _d.int64, "indexing": _d.int64}

    def dtypes(self, *, device=None, kind=None):
        # Only the standard's dtypes: float16/bfloat16 are extensions (and xtensor lacks them).
        names = ["bool", "int8", "int16", "int32", "int64", "uint8", "float32", "float64"]
        out = {n: getattr(_d, n) for n in names}
        if kind is None:
            return out
        return {n: t for n, t in out.items() if _d.isdtype(t, kind)}


def __array_namespace_info__():
    return _Info()
