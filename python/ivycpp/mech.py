"""ivycpp.mech: rotations, poses and positions (ivy::mech) under the original ivy_mech names.

Arguments may be ivycpp arrays or any DLPack producer (NumPy, PyTorch); non-ivycpp inputs are
imported into the current backend. Results are ivycpp arrays (numpy.from_dlpack reads them)."""
from ._ivycpp import mech as _mech

globals().update({k: getattr(_mech, k) for k in dir(_mech) if not k.startswith("_")})
