"""Per-call cost of a Python call into ivycpp versus NumPy (and PyTorch, and MLX's own Python
API, when importable): x + y and sum(x) at 10^2, 10^4 and 10^6 float32 elements, median of
repeated timings. MLX is lazy: its columns (native and ivycpp) evaluate every result.

    PYTHONPATH=build/python .venv/bin/python bench/python_overhead.py
"""
import statistics
import sys
import timeit

import numpy as np

import ivycpp as xp


def per_call_us(fn, number):
    runs = timeit.repeat(fn, number=number, repeat=7)
    return statistics.median(runs) / number * 1e6


def main():
    sizes = [10 ** 2, 10 ** 4, 10 ** 6]
    rows = []
    try:
        import torch
    except ImportError:
        torch = None
    try:
        import mlx.core as mx
    except ImportError:
        mx = None
    for n in sizes:
        a = np.random.default_rng(0).standard_normal(n).astype(np.float32)
        number = 2000 if n <= 10 ** 4 else 50
        row = {"n": n, "numpy add": per_call_us(lambda: a + a, number),
               "numpy sum": per_call_us(lambda: a.sum(), number)}
        if torch is not None:
            t = torch.from_numpy(a)
            row["PyTorch add"] = per_call_us(lambda: t + t, number)
        if mx is not None:
            m = mx.array(a)
            row["MLX add"] = per_call_us(lambda: mx.eval(m + m), number)
            row["MLX sum"] = per_call_us(lambda: mx.eval(mx.sum(m)), number)
        for b in [b for b in xp.available_backends() if b != "stub"]:
            x = xp.asarray(a, backend=b)
            if b == "mlx":  # lazy: force the computation so the timing includes it
                row[f"ivycpp[{b}] add"] = per_call_us(lambda: xp.eval(x + x), number)
                row[f"ivycpp[{b}] sum"] = per_call_us(lambda: xp.eval(xp.sum(x)), number)
            else:
                row[f"ivycpp[{b}] add"] = per_call_us(lambda: x + x, number)
                row[f"ivycpp[{b}] sum"] = per_call_us(lambda: xp.sum(x), number)
        rows.append(row)
    cols = list(rows[0])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r[c]) if c == "n" else f"{r[c]:.2f}" for c in cols) + " |")
    print("\n(microseconds per call)", file=sys.stderr)


if __name__ == "__main__":
    main()
