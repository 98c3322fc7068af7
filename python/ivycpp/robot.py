"""ivycpp.robot: spline paths, rigid mobile robots and manipulators (ivy::robot) under the
original ivy_robot names.

Arguments may be ivycpp arrays or any DLPack producer (NumPy, PyTorch); non-ivycpp inputs are
imported into the current backend. Results are ivycpp arrays (numpy.from_dlpack reads them)."""
from ._ivycpp import robot as _robot

globals().update({k: getattr(_robot, k) for k in dir(_robot) if not k.startswith("_")})
