"""ivycpp: Ivy for C++ from Python.

An Array API 2023.12 namespace whose arrays live on one of ivy's C++ backends (torch, xtensor,
mlx, stub). Import name ``ivycpp``: unrelated to the ``ivy`` package on PyPI.

    import ivycpp as xp
    x = xp.asarray([[1.0, 2.0], [3.0, 4.0]], backend="xtensor")
    with xp.use("torch"):
        y = xp.ones((2, 2))
"""
import builtins as _builtins
import contextlib as _contextlib

from . import _ivycpp
from ._ivycpp import *  # noqa: F401,F403
from ._ivycpp import (Array, Device, DType, Error, ShapeError, DTypeError, IndexError,  # noqa: F401
                      ValueError, BackendError, UnsupportedError, IOError, MemoryError)
from ._composites import *  # noqa: F401,F403
from ._signatures import *  # noqa: F401,F403
from ._stateful import *  # noqa: F401,F403
from . import fft, linalg, mech, robot, vision  # noqa: F401
# ivycpp.gym is python/ivycpp/gym.py, which adds GymnasiumEnv to the C++ submodule's classes: the
# star import above bound the name gym to the C++ submodule, and `from . import gym` would keep
# that binding instead of loading the file.
del gym  # noqa: F821
from . import gym  # noqa: E402,F401
from ._dtypes import *  # noqa: F401,F403
from ._info import __array_namespace_info__  # noqa: F401

__array_api_version__ = "2023.12"
e = 2.718281828459045
pi = 3.141592653589793
inf = float("inf")
nan = float("nan")
newaxis = None

# No complex dtypes: complex(x) is complex(float(x)), as for any real array.
Array.__complex__ = lambda self: complex(float(self))
__version__ = "0.1.0"


def _iter(self):
    # Without __iter__ Python iterates through __getitem__, which for a 0-d array stops at once
    # and yields nothing; NumPy raises instead, here at iter() time as NumPy does.
    if self.ndim == 0:
        raise TypeError("ivycpp.Array: iteration over a 0-d array")
    return (self[i] for i in range(self.shape[0]))


Array.__iter__ = _iter


@_contextlib.contextmanager
def use(backend):
    """``with use("torch"): ...``: creation functions without backend= use this backend.

    On leaving, the framework stack returns to its depth before the block, whatever
    set_framework calls happened inside (as ivy::use in C++)."""
    depth = _ivycpp.framework_depth()
    _ivycpp.set_framework(backend)
    try:
        yield
    finally:
        while _ivycpp.framework_depth() > depth:
            _ivycpp.unset_framework()
