"""The einops trio (einops_rearrange, einops_reduce, einops_repeat) with einops' Python signature,
on every backend, against NumPy reshape/transpose/reductions written by hand (and against the
einops package itself where it is installed)."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

RNG = np.random.default_rng(7)
X = RNG.standard_normal((2, 6, 4, 3)).astype(np.float32)


def test_registered_and_bound_by_the_extension():
    registered = {name: family for name, family, _ in xp.registered_functions()}
    for name in ("einops_rearrange", "einops_reduce", "einops_repeat"):
        assert registered[name] == "manipulation"
        assert getattr(xp, name) is getattr(xp._ivycpp, name)


REARRANGE = [
    ("b h w c -> b c h w", {}, lambda x: x.transpose(0, 3, 1, 2)),
    ("b h w c -> b (h w) c", {}, lambda x: x.reshape(2, 24, 3)),
    ("b (h1 h2) w c -> b h1 h2 w c", {"h1": 2}, lambda x: x.reshape(2, 2, 3, 4, 3)),
    ("b (h1 h2) w c -> (b h1) (h2 w) c", {"h2": 3},
     lambda x: x.reshape(2, 2, 3, 4, 3).reshape(4, 12, 3)),
    ("b ... c -> c b ...", {}, lambda x: np.moveaxis(x, -1, 0)),
    ("b ... -> b (...)", {}, lambda x: x.reshape(2, -1)),
    ("b h w c -> b h w () c 1", {}, lambda x: x.reshape(2, 6, 4, 1, 3, 1)),
]


@pytest.mark.parametrize("pattern,lengths,expect", REARRANGE)
def test_rearrange(backend, pattern, lengths, expect):
    got = xp.einops_rearrange(xp.asarray(X), pattern, **lengths)
    assert got.backend == backend and got.dtype == xp.float32
    assert_close(got, expect(X))


@pytest.mark.parametrize("reduction", ["sum", "mean", "min", "max", "prod"])
def test_reduce_each_kind(backend, reduction):
    got = xp.einops_reduce(xp.asarray(X), "b (h h2) w c -> b h c", reduction, h2=2)
    want = getattr(np, reduction)(X.reshape(2, 3, 2, 4, 3), axis=(2, 3))
    assert_close(got, want, rtol=1e-4, atol=1e-5)


def test_reduce_dtypes(backend):
    i = np.arange(12, dtype=np.int32).reshape(3, 4)
    assert xp.einops_reduce(xp.asarray(i), "h w -> h", "sum").dtype == xp.int64
    assert xp.einops_reduce(xp.asarray(i), "h w -> h", "max").dtype == xp.int32
    assert xp.einops_reduce(xp.asarray(i), "h w -> h", "mean").dtype == xp.float32
    # einops reduces only when the pattern drops an axis: a transpose keeps int32
    assert xp.einops_reduce(xp.asarray(i), "h w -> w h", "sum").dtype == xp.int32
    b = i % 3 == 0
    assert_close(xp.einops_reduce(xp.asarray(b), "h w -> w", "any"), b.any(axis=0))
    assert_close(xp.einops_reduce(xp.asarray(b), "h w -> h", "all"), b.all(axis=1))


REPEAT = [
    ("h w -> h w c", {"c": 3}, lambda x: np.repeat(x[..., None], 3, axis=-1)),
    ("h w -> h w 3", {}, lambda x: np.repeat(x[..., None], 3, axis=-1)),
    ("h w -> (h 2) w", {}, lambda x: np.repeat(x, 2, axis=0)),
    ("h w -> (2 h) w", {}, lambda x: np.tile(x, (2, 1))),
    ("h w -> (h h2) (w w2)", {"h2": 2, "w2": 2},
     lambda x: np.repeat(np.repeat(x, 2, axis=0), 2, axis=1)),
    ("h w -> b w h", {"b": 2}, lambda x: np.broadcast_to(x.T, (2, 4, 6))),
]


@pytest.mark.parametrize("pattern,lengths,expect", REPEAT)
def test_repeat(backend, pattern, lengths, expect):
    x = X[0, :, :, 0]
    assert_close(xp.einops_repeat(xp.asarray(x), pattern, **lengths), expect(x))


def test_against_the_einops_package(backend):
    einops = pytest.importorskip("einops")
    x = xp.asarray(X)
    for pattern, lengths, _ in REARRANGE:
        assert_close(xp.einops_rearrange(x, pattern, **lengths),
                     einops.rearrange(X, pattern, **lengths))
    assert_close(xp.einops_reduce(x, "b (h h2) w c -> b c h", "mean", h2=3),
                 einops.reduce(X, "b (h h2) w c -> b c h", "mean", h2=3), rtol=1e-5)
    x2 = X[0, :, :, 0]
    for pattern, lengths, _ in REPEAT:
        assert_close(xp.einops_repeat(xp.asarray(x2), pattern, **lengths),
                     einops.repeat(x2, pattern, **lengths))


def test_gradient_of_a_rearrange_and_a_reduction(backend):
    w = np.arange(24, dtype=np.float32).reshape(2, 12)

    def loss_fn(v):
        y = xp.einops_rearrange(v["x"], "b (h w) -> b w h", h=3)
        z = xp.einops_reduce(y, "b w h -> b h", "sum")
        r = xp.einops_repeat(z, "b h -> b h c", c=2)
        return xp.sum(r * r), r

    _, grads, _ = xp.execute_with_gradients(loss_fn, {"x": xp.asarray(w)})
    # d/dx sum(2 * z^2) = 4 z[b, h], spread over the w axis of each (h w) group
    z = w.reshape(2, 3, 4).sum(axis=2)
    assert_close(grads["x"], np.repeat(4 * z, 4, axis=1), rtol=1e-5)


def test_errors_name_the_function_and_backend(backend):
    x = xp.asarray(X)
    with pytest.raises(xp.ValueError, match=rf"ivy::einops_rearrange \[{backend}\].*q"):
        xp.einops_rearrange(x, "b h w c -> b h w q")
    with pytest.raises(xp.ValueError, match="einops_rearrange.*twice"):
        xp.einops_rearrange(x, "b h h c -> b h c")
    with pytest.raises(xp.ValueError, match="einops_rearrange.*parenthes"):
        xp.einops_rearrange(x, "b (h w c -> b h w c")
    with pytest.raises(xp.ShapeError, match=r"einops_rearrange.*\[2,6,4,3\]"):
        xp.einops_rearrange(x, "h w c -> c w h")
    with pytest.raises(xp.ValueError, match="einops_rearrange.*divisible"):
        xp.einops_rearrange(x, "b (h w) x c -> b h w x c", h=4)
    with pytest.raises(xp.ValueError, match="einops_rearrange.*infer"):
        xp.einops_rearrange(x, "b (h w) x c -> b h w x c")
    with pytest.raises(xp.ValueError, match="einops_reduce.*median"):
        xp.einops_reduce(x, "b h w c -> b", "median")
    with pytest.raises(xp.ValueError, match="einops_repeat.*new axis"):
        xp.einops_repeat(x, "b h w c -> b h w c d")
    with pytest.raises(xp.ValueError, match="einops_repeat.*not in the pattern"):
        xp.einops_repeat(x, "b h w c -> b h w c d", d=2, e=3)
    with pytest.raises(TypeError, match="einops_repeat"):
        xp.einops_repeat(x, "b h w c -> b h w c d", d=2.5)
    with pytest.raises(TypeError, match="einops_rearrange"):
        xp.einops_rearrange(x, 3)
    with pytest.raises(TypeError, match="einops_reduce"):
        xp.einops_reduce(X, "b h w c -> b", "sum")  # a NumPy array, not an ivycpp array
