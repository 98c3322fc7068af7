#!/usr/bin/env python3
"""Runs ivy's overhead benchmarks and writes docs/benchmarks.md.

    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON
    cmake --build build-bench
    python3 bench/run_benchmarks.py build-bench

Each program (build-bench/bench/ivy_bench_<backend>) times every function on four call paths
(native, static, explicit, erased) with Google Benchmark; this script takes the median CPU time
of the repetitions, divides each ivy path by the native one, and, unless --no-callgrind, counts
the instructions of single calls under callgrind. Text below the NOTES_MARKER line of an
existing docs/benchmarks.md is kept, so hand-written notes survive a re-run. With --backends,
only those programs run; the other backends' sections and summary columns are kept from the
existing document, and its header says which run each came from.
Python standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BACKENDS = ["torch", "xtensor", "mlx", "tensorflow", "mxnet", "xla"]
PATHS = ["static", "explicit", "erased"]
FUNCTIONS = ["sin", "exp", "add", "multiply", "maximum", "sum", "mean", "matmul"]
WRAPPERS = ["wrapper_cast", "wrapper_reshape", "wrapper_copy"]
WRAPPER_PATHS = ["native", "static", "framework", "explicit", "erased"]
# TensorFlow eager's own per-op cost (ivy_bench_tensorflow's eager_* rows).
EAGER_PATHS = ["new_op", "reused_op", "ivy_erased"]
# MXNet's own per-op cost (ivy_bench_mxnet's engine_* rows), on the NaiveEngine ivy selects and,
# in a second run of those rows, on MXNet's default threaded engine.
ENGINE_PATHS = ["invoke", "ivy_erased", "threaded_invoke", "threaded_ivy_erased"]
# XLA's own per-execution cost (ivy_bench_xla's engine_* rows).
XLA_ENGINE_PATHS = ["execute", "ivy_erased"]
THREADED_ENGINE = "ThreadedEnginePerDevice"
# The header line that lists the sections kept from earlier runs (--backends).
KEPT_HEADING = "Sections kept from earlier runs (this run used `--backends`):"
NOTES_MARKER = "<!-- Notes below this line are hand-written; run_benchmarks.py keeps them. -->"
# Single threads everywhere: the machines have 2 cores and other jobs run beside.
ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# (function, size, paths) counted under callgrind, per backend.
CALLGRIND_CASES = [
    ("wrapper_cast", 100, ["native", "static", "erased"]),
    ("wrapper_copy", 100, ["native", "erased"]),
    ("sin", 100, ["native", "static", "erased"]),
    ("add", 100, ["native", "static", "erased"]),
    ("sum", 100, ["native", "static", "erased"]),
]
CALLGRIND_ITERS = 1000
UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("build_dir", help="CMake build directory configured with IVY_BUILD_BENCHMARKS=ON")
    p.add_argument("--min-time", default="0.05", help="--benchmark_min_time per repetition (s)")
    p.add_argument("--repetitions", type=int, default=5)
    p.add_argument("--filter", default="", help="--benchmark_filter regex (default: all)")
    p.add_argument("--no-callgrind", action="store_true", help="skip the instruction counts")
    p.add_argument("--backends", default="",
                   help="comma-separated backends to run (default: all built); the others' "
                   "sections are kept from the existing document")
    p.add_argument("--out", default=os.path.join(REPO, "docs", "benchmarks.md"))
    return p.parse_args()


def bench_flags(args):
    flags = [
        "--benchmark_format=json",
        f"--benchmark_min_time={args.min_time}",
        f"--benchmark_repetitions={args.repetitions}",
        "--benchmark_report_aggregates_only=true",
        # Repetitions of all benchmarks run in random order, so a burst of load from other
        # jobs spreads over every path instead of hitting one.
        "--benchmark_enable_random_interleaving=true",
    ]
    if args.filter:
        flags.append(f"--benchmark_filter={args.filter}")
    return flags


def run_env(extra=None):
    env = dict(os.environ)
    env.update(ENV)
    env.update(extra or {})
    return env


def run_program(program, flags, extra_env=None):
    """Runs one benchmark program; returns {(fn, path, n): median cpu ns} and its context."""
    print(f"running {program} ...", file=sys.stderr, flush=True)
    out = subprocess.run([program] + flags, env=run_env(extra_env), check=True,
                         capture_output=True, text=True).stdout
    if not out.strip():  # --filter matched none of this program's benchmarks
        return {}, {}
    data = json.loads(out)
    times = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        # A benchmark timed by process CPU time (mlx) carries a "/process_time" suffix.
        _, fn, path, n = b["run_name"].split("/")[:4]
        times[(fn, path, int(n))] = b["cpu_time"] * UNIT_NS[b.get("time_unit", "ns")]
    return times, data.get("context", {})


def callgrind_count(program, name):
    """Instructions per call of one benchmark body (the harness's few instructions included)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                        f"--callgrind-out-file={out}", program,
                        f"--ivy_count={name}:{CALLGRIND_ITERS}"],
                       env=run_env(), check=True, capture_output=True, text=True)
        with open(out + ".1") as f:  # the dump the count mode requested
            for line in f:
                if line.startswith("summary:"):
                    return int(line.split()[1]) / CALLGRIND_ITERS
    raise RuntimeError(f"no summary in the callgrind dump of {name}")


def run_threaded_engine(program, args):
    """MXNet's engine_* rows again under its default threaded engine, as threaded_<path>."""
    flags = [f for f in bench_flags(args) if not f.startswith("--benchmark_filter=")]
    flags.append("--benchmark_filter=mxnet/engine_")
    times, context = run_program(program, flags, {"MXNET_ENGINE_TYPE": THREADED_ENGINE})
    if context.get("mxnet_engine") != THREADED_ENGINE:
        sys.exit(f"{program} did not report MXNET_ENGINE_TYPE={THREADED_ENGINE}")
    return {(fn, "threaded_" + path, n): t for (fn, path, n), t in times.items()}


def run_callgrind(backend, program):
    counts = {}
    for fn, n, paths in CALLGRIND_CASES:
        for path in paths:
            name = f"{backend}/{fn}/{path}/{n}"
            print(f"callgrind {name} ...", file=sys.stderr, flush=True)
            counts[(fn, path, n)] = callgrind_count(program, name)
    return counts


def first_line(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "unknown"


def cmake_cache(build_dir, key):
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt")) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def machine(build_dir, context):
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    compiler = cmake_cache(build_dir, "CMAKE_CXX_COMPILER")
    packages = first_line(["dpkg-query", "-W", "-f=${Package} ${Version}, ",
                           "libtorch-dev", "libxtensor-dev", "libxtensor-blas-dev",
                           "libbenchmark-dev", "libopenblas0-pthread"]).rstrip(", ")
    wheels = [f"{name} {version}" for name, version in
              [("mlx", wheel_version("mlx")), ("tensorflow-cpu", wheel_version("tensorflow_cpu"))]
              if version]
    if wheels:
        packages += f"; PyPI {', '.join(wheels)} in .venv"
    mxnet = wheel_version("mxnet", os.path.join(REPO, ".deps", "mxnet"))
    if mxnet:
        packages += f"; PyPI mxnet {mxnet} in .deps/mxnet"
    xla = wheel_version("xla_cpu_pjrt", os.path.join(REPO, ".deps", "xla"))
    if xla:
        packages += f"; PyPI xla-cpu-pjrt {xla} in .deps/xla"
    return [
        f"CPU: {model}, {first_line(['nproc'])} cores available (nproc), "
        f"{context.get('mhz_per_cpu', '?')} MHz, memory {mem}",
        f"OS: {platform.platform()}",
        f"Compiler: {first_line([compiler, '--version'])}, "
        f"CMAKE_BUILD_TYPE={cmake_cache(build_dir, 'CMAKE_BUILD_TYPE')}",
        f"Packages: {packages}",
        f"Google Benchmark library built as: {context.get('library_build_type', '?')}",
    ]


def wheel_version(dist, folder=None):
    """The version of the wheel `dist` (its dist-info spelling, e.g. tensorflow_cpu) in the
    project's .venv, or in `folder` (a pip --target folder such as .deps/mxnet); None if absent."""
    if folder is not None:
        sites = [folder]
    else:
        lib = os.path.join(REPO, ".venv", "lib")
        pythons = sorted(os.listdir(lib)) if os.path.isdir(lib) else []
        sites = [os.path.join(lib, python, "site-packages") for python in pythons]
    for site in sites:
        if not os.path.isdir(site):
            continue
        for entry in sorted(os.listdir(site)):
            if entry.startswith(dist + "-") and entry.endswith(".dist-info"):
                return entry[len(dist) + 1:-len(".dist-info")]
    return None


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def sizes_of(times):
    return sorted({n for (fn, _, n) in times if fn in FUNCTIONS})


def ratio_table(times):
    lines = ["| function | elements | native | static / native | explicit / native "
             "| erased / native | erased − native |", "|---|---:|---:|---:|---:|---:|---:|"]
    for fn in FUNCTIONS:
        for n in sizes_of(times):
            native = times.get((fn, "native", n))
            if native is None:
                continue
            cells = [fn, f"{n:,}", fmt_time(native)]
            for path in PATHS:
                t = times.get((fn, path, n))
                cells.append(f"{t / native:.3f}" if t else "–")
            erased = times.get((fn, "erased", n))
            cells.append(f"{erased - native:+.0f} ns" if erased else "–")
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def overheads(times, n, functions=FUNCTIONS):
    """Per path: mean and median of (path / native - 1) over the functions, in percent."""
    result = {}
    for path in PATHS:
        r = [times[(fn, path, n)] / times[(fn, "native", n)] - 1 for fn in functions
             if (fn, path, n) in times and (fn, "native", n) in times]
        if r:
            result[path] = (100 * statistics.mean(r), 100 * statistics.median(r))
    return result


def overhead_lines(times):
    lines = ["| elements | functions | static | explicit | erased |", "|---:|---|---:|---:|---:|"]
    groups = [("all", FUNCTIONS), ("element-wise", FUNCTIONS[:5])]
    for n in sizes_of(times):
        for label, fns in groups:
            o = overheads(times, n, fns)
            cells = [f"{o[p][0]:+.1f}% (median {o[p][1]:+.1f}%)" if p in o else "–" for p in PATHS]
            lines.append(f"| {n:,} | {label} | " + " | ".join(cells) + " |")
    return lines


def summary_table(results, kept_cells):
    """One column per backend: the mean erased and static overheads at each size. kept_cells:
    {backend: {(elements text, path): cell}} of backends kept from the earlier document."""
    backends = [b for b in BACKENDS if b in results or b in kept_cells]
    sizes = sorted({n for b in backends if b in results for n in sizes_of(results[b][0])})
    lines = ["| elements | path | " + " | ".join(backends) + " |",
             "|---:|---|" + "---:|" * len(backends)]
    for n in sizes:
        for path in ["static", "erased"]:
            cells = []
            for b in backends:
                if b not in results:
                    cells.append(kept_cells[b].get((f"{n:,}", path), "–"))
                    continue
                o = overheads(results[b][0], n)
                cells.append(f"{o[path][0]:+.1f}% (median {o[path][1]:+.1f}%)" if path in o
                             else "–")
            lines.append(f"| {n:,} | {path} | " + " | ".join(cells) + " |")
    return lines


def wrapper_table(times):
    lines = ["| op (10 × 10 float32) | " + " | ".join(WRAPPER_PATHS) + " |",
             "|---|" + "---:|" * len(WRAPPER_PATHS)]
    for fn in WRAPPERS:
        cells = []
        for path in WRAPPER_PATHS:
            t = times.get((fn, path, 100))
            cells.append(f"{t:.1f} ns" if t is not None else "–")
        lines.append(f"| {fn} | " + " | ".join(cells) + " |")
    return lines


def eager_table(times):
    rows = sorted({(fn, n) for (fn, _, n) in times if fn.startswith("eager_")})
    lines = ["| op | elements | " + " | ".join(EAGER_PATHS) + " |",
             "|---|---:|" + "---:|" * len(EAGER_PATHS)]
    for fn, n in rows:
        cells = []
        for path in EAGER_PATHS:
            t = times.get((fn, path, n))
            cells.append(f"{t:.0f} ns" if t is not None else "–")
        lines.append(f"| {fn[len('eager_'):]} | {n:,} | " + " | ".join(cells) + " |")
    return lines


def xla_engine_table(times):
    rows = sorted({(fn, n) for (fn, _, n) in times if fn.startswith("engine_")})
    lines = ["| op | elements | execute | ivy_erased | ivy_erased − execute |",
             "|---|---:|---:|---:|---:|"]
    for fn, n in rows:
        t = [times.get((fn, path, n)) for path in XLA_ENGINE_PATHS]
        cells = [f"{x:.0f} ns" if x is not None else "–" for x in t]
        cells.append(f"{t[1] - t[0]:+.0f} ns" if None not in t else "–")
        lines.append(f"| {fn[len('engine_'):]} | {n:,} | " + " | ".join(cells) + " |")
    return lines


def engine_table(times):
    rows = sorted({(fn, n) for (fn, _, n) in times if fn.startswith("engine_")})
    lines = ["| op | elements | NaiveEngine: invoke | NaiveEngine: ivy_erased "
             f"| {THREADED_ENGINE}: invoke | {THREADED_ENGINE}: ivy_erased |",
             "|---|---:|" + "---:|" * len(ENGINE_PATHS)]
    for fn, n in rows:
        cells = []
        for path in ENGINE_PATHS:
            t = times.get((fn, path, n))
            cells.append(f"{t:.0f} ns" if t is not None else "–")
        lines.append(f"| {fn[len('engine_'):]} | {n:,} | " + " | ".join(cells) + " |")
    return lines


def callgrind_table(counts):
    lines = ["| benchmark (100 elements) | native | static | erased | static − native "
             "| erased − native |", "|---|---:|---:|---:|---:|---:|"]
    for fn, n, _ in CALLGRIND_CASES:
        native = counts.get((fn, "native", n))
        cells = []
        for path in ["native", "static", "erased"]:
            c = counts.get((fn, path, n))
            cells.append(f"{c:,.0f}" if c is not None else "–")
        for path in ["static", "erased"]:
            c = counts.get((fn, path, n))
            cells.append(f"{c - native:+,.0f}" if c is not None and native else "–")
        lines.append(f"| {fn} | " + " | ".join(cells) + " |")
    return lines


def read_doc(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def kept_notes(path):
    text = read_doc(path)
    i = text.find(NOTES_MARKER)
    return text[i + len(NOTES_MARKER):].strip() if i >= 0 else ""


def kept_from_doc(path, backends):
    """What the existing document says about `backends` (those not run this time): their
    sections verbatim, their summary cells and the run each came from."""
    text = read_doc(path)
    generated = text.split(NOTES_MARKER)[0]
    lines = generated.splitlines()
    # The run each section came from: the kept list of an earlier partial run, else its header.
    header = [l for l in lines if l.startswith("Date: ")]
    cpu = [l[2:] for l in lines if l.startswith("* CPU: ")]
    load = [l[2:].split(" Other jobs")[0] for l in lines if l.startswith("* Load average")]
    own = "; ".join(l.rstrip(".") for l in (header[:1] or ["an undated run"]) + cpu[:1]
                    + load[:1])
    provenance = {}
    if KEPT_HEADING in lines:
        for l in lines[lines.index(KEPT_HEADING) + 1:]:
            if not l.startswith("* "):
                if l.strip():
                    break
                continue
            names, _, what = l[2:].partition(": ")
            for b in names.split(", "):
                provenance[b] = what
    sections, cells = {}, {}
    for b in backends:
        start = f"## {b}"
        if start not in lines:
            continue
        i = lines.index(start)
        j = next((k for k in range(i + 1, len(lines)) if lines[k].startswith("## ")), len(lines))
        sections[b] = "\n".join(lines[i:j]).strip()
        provenance.setdefault(b, own)
    # Summary columns by header name.
    table = [l for l in lines if l.startswith("| elements | path |")]
    if table:
        names = [c.strip() for c in table[0].strip("|").split("|")]
        for l in lines[lines.index(table[0]) + 2:]:
            if not l.startswith("|"):
                break
            row = [c.strip() for c in l.strip("|").split("|")]
            for b in sections:
                if b in names:
                    cells.setdefault(b, {})[(row[0], row[1])] = row[names.index(b)]
    return sections, cells, {b: provenance[b] for b in sections}


def write_report(args, results, load_before, load_after, context, started):
    command = "python3 bench/run_benchmarks.py " + " ".join(sys.argv[1:])
    kept_sections, kept_cells, provenance = {}, {}, {}
    if args.backends:
        kept_sections, kept_cells, provenance = kept_from_doc(
            args.out, [b for b in BACKENDS if b not in results])
    out = [
        "# Overhead benchmarks",
        "",
        "Generated by `bench/run_benchmarks.py`; do not edit above the notes marker.",
        "",
        f"Date: {started:%Y-%m-%d %H:%M} UTC. Command: `{command}`, which ran each program "
        f"as `<program> {' '.join(bench_flags(args))}` with "
        + ", ".join(f"{k}={v}" for k, v in ENV.items()) + ".",
        "",
        "Machine:",
        "",
    ]
    out += [f"* {line}" for line in machine(args.build_dir, context)]
    out += [
        f"* Load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
        f"after: {', '.join(f'{x:.2f}' for x in load_after)}. Other jobs (compilers) shared "
        "the cores: expect run-to-run noise of several percent on wall-clock ratios.",
        "",
    ]
    if provenance:
        out += [f"This run: {', '.join(b for b in BACKENDS if b in results)}.", "", KEPT_HEADING,
                ""]
        groups = {}
        for b in BACKENDS:
            if b in provenance:
                groups.setdefault(provenance[b], []).append(b)
        out += [f"* {', '.join(bs)}: {what}" for what, bs in groups.items()]
        out += [""]
    out += [
        "## How to run",
        "",
        "```sh",
        "cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON",
        "cmake --build build-bench",
        "python3 bench/run_benchmarks.py build-bench            # --no-callgrind to skip counts",
        "./build-bench/bench/ivy_bench_torch --benchmark_filter='torch/add/'   # one program",
        "```",
        "",
        "## What is measured",
        "",
        "Names are `<backend>/<function>/<path>/<elements>`. Paths:",
        "",
        "* **native**: the engine called directly (`at::sin(t)`, `at::add(a, b)`, `t.sum()`, "
        "`t.mean(0)`, `at::matmul`; xtensor expressions assigned to an `xt::xarray<float>`, "
        "`xt::sum`, `xt::mean(x, {0})`, `xt::linalg::dot`; `mx::sin(a)`, `mx::add(a, b)`, "
        "`mx::sum(a)`, `mx::mean(a, 0)`, `mx::matmul(a, b)`; TensorFlow's eager C API, per call "
        "`TFE_NewOp`, `TFE_OpAddInput`s, attributes where needed, `TFE_Execute`, `TFE_DeleteOp`, "
        "of `Sin`, `Exp`, `AddV2`, `Mul`, `Maximum`, `Sum` and `Mean` (with a prebuilt int32 "
        "`reduction_indices` [0]), `MatMul`; MXNet's C API, the operator handle looked up once "
        "(`NNGetOpHandle`), per call `MXImperativeInvoke` with string parameters, "
        "`MXNDArrayWaitToRead` on the output, `MXNDArrayFree` when the result goes, of the "
        "operators ivy's backend uses where it needs one: `sin`, `_npi_exp`, `_npi_add`, "
        "`_npi_multiply`, `_npi_maximum`, `_np_sum` (all axes), `_npi_mean` (`axis` 0), "
        "`_npi_matmul`; XLA's PJRT C API, a StableHLO module per function and shape compiled "
        "once, per call `PJRT_LoadedExecutable_Execute`, an await of its `device_complete` "
        "event, the output wrapped with `ivy::xla::Buffer::adopt`, of `stablehlo.sine`, "
        "`exponential`, `add`, `multiply`, `maximum`, `reduce` with `add` (all axes; over axis 0 "
        "then `divide` for the mean), `dot_general`).",
        "* **static**: ivy's overload chosen at compile time from the native type "
        "(`ivy::sin(t)` on `at::Tensor` / `xt::xarray<float>` / `mx::array` / "
        "`ivy::tensorflow::Tensor` / `ivy::mxnet::NDArray` / `ivy::xla::Buffer`). On xtensor it "
        "copies the inputs "
        "in and the result out by design.",
        "* **explicit**: `ivy::Array`s created with `ivy::backend(\"torch\")` in their Options, "
        "then the `ivy::Array` call.",
        "* **erased**: `ivy::Array`s created under `ivy::use scope{\"torch\"}`, then the same "
        "call. Explicit and erased run the same dispatch code (the backend tag of the array); "
        "they differ only in how the inputs were created, so their difference is noise.",
        "* **framework** (wrapper-only rows): `ivy::torch::cast(t, ...)` / "
        "`ivy::xtensor::cast(x, ...)` / `ivy::mlx::cast(a, ...)` / `ivy::tensorflow::cast(t, ...)` "
        "/ `ivy::mxnet::cast(t, ...)` / `ivy::xla::cast(b, ...)`.",
        "",
        "MLX is lazy: an op returns a graph node and the work happens at evaluation. Every MLX "
        "path therefore evaluates its result inside the timed loop (`mx::eval(r)` on the native "
        "and static paths, `ivy::eval(r)` on `ivy::Array`), on inputs evaluated once before the "
        "loop, so each iteration builds and computes exactly one op on every path "
        "(`wrapper_copy` evaluates nothing). MLX computes on a stream thread of its own while "
        "the caller waits, so the MLX benchmarks are timed by the CPU time of the whole process "
        "(Google Benchmark's `MeasureProcessCPUTime`) instead of the calling thread's.",
        "",
        "TensorFlow runs eagerly (`ivy::tensorflow::Tensor` holds a `TFE_TensorHandle`); ivy "
        "loads its C library at run time, and `ivy_bench_tensorflow` calls the C functions of "
        "that loaded copy (looked up with `dlsym`). ivy's backend reuses one `TFE_Op` per thread "
        "(`TFE_OpReset`) where the native path makes and deletes one per call. TensorFlow can "
        "run a kernel on its own thread pools while the caller waits, so its benchmarks are "
        "timed by the CPU time of the whole process too; the program sets "
        "`TF_NUM_INTRAOP_THREADS=1` and `TF_NUM_INTEROP_THREADS=1` (unless already set), so "
        "kernels run on the calling thread as LibTorch's do with one thread.",
        "",
        "MXNet (1.9.1, `ivy::mxnet::NDArray` holds an `NDArrayHandle`) is loaded by ivy at run "
        "time too, and `ivy_bench_mxnet` calls the C functions of that loaded copy (looked up "
        "with `dlsym`; no MXNet header is compiled). ivy selects MXNet's synchronous "
        "`NaiveEngine` (unless `MXNET_ENGINE_TYPE` is set), so an operator runs on the calling "
        "thread; every path waits on its result (`MXNDArrayWaitToRead`, as ivy's backend does "
        "on every output). Where MXNet's operator differs from the Array API, ivy composes "
        "several operators (docs/mxnet.md): `maximum` (first operand wins ties, NaN "
        "propagates) and float `sum`/`mean` (infinities and NaN accounted for apart from "
        "MXNet's Kahan sum) are several MXNet calls on ivy's paths against one on the native "
        "path. Timed by the CPU time of the whole process (MXNet's OpenMP and engine threads "
        "included), with OMP_NUM_THREADS=1.",
        "",
        "XLA (the CPU PJRT plugin of the PyPI wheel xla-cpu-pjrt, `ivy::xla::Buffer` holds a "
        "`PJRT_Buffer`) is loaded by ivy at run time, and `ivy_bench_xla` calls it through the "
        "`PJRT_Api` ivy loaded (`ivy::xla::api()`, on ivy's client `ivy::xla::client()`, one "
        "CPU device; only the plugin's `pjrt_c_api.h` is compiled). XLA is a compiler: ivy runs "
        "each kernel as a small StableHLO module compiled once per module text (shapes, dtypes "
        "and attributes included) and executed per call, and the native path does the same with "
        "modules written by hand, compiled with the compile options ivy gives its kernels (one "
        "replica and partition, `xla_cpu_enable_fast_min_max=false`, "
        "`xla_backend_optimization_level=0`); the program checks, before timing, that both give "
        "the same results at every size. Every path waits for its result (the "
        "`device_complete` event). Compilation happens before the timed loops. Timed by the CPU "
        "time of the whole process (XLA's CPU client has threads of its own).",
        "",
        "Element-wise functions (sin, exp, add, multiply, maximum) and `sum` take shape [n]; "
        "`mean` (over axis 0) and `matmul` take square matrices of n elements (√n × √n). "
        "float32, one thread (`at::set_num_threads(1)`; MLX: one stream thread; TensorFlow: one "
        "intra-op and one inter-op thread; MXNet: NaiveEngine, one OpenMP thread; XLA: one CPU "
        "device). Times are "
        "the median CPU time of the repetitions (CPU time rather than wall time because the "
        "machine was shared: wall time included periods when the process was not running). "
        "Ratios > 1 mean slower than native.",
        "",
        "Wrapper only: `wrapper_cast` is a cast to the array's own dtype and `wrapper_reshape` "
        "a reshape to its own shape (10 × 10 float32); ivy returns its input for both, so the "
        "time is the path's dispatch, validation and result handling. `wrapper_copy` copies "
        "the handle (`at::Tensor`, `xt::xarray<float>`, `mx::array`, `ivy::tensorflow::Tensor`, "
        "`ivy::Array` in the erased "
        "column): "
        "the floor of any call that returns an array. The native rows are the engine's own "
        "same-dtype cast (`t.to(at::kFloat)`, `xt::cast<float>` evaluated, `mx::astype` then "
        "`mx::eval`) and reshape (`t.reshape(shape)`; on xtensor a copy plus `reshape`, since "
        "an `xt::xarray` owns its buffer; `mx::reshape` then `mx::eval`); on TensorFlow the ops "
        "`Cast` (attribute `DstT` float) and `Reshape` (with a prebuilt int64 shape tensor) "
        "through the C API as above; on MXNet the operators `Cast` (`dtype` float32) and "
        "`_np_reshape` (`newshape` (10,10,)) through the C API as above; on XLA modules of one "
        "`stablehlo.convert` to f32 and one `stablehlo.reshape` to the same shape, executed "
        "as above. `wrapper_copy` on MXNet copies an `ivy::mxnet::NDArray` (a shared reference; "
        "the C API has no reference counting of its own), on XLA an `ivy::xla::Buffer` (a "
        "shared reference to a `PJRT_Buffer`).",
        "",
    ]
    if len(results) + len(kept_sections) > 1:
        out += ["## Summary: one column per backend", "",
                "Mean over the eight functions of path / native − 1 (median in brackets); the "
                "per-backend sections below have the details."
                + (" Columns of backends kept from earlier runs are copied from the earlier "
                   "document (see the header)." if kept_sections else ""), ""]
        out += summary_table(results, kept_cells)
        out += [""]
    for backend in BACKENDS:
        if backend in kept_sections:
            out += [kept_sections[backend], ""]
            continue
        if backend not in results:
            continue
        times, counts = results[backend]
        out += [f"## {backend}", ""]
        if 10000 in sizes_of(times):
            o = overheads(times, 10000)
            if "erased" in o:
                out += [f"**Type-erased mean overhead at 10^4 elements: {o['erased'][0]:+.1f}%** "
                        f"(median over functions {o['erased'][1]:+.1f}%; target ≤ 0.5%).", ""]
        out += ["### Wrapper only (ns per call)", ""]
        out += wrapper_table(times)
        out += [
            "",
            "### Overhead by size (mean over functions of path / native − 1)",
            "",
        ]
        out += overhead_lines(times)
        out += ["", "### Per function", ""]
        out += ratio_table(times)
        out += [""]
        if any(fn.startswith("eager_") for (fn, _, _) in times):
            out += ["### TensorFlow eager's own cost per op (ns per call)", "",
                    "float32 `AddV2` and `Sin` through the C API: **new_op** makes and deletes a "
                    "`TFE_Op` per call (the native path above), **reused_op** resets one op with "
                    "`TFE_OpReset` (as ivy's backend does), **ivy_erased** is `ivy::add` / "
                    "`ivy::sin` on `ivy::Array`. Each includes deleting the result handle.", ""]
            out += eager_table(times)
            out += [""]
        if backend == "xla" and any(fn.startswith("engine_") for (fn, _, _) in times):
            out += ["### XLA's own cost per execution (ns per call)", "",
                    "float32 `add` and `sine` modules compiled once: **execute** is the native "
                    "path above (`PJRT_LoadedExecutable_Execute`, the await of its "
                    "`device_complete` event, `PJRT_Buffer_Destroy` of the output when the result "
                    "goes), **ivy_erased** is `ivy::add` / `ivy::sin` on `ivy::Array`.", ""]
            out += xla_engine_table(times)
            out += [""]
        elif any(fn.startswith("engine_") for (fn, _, _) in times):
            out += ["### MXNet's own cost per operator (ns per call)", "",
                    "float32 `_npi_add` and `sin` through the C API: **invoke** is the native "
                    "path above (`MXImperativeInvoke`, `MXNDArrayWaitToRead`, `MXNDArrayFree`), "
                    "**ivy_erased** is `ivy::add` / `ivy::sin` on `ivy::Array`; on the "
                    "NaiveEngine ivy selects, and in a second run of these rows only with "
                    f"`MXNET_ENGINE_TYPE={THREADED_ENGINE}` (MXNet's default, asynchronous: the "
                    "call hands the operator to an engine thread and the wait blocks until it "
                    "ran).", ""]
            out += engine_table(times)
            out += [""]
        if counts:
            out += ["### Instructions per call (callgrind)", ""]
            out += callgrind_table(counts)
            out += ["", f"Instructions counted over {CALLGRIND_ITERS} calls after one warm-up "
                    "call, divided by the number of calls; each figure includes the same few "
                    "instructions of the benchmark harness (a `std::function` call).", ""]
    out += [NOTES_MARKER, ""]
    notes = kept_notes(args.out)
    if notes:
        out += [notes, ""]
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {args.out}", file=sys.stderr)


def main():
    args = parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    results, context = {}, {}
    chosen = [b for b in args.backends.split(",") if b] or BACKENDS
    unknown = [b for b in chosen if b not in BACKENDS]
    if unknown:
        sys.exit(f"unknown backends {unknown}; known: {BACKENDS}")
    for backend in [b for b in BACKENDS if b in chosen]:
        program = os.path.join(args.build_dir, "bench", f"ivy_bench_{backend}")
        if not os.path.exists(program):
            print(f"skipping {backend}: {program} not built", file=sys.stderr)
            continue
        times, program_context = run_program(program, bench_flags(args))
        if not times:
            continue
        context = program_context
        if backend == "mxnet" and any(fn.startswith("engine_") for (fn, _, _) in times):
            times.update(run_threaded_engine(program, args))
        counts = {}
        if not args.no_callgrind and shutil.which("valgrind"):
            counts = run_callgrind(backend, program)
        results[backend] = (times, counts)
    if not results:
        sys.exit("no benchmark program found; configure with -DIVY_BUILD_BENCHMARKS=ON")
    write_report(args, results, load_before, os.getloadavg(), context, started)


if __name__ == "__main__":
    main()
