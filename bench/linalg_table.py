#!/usr/bin/env python3
"""Runs ivy_bench_linalg and writes the "linalg" section of docs/benchmarks.md.

    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON
    ninja -C build-bench ivy_bench_linalg
    python3 bench/linalg_table.py build-bench [--baseline DIR]

--baseline DIR also runs DIR/ivy_bench_linalg against the libivy.so beside it (a copy of an
earlier build) and adds its ratios as "before" columns; each program's ratios are against the
native times of its own run. The section sits between the LINALG_BEGIN and LINALG_END comments,
which this script replaces. Python standard library only.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess

import section_writer

LINALG_BEGIN = "<!-- linalg section: written by bench/linalg_table.py -->"
LINALG_END = "<!-- end of linalg section -->"
FNS = ["cholesky", "eigh", "qr", "svd"]
SHAPES = ["3x3", "1000x3x3", "64x64", "256x256"]
DTYPES = ["float32", "float64"]


def run_program(program, min_time, repetitions, libdir=None):
    flags = ["--benchmark_format=json", f"--benchmark_min_time={min_time}",
             f"--benchmark_repetitions={repetitions}", "--benchmark_enable_random_interleaving=true"]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    if libdir:
        env["LD_LIBRARY_PATH"] = libdir + ":" + env.get("LD_LIBRARY_PATH", "")
    out = subprocess.run([program] + flags, check=True, capture_output=True, text=True, env=env)
    times = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        _, fn, path, dtype, shape = b["run_name"].split("/")
        scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        times.setdefault((fn, path, dtype, shape), []).append(b["cpu_time"] * scale)
    return {k: statistics.median(v) for k, v in times.items()}


def fmt_time(ns):
    return f"{ns / 1e3:.1f} us" if ns < 1e6 else f"{ns / 1e6:.2f} ms"


def section(runs, command):
    times, before = runs
    lines = [LINALG_BEGIN, "", "## linalg (matrix decompositions)", "",
             f"Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Command: `{command}` "
             "(bench/bench_linalg.cpp; median CPU time of the repetitions, one thread).", "",
             "**native**: `at::linalg_cholesky`, `at::linalg_eigh`, `at::linalg_qr` (reduced), "
             "`at::linalg_svd(x, false)`; **erased**: `ivy::<fn>` on `ivy::Array` of the torch "
             "backend; **static**: `ivy::<fn>` on `at::Tensor`. Inputs: symmetric positive "
             "definite for cholesky and eigh, normal entries for qr and svd. The ratios are "
             "ivy / native (> 1: slower than LibTorch); ivy's extra work is its argument checks, "
             "the finiteness check and the sign conventions (docs/linalg.md, \"Cost\")."]
    if before:
        lines += ["", "**before**: the same program on the library before the overhead was cut "
                  "(commit 0b8c7f0), run in the same invocation; **after**: the current library."]
    head = "| function | dtype | shape | native | erased | static |"
    rule = "|---|---|---|---:|---:|---:|"
    if before:
        head += " erased / native before | static / native before |"
        rule += "---:|---:|"
    head += " erased / native | static / native |"
    rule += "---:|---:|"
    lines += ["", head, rule]
    for fn in FNS:
        for dtype in DTYPES:
            for shape in SHAPES:
                t = {p: times[(fn, p, dtype, shape)] for p in ("native", "erased", "static")}
                row = (f"| {fn} | {dtype} | {shape} | {fmt_time(t['native'])} | "
                       f"{fmt_time(t['erased'])} | {fmt_time(t['static'])} |")
                if before:
                    b = {p: before[(fn, p, dtype, shape)] for p in ("native", "erased", "static")}
                    row += f" {b['erased'] / b['native']:.2f} | {b['static'] / b['native']:.2f} |"
                row += f" **{t['erased'] / t['native']:.2f}** | **{t['static'] / t['native']:.2f}** |"
                lines.append(row)
    lines += ["", LINALG_END]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("build_dir")
    p.add_argument("--baseline", help="a folder holding an earlier ivy_bench_linalg and libivy.so")
    p.add_argument("--min-time", default="0.1")
    p.add_argument("--repetitions", type=int, default=5)
    p.add_argument("--out", default=os.path.join(section_writer.REPO, "docs", "benchmarks.md"))
    args = p.parse_args()
    times = run_program(os.path.join(args.build_dir, "bench", "ivy_bench_linalg"), args.min_time,
                        args.repetitions)
    before = None
    if args.baseline:
        before = run_program(os.path.join(args.baseline, "ivy_bench_linalg"), args.min_time,
                             args.repetitions, os.path.abspath(args.baseline))
    command = f"python3 bench/linalg_table.py {args.build_dir}"
    if args.baseline:
        command += f" --baseline {args.baseline}"
    new = section((times, before), command)
    section_writer.replace_section(args.out, LINALG_BEGIN, LINALG_END, new)
    print(new)
