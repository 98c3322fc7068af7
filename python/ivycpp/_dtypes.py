"""Data types: names, finfo/iinfo, promotion (result_type, can_cast), isdtype."""
import builtins as _b
from dataclasses import dataclass as _dataclass

from . import _ivycpp as _x
from ._ivycpp import DType, Array, _promote_types

bool = DType.bool  # noqa: A001  (the standard's name)
int8, int16, int32, int64 = DType.int8, DType.int16, DType.int32, DType.int64
uint8 = DType.uint8
float16, bfloat16, float32, float64 = DType.float16, DType.bfloat16, DType.float32, DType.float64

_SIGNED = (int8, int16, int32, int64)
_UNSIGNED = (uint8,)
_FLOATS = (float16, bfloat16, float32, float64)


@_dataclass(frozen=True)
class finfo_object:
    bits: int
    eps: float
    max: float
    min: float
    smallest_normal: float
    dtype: DType


@_dataclass(frozen=True)
class iinfo_object:
    bits: int
    max: int
    min: int
    dtype: DType


_FINFO = {
    float16: (16, 2.0 ** -10, 65504.0, 2.0 ** -14),
    bfloat16: (16, 2.0 ** -7, 3.3895313892515355e38, 2.0 ** -126),
    float32: (32, 2.0 ** -23, 3.4028234663852886e38, 2.0 ** -126),
    float64: (64, 2.0 ** -52, 1.7976931348623157e308, 2.0 ** -1022),
}


def _dtype_of(x):
    return x.dtype if isinstance(x, Array) else x


_IINFO_BITS = {int8: 8, int16: 16, int32: 32, int64: 64, uint8: 8}


def _info_dtype(fn, type, table, kind):  # noqa: A002
    """The dtype of `type` (a DType or an array), or a DTypeError naming fn when it is not one
    of the dtypes fn describes."""
    d = _dtype_of(type)
    if not isinstance(d, DType) or d not in table:
        raise _x.DTypeError(f"ivycpp.{fn}: expected {kind} dtype or array, got {type!r}")
    return d


def finfo(type, /):  # noqa: A002
    d = _info_dtype("finfo", type, _FINFO, "a floating-point")
    bits, eps, mx, tiny = _FINFO[d]
    return finfo_object(bits, eps, mx, -mx, tiny, d)


def iinfo(type, /):  # noqa: A002
    d = _info_dtype("iinfo", type, _IINFO_BITS, "an integer")
    if d == uint8:
        return iinfo_object(8, 255, 0, d)
    bits = _IINFO_BITS[d]
    return iinfo_object(bits, 2 ** (bits - 1) - 1, -(2 ** (bits - 1)), d)


def result_type(*arrays_and_dtypes):
    """Promotion per the standard (and ivy's mixed-kind rules, docs/semantics.md); Python
    scalars take the kind of the arrays they meet."""
    dtypes = [_dtype_of(a) for a in arrays_and_dtypes if isinstance(a, (Array, DType))]
    if not dtypes:
        raise TypeError("result_type needs at least one array or dtype")
    out = dtypes[0]
    for d in dtypes[1:]:
        out = _promote_types(out, d)
    return out


def can_cast(from_, to, /):
    f = _dtype_of(from_)
    if f == to:
        return True
    if f == bool:
        return True
    if to == bool:
        return False
    if f in _FLOATS:
        return to in _FLOATS and _FINFO[to][0] >= _FINFO[f][0] and to != bfloat16 and f != bfloat16
    if to in _FLOATS:
        return False
    try:
        return _promote_types(f, to) == to
    except Exception:
        return False


_KINDS = {
    "bool": (bool,),
    "signed integer": _SIGNED,
    "unsigned integer": _UNSIGNED,
    "integral": _SIGNED + _UNSIGNED,
    "real floating": _FLOATS,
    "complex floating": (),
    "numeric": _SIGNED + _UNSIGNED + _FLOATS,
}


def isdtype(dtype, kind):
    if isinstance(kind, tuple):
        return _b.any(isdtype(dtype, k) for k in kind)
    if isinstance(kind, DType):
        return dtype == kind
    if kind not in _KINDS:
        raise ValueError(f"unknown dtype kind {kind!r}")
    return dtype in _KINDS[kind]


from ._naming import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), "ivycpp.")
