"""What the Python fuzzer calls: the ivycpp namespace, found by introspection, and random calls.

Parameters come from nanobind's __nb_signature__ (C++ bindings) or inspect.signature (Python
composites), so new functions are fuzzed without editing this file. A call is a tuple
(name, callee source, [argument sources], {keyword: source}); arguments are chosen by
parameter name (axis, shape, dtype, ...) and are often of the wrong kind on purpose.
"""
import inspect

import py_values as V

# State-changing or process-wide functions: calling them with junk would leak into later calls
# and make reproducers depend on history.
SKIP = {"set_framework", "unset_framework", "use", "framework_depth", "seed"}

BINARY_OPS = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and_", "or_",
              "xor", "lshift", "rshift", "eq", "ne", "lt", "le", "gt", "ge"]
UNARY_OPS = ["neg", "pos", "abs", "invert", "index", "truth"]
CONVERSIONS = ["int", "float", "complex", "len", "repr", "str", "bool"]
ATTRIBUTES = ["T", "mT", "shape", "dtype", "device", "ndim", "size", "backend"]


def _split_params(text):
    """Top-level comma split of a parameter list ('a: tuple[int, int], b' -> 2 parts)."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def parameters(fn):
    """[(name, kind, has_default)] with kind 'pos', 'kw' or 'var' (for *args)."""
    sig = getattr(fn, "__nb_signature__", None)
    if sig:
        text = sig[0][0]
        inner = text[text.index("(") + 1:text.rindex(")")]
        out, kw_only = [], False
        for p in _split_params(inner):
            if p == "/":
                continue
            if p == "*":
                kw_only = True
                continue
            if p.startswith("**"):
                continue
            if p.startswith("*"):
                out.append((p[1:].split(":")[0].strip(), "var", True))
                kw_only = True
                continue
            name = p.split(":")[0].split("=")[0].strip()
            if name == "self":
                continue
            out.append((name, "kw" if kw_only else "pos", "=" in p))
        return out
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind == p.VAR_POSITIONAL:
            out.append((p.name, "var", True))
        elif p.kind == p.KEYWORD_ONLY:
            out.append((p.name, "kw", p.default is not p.empty))
        elif p.kind != p.VAR_KEYWORD:
            out.append((p.name, "pos", p.default is not p.empty))
    return out


def discover(xp):
    """[(qualified name, callee source, parameters)] for every public function."""
    found = []
    for prefix, mod in (("xp", xp), ("xp.linalg", xp.linalg), ("xp.fft", xp.fft),
                        ("xp.mech", xp.mech)):
        for name in sorted(dir(mod)):
            obj = getattr(mod, name)
            if name.startswith("_") or name in SKIP or isinstance(obj, type) or not callable(obj):
                continue
            try:
                params = parameters(obj)
            except (ValueError, TypeError):
                continue
            qual = f"{prefix}.{name}"
            found.append((qual[3:], qual, params))
    return found


ARRAY_NAMES = {"x", "x1", "x2", "a", "b", "condition", "y", "q", "arr", "input", "other", "self",
               "quaternion", "mat", "rot_mat", "indices", "updates", "values", "prepend", "append"}


def arg_src(name, rng, shape):
    """Source for parameter `name`; `shape` is shared by the call's arrays half the time."""
    n = name.lower()
    if n in ("axis", "axes", "dim", "source", "destination", "axis1", "axis2", "start_dim"):
        return V.axis_src(rng)
    if n in ("shape", "newshape", "reps", "s"):
        return V.shape_src(rng)
    if n == "dtype":
        return V.dtype_src(rng)
    if n == "device":
        return rng.choice(["None", "'cpu'", "xp.Device('cpu')" if rng.random() < 0.5 else "'cuda'",
                           rng.choice(V.JUNK)])
    if n == "backend":
        return rng.choice(["None", "'torch'", "'xtensor'", "'mlx'", "'stub'", "'nope'", "1"])
    if n in ("copy", "keepdims", "endpoint", "stable", "descending", "upper", "full_matrices",
             "hermitian", "sorted", "return_counts", "right", "unbiased", "keep_dims"):
        return V.bool_src(rng)
    if n in ("n", "k", "num", "offset", "decimals", "depth", "num_or_size_splits", "repeats",
             "shift", "ord", "correction", "n_rows", "n_cols", "batch_shape", "norm", "side"):
        return V.int_src(rng) if rng.random() < 0.8 else V.scalar_src(rng)
    if n in ("start", "stop", "step", "fill_value", "min", "max", "alpha", "mean", "std", "low",
             "high", "scale", "value", "max_rot_ang", "d", "api_version"):
        r = rng.random()
        return V.scalar_src(rng) if r < 0.6 else (
            V.array_src(rng, shape) if r < 0.8 else rng.choice(V.JUNK))
    if n == "subscripts":
        return rng.choice(["'ij,jk->ik'", "'i,i->'", "'ii->i'", "'...i->...'", "'ij->ji'",
                           "'i->'", "''", "'->'", "'ab,bc->ad'", "'z'", "1"])
    if n == "pattern":  # einops patterns, good and malformed
        return rng.choice(["'h w -> w h'", "'b (h w) -> b h w'", "'... -> (...)'",
                           "'h w -> h w 3'", "'h -> (h 2)'", "'a b c -> c'", "'(a -> a'",
                           "'a a -> a'", "'->'", "''", "'a ... -> ... a 1 ()'", "1"])
    if n == "reduction":
        return rng.choice(["'sum'", "'mean'", "'min'", "'max'", "'prod'", "'any'", "'all'",
                           "'median'", "None"])
    # Anything else is an array operand, sometimes a scalar or junk.
    r = rng.random()
    if r < 0.75:
        return V.array_src(rng, shape if rng.random() < 0.6 else None)
    if r < 0.87:
        return V.scalar_src(rng)
    return rng.choice(V.JUNK)


def function_call(entry, rng):
    name, callee, params = entry
    shape = rng.choice(V.SHAPES)
    args, kwargs = [], {}
    for pname, kind, has_default in params:
        if kind == "var":
            args += [arg_src("x", rng, shape) for _ in range(rng.randint(0, 3))]
        elif kind == "pos" and (not has_default or rng.random() < 0.5):
            args.append(arg_src(pname, rng, shape))
        elif kind == "kw" and (not has_default or rng.random() < 0.4):
            kwargs[pname] = arg_src(pname, rng, shape)
    if rng.random() < 0.03:  # a stray keyword nobody accepts
        kwargs["bogus"] = "1"
    return (name, callee, args, kwargs)


def array_call(rng):
    """An operator, indexing, setitem, conversion, attribute or method on a random array."""
    shape = rng.choice(V.SHAPES)
    a = V.array_src(rng, shape)
    r = rng.random()
    if r < 0.3:
        op = rng.choice(BINARY_OPS)
        other = arg_src("x2", rng, shape)
        if rng.random() < 0.3:  # reflected: scalar or junk on the left
            return (f"Array.__r{op.rstrip('_')}__", f"operator.{op}", [other, a], {})
        return (f"Array.__{op.rstrip('_')}__", f"operator.{op}", [a, other], {})
    if r < 0.55:
        return ("Array.__getitem__", "operator.getitem", [a, V.index_src(rng)], {})
    if r < 0.75:
        value = arg_src("value", rng, shape)
        return ("Array.__setitem__", "operator.setitem", [a, V.index_src(rng), value], {})
    if r < 0.83:
        op = rng.choice(UNARY_OPS)
        return (f"Array.__{op}__", f"operator.{op}", [a], {})
    if r < 0.9:
        fn = rng.choice(CONVERSIONS)
        return (f"Array.__{fn}__", fn, [a], {})
    if r < 0.95:
        attr = rng.choice(ATTRIBUTES)
        return ("Array." + attr, "getattr", [a, repr(attr)], {})
    if r < 0.975:
        return ("Array.to_device", "xp.Array.to_device", [a, arg_src("device", rng, shape)], {})
    kwargs = {}
    if rng.random() < 0.5:
        kwargs["max_version"] = rng.choice(["(1, 0)", "(0, 8)", "(2, 0)", "None", "'x'", "(1,)"])
    if rng.random() < 0.3:
        kwargs["copy"] = V.bool_src(rng)
    return ("Array.__dlpack__", "xp.Array.__dlpack__", [a], kwargs)


def import_call(rng):
    """asarray / from_dlpack on Python objects, NumPy views and arrays of other backends."""
    kwargs = {}
    for key, gen in (("dtype", V.dtype_src), ("copy", V.bool_src),
                     ("device", lambda r: arg_src("device", r, ())),
                     ("backend", lambda r: arg_src("backend", r, ()))):
        if rng.random() < 0.25:
            kwargs[key] = gen(rng)
    if rng.random() < 0.5:
        return ("asarray", "xp.asarray", [V.python_obj_src(rng)], kwargs)
    kwargs.pop("dtype", None)
    obj = V.numpy_src(rng, reversed_ok=True) if rng.random() < 0.6 else V.python_obj_src(rng)
    return ("from_dlpack", "xp.from_dlpack", [obj], kwargs)


def random_call(functions, rng):
    r = rng.random()
    if r < 0.6:
        return function_call(rng.choice(functions), rng)
    if r < 0.9:
        return array_call(rng)
    return import_call(rng)


def call_text(call):
    """The call as one Python expression: the reproducer's last statement."""
    _, callee, args, kwargs = call
    parts = list(args) + [f"{k}={v}" for k, v in kwargs.items()]
    return f"{callee}({', '.join(parts)})"

