"""ivycpp.vision: 3-D vision (ivy::vision) under the original ivy_vision names (issue 14, part 1:
single-view geometry; docs/vision.md).

Arguments may be ivycpp arrays or any DLPack producer (NumPy, PyTorch); non-ivycpp inputs are
imported into the current backend. Results are ivycpp arrays."""
from ._ivycpp import vision as _vision

globals().update({k: getattr(_vision, k) for k in dir(_vision) if not k.startswith("_")})
