"""ivycpp.vision: camera containers and single-view geometry (ivy::vision) under the original
ivy_vision names.

Arguments may be ivycpp arrays or any DLPack producer (NumPy, PyTorch); non-ivycpp inputs are
imported into the current backend. Results are ivycpp arrays (numpy.from_dlpack reads them)."""
from ._ivycpp import vision as _vision

globals().update({k: getattr(_vision, k) for k in dir(_vision) if not k.startswith("_")})
