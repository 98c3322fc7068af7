"""ivycpp.demos: runnable demos of the Python package (``python -m ivycpp.demos.drone``)."""
