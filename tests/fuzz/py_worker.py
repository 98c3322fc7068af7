"""Child process of the Python fuzzer: runs random ivycpp calls until told to stop or it dies.

    python py_worker.py BACKEND SEED MEMORY_GIB

Protocol on the original stdout (the library's own prints go to stderr): before each call
"C\\t<call text>", after it "R" (fine) or "F\\t<exception type>\\t<name>\\t<message>" (an untyped
error). The parent owns the timeout and reads the last "C" line when this process dies.
"""
import math
import operator
import os
import random
import resource
import sys
import warnings

import py_surface as S

# Errors of the Python built-in kinds are typed only when their message names the function,
# so a user can tell which call failed (issue 12).
BUILTIN_TYPED = (TypeError, ValueError, IndexError, MemoryError)


def untyped(xp, name, exc):
    """True for an exception a user could not act on (see the module docstring of python_fuzz)."""
    if isinstance(exc, xp.Error):
        return False
    if isinstance(exc, BufferError) and name in ("from_dlpack", "Array.__dlpack__"):
        return False  # the Array API's error when copy=False needs a copy
    if type(exc) not in BUILTIN_TYPED:
        return True
    # Operators cannot name a function; Python's own messages name the operand types instead.
    if name.startswith("Array.__"):
        return False
    return name.split(".")[-1] not in str(exc)


def main():
    backend, seed, gib = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    # A memory cap turns allocation bombs into MemoryError instead of an OOM kill of the host.
    limit = int(gib * (1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    warnings.simplefilter("ignore")

    import numpy as np
    import ivycpp as xp

    xp.set_framework(backend)
    env = {"xp": xp, "np": np, "nan": math.nan, "inf": math.inf, "operator": operator}
    functions = S.discover(xp)
    rng = random.Random(seed)
    proto.write(f"READY\t{len(functions)}\n")
    while True:
        call = S.random_call(functions, rng)
        name, callee, args, kwargs = call
        proto.write("C\t" + S.call_text(call) + "\n")
        try:
            fn = eval(callee, env)
            a = [eval(s, env) for s in args]
            kw = {k: eval(v, env) for k, v in kwargs.items()}
        except BaseException:  # an argument that cannot be built is not a call
            proto.write("S\n")
            continue
        try:
            fn(*a, **kw)
        except BaseException as exc:  # every exception is classified, none is fatal
            if isinstance(exc, KeyboardInterrupt):
                raise
            if untyped(xp, name, exc):
                msg = str(exc).replace("\n", " ")[:200]
                proto.write(f"F\t{type(exc).__module__}.{type(exc).__qualname__}\t{name}\t{msg}\n")
                continue
        proto.write("R\n")


if __name__ == "__main__":
    main()
