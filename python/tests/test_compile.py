"""compile_fn from Python on every backend: the compiled function gives NumPy's values for new
arguments of the same signature, says which engine runs it, keeps the form of func's result,
and refuses bad use with errors naming compile_fn."""
import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close

ENGINES = {
    "torch": "TorchScript tracing",
    "mlx": "mlx::core::compile",
    "tensorflow": "TensorFlow graph function",
    "xtensor": "none",
    "mxnet": "MXNet cached op",
    "xla": "XLA executable",
}


def mlp(x, w, b):
    return xp.tanh(x @ w + b)


def test_compiled_function_matches_numpy_on_new_arguments(backend):
    rng = np.random.default_rng(3)
    x, w, b = (rng.standard_normal(s).astype(np.float32) for s in [(4, 3), (3, 2), (2,)])
    fast = xp.compile_fn(mlp, xp.asarray(x), xp.asarray(w), xp.asarray(b))
    assert fast.engine == ENGINES[backend]
    assert fast.compiled == (ENGINES[backend] != "none")
    assert fast.arity == 3
    x2 = rng.standard_normal((4, 3)).astype(np.float32)
    assert_close(fast(xp.asarray(x2), xp.asarray(w), xp.asarray(b)), np.tanh(x2 @ w + b))


def test_tuple_results_come_back_as_tuples(backend):
    fast = xp.compile_fn(lambda a, c: (a + c, a * c), xp.ones(3), xp.ones(3))
    s, p = fast(xp.asarray([1.0, 2.0, 3.0]), xp.asarray([4.0, 5.0, 6.0]))
    assert_close(s, [5.0, 7.0, 9.0])
    assert_close(p, [4.0, 10.0, 18.0])


def test_bad_use_names_compile_fn(backend):
    with pytest.raises(TypeError, match="compile_fn"):
        xp.compile_fn(mlp)  # no example arguments
    fast = xp.compile_fn(lambda a: xp.exp(a), xp.zeros(2))
    with pytest.raises(TypeError, match="compile_fn"):
        fast(xp.zeros(2), xp.zeros(2))
    with pytest.raises(TypeError, match="compile_fn"):
        xp.compile_fn(lambda a: "not an array", xp.zeros(2))(xp.zeros(2))


def test_a_compiled_function_in_module_globals_is_collected_at_exit(backend):
    # func's globals hold the CompiledFunction, a cycle through C++ that only the collector's
    # view of func (tp_traverse) can break; nanobind reports any instance left at exit.
    import subprocess
    import sys
    code = ("import ivycpp as xp\n"
            f"xp.set_framework({backend!r})\n"
            "fast = xp.compile_fn(lambda a: a + 1, xp.ones(2))\n"
            "assert fast(xp.ones(2)).tolist() == [2.0, 2.0]\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert "leaked" not in run.stderr, run.stderr
