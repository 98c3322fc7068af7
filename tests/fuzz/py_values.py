"""Random argument values for the Python fuzzer, as Python source text.

Every value is generated as source (not as an object) so that a finding can be printed as a
one-line reproducer that rebuilds exactly the same arguments. The source is evaluated in a
namespace holding `xp` (ivycpp), `np` (NumPy), `nan` and `inf`.
"""

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8",
          "float16", "bfloat16", "float32", "float64"]

# Values that break code paths: signed zero, non-finite, extremes of each type.
FLOATS = ["0.0", "-0.0", "1.0", "-1.5", "2.0", "0.5", "nan", "inf", "-inf", "1e308", "-1e-310",
          "3.0", "-7.25", "65504.0", "1e-8"]
INT_EXTREMES = {
    "int8": ["-128", "127"], "int16": ["-32768", "32767"],
    "int32": ["-2147483648", "2147483647"], "int64": ["-9223372036854775808", "9223372036854775807"],
    "uint8": ["255", "128"],
}
SMALL_INTS = ["0", "1", "2", "3", "7", "-1", "-2"]

SHAPES = [(), (0,), (1,), (2,), (3,), (5,), (2, 3), (3, 3), (4, 4), (0, 3), (3, 0), (1, 1),
          (2, 1, 4), (1, 1, 1), (2, 2, 2), (3, 4), (4, 3), (2, 2, 2, 2), (1, 3, 1), (6,)]

# Arguments of the wrong kind or an extreme size, for any parameter.
JUNK = ["None", "1.5", "'0'", "'float32'", "True", "False", "-1", "0", "2**63", "-2**63", "2**64",
        "10**9", "()", "(0,)", "(1.5,)", "(-1,)", "(2**40,)", "[1, 2]", "(0, 0)", "object()",
        "nan", "inf", "-0.0", "xp.float32", "xp.int8", "'cpu'", "b'x'", "{}", "slice(None)",
        "Ellipsis", "'nope'", "(None,)", "[[1], [2, 3]]", "-(10**9)", "(2**31, 2**31)"]

SCALARS = ["0", "1", "-1", "2", "2.5", "-0.0", "nan", "inf", "-inf", "True", "False",
           "2**63", "-2**63", "2**64", "10**30", "1e308", "-9223372036854775808", "255"]


def values_for(dtype, rng, count):
    """`count` element literals suitable for a NumPy array of `dtype`."""
    if dtype == "bool":
        pool = ["True", "False"]
    elif dtype.startswith("float") or dtype == "bfloat16":
        pool = FLOATS
    elif dtype == "uint8":
        pool = ["0", "1", "2", "3", "7"] + INT_EXTREMES["uint8"]
    else:
        pool = SMALL_INTS + INT_EXTREMES[dtype]
    return [rng.choice(pool) for _ in range(count)]


def numpy_src(rng, shape=None, dtype=None, reversed_ok=False):
    """Source of a NumPy array (bfloat16 as float32): 0-d, empty, odd shapes, sometimes strided.

    Negative strides only where the import itself is fuzzed (reversed_ok): elsewhere a crash
    of the import would hide the function under test."""
    dtype = dtype or rng.choice(DTYPES)
    shape = shape if shape is not None else rng.choice(SHAPES)
    size = 1
    for d in shape:
        size *= d
    npdtype = "float32" if dtype == "bfloat16" else dtype
    elems = ", ".join(values_for(dtype, rng, size))
    src = f"np.array([{elems}], dtype='{npdtype}').reshape({shape!r})"
    # Reversed or transposed NumPy views reach the DLPack import with negative/odd strides.
    if reversed_ok and len(shape) >= 1 and rng.random() < 0.2:
        src += "[::-1]"
    elif len(shape) >= 2 and rng.random() < 0.1:
        src += ".T"
    return src


def array_src(rng, shape=None, dtype=None):
    """Source of an ivycpp array of any dtype (bfloat16 through a cast on import)."""
    dtype = dtype or rng.choice(DTYPES)
    extra = ", dtype=xp.bfloat16" if dtype == "bfloat16" else ""
    return f"xp.asarray({numpy_src(rng, shape, dtype)}{extra})"


def int_array_src(rng, shape=None):
    """Index-like array: int64 entries in and out of range."""
    shape = shape if shape is not None else rng.choice([(), (1,), (2,), (3,), (2, 2), (0,)])
    size = 1
    for d in shape:
        size *= d
    elems = ", ".join(rng.choice(["0", "1", "2", "-1", "5", "-7", "100"]) for _ in range(size))
    return f"xp.asarray(np.array([{elems}], dtype='int64').reshape({shape!r}))"


def axis_src(rng):
    r = rng.random()
    if r < 0.55:
        return str(rng.randint(-4, 4))
    if r < 0.7:
        return rng.choice(["None", "(0, 1)", "(0, 0)", "(-1,)", "()", "(1, -1)", "(0, 5)"])
    return rng.choice(JUNK)


def shape_src(rng):
    r = rng.random()
    if r < 0.6:
        return repr(rng.choice(SHAPES))
    if r < 0.75:
        return rng.choice(["(-1,)", "(2, -1)", "(-1, -1)", "3", "0", "[2, 3]", "(1, 0, 2)"])
    return rng.choice(JUNK)


def dtype_src(rng):
    r = rng.random()
    if r < 0.7:
        return "xp." + rng.choice(DTYPES)
    if r < 0.8:
        return repr(rng.choice(DTYPES))
    return rng.choice(JUNK)


def int_src(rng):
    r = rng.random()
    if r < 0.6:
        return str(rng.randint(-3, 6))
    return rng.choice(JUNK)


def bool_src(rng):
    return rng.choice(["True", "False"]) if rng.random() < 0.8 else rng.choice(JUNK)


def scalar_src(rng):
    return rng.choice(SCALARS)


def index_part_src(rng):
    """One component of an index: int, slice (with junk parts), None, Ellipsis, arrays."""
    r = rng.random()
    if r < 0.3:
        return rng.choice(["0", "1", "-1", "2", "-3", "5", "2**63", "-2**63", "True"])
    if r < 0.65:
        parts = ["None", "0", "1", "-1", "2", "10**9", "-(10**9)", "0", "2**63", "-2**63"]
        start, stop = rng.choice(parts), rng.choice(parts)
        step = rng.choice(["None", "1", "2", "-1", "-2", "0", "2**63", "None"])
        # Non-integer bounds are rare: most reach the same code path.
        if rng.random() < 0.1:
            start = rng.choice(["1.5", "'a'", "nan", "xp.asarray(1)"])
        return f"slice({start}, {stop}, {step})"
    if r < 0.75:
        return rng.choice(["None", "Ellipsis"])
    if r < 0.85:
        return int_array_src(rng)
    if r < 0.92:
        return array_src(rng, dtype="bool")
    return rng.choice(["1.5", "'0'", "[0, 1]", "[True, False]", "(0,)", "[]", "object()"])


def index_src(rng):
    if rng.random() < 0.5:
        return index_part_src(rng)
    return "(" + "".join(index_part_src(rng) + ", " for _ in range(rng.randint(0, 4))) + ")"


def python_obj_src(rng):
    """An object for asarray: nested lists (ragged too), scalars, NumPy arrays, junk."""
    r = rng.random()
    if r < 0.3:
        return numpy_src(rng, reversed_ok=True)
    if r < 0.5:
        return rng.choice(["[1, 2.5, nan]", "[[1, 2], [3, 4]]", "[[1], [2, 3]]", "[]", "[[]]",
                           "[True, 2]", "[2**63]", "[-2**63, 1]", "[[[0.0]]]", "[1, 'a']",
                           "[None]", "[[1, 2], 3]", "[-0.0, inf]", "(1, 2)"])
    if r < 0.7:
        return scalar_src(rng)
    if r < 0.85:
        return array_src(rng)
    return rng.choice(JUNK)
