"""Where each registered C++ function lives in the Python package.

Most registered functions (``ivycpp.registered_functions()``) are bound under their own name,
at the top level or in ``linalg``/``fft``. The ones below have an Array API spelling instead;
each entry says where a Python user finds the function. ``python/tests/test_registry.py``
fails when a registered function is neither bound nor listed here."""

ELSEWHERE = {
    "array": "asarray (the Array API name)",
    "from_buffer": "asarray of a buffer or NumPy array (the Array API name)",
    "cast": "astype (the Array API name)",
    "to_vector": "Array.tolist() (and Array.item() for one element)",
    "shape": "Array.shape",
    "ndim": "Array.ndim",
    "dtype": "Array.dtype",
    "device": "Array.device",
    "to_device": "Array.to_device(device)",
    "slice": "Array.__getitem__ with slices (x[1:3, ::2])",
}


def where_is(name):
    """The Python spelling of registered function ``name``."""
    return ELSEWHERE.get(name, name)
