"""Shared fixtures: every test that takes `backend` runs once per backend built into ivycpp
(the stub, which only raises, is left out)."""
import numpy as np
import pytest

import ivycpp as xp

BACKENDS = [b for b in xp.available_backends() if b != "stub"]


@pytest.fixture(params=BACKENDS)
def backend(request):
    with xp.use(request.param):
        yield request.param


def to_np(x):
    return np.from_dlpack(x)


def assert_close(ours, expected, rtol=1e-5, atol=1e-6):
    got = to_np(ours)
    expected = np.asarray(expected)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    if expected.dtype == bool or np.issubdtype(expected.dtype, np.integer):
        np.testing.assert_array_equal(got, expected)
    else:
        np.testing.assert_allclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
