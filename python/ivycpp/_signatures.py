"""Python functions with the Array API's signatures around extension functions that tools
inspect (the Array API suite's signature test cannot read a nanobind function's signature and
has no arguments of its own for these, so it would skip them)."""
from . import _ivycpp as _x

__all__ = ["roll", "moveaxis"]


def roll(x, /, shift, *, axis=None):
    return _x.roll(x, shift, axis=axis)


def moveaxis(x, source, destination, /):
    return _x.moveaxis(x, source, destination)


roll.__doc__ = _x.roll.__doc__
moveaxis.__doc__ = _x.moveaxis.__doc__
