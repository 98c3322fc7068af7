#!/usr/bin/env python3
"""Runs ivy_bench_mech and writes the "mech" section of docs/benchmarks.md.

    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON
    ninja -C build-bench ivy_bench_mech
    python3 bench/mech_table.py build-bench

The section sits below run_benchmarks.py's notes marker (so a re-run of that script keeps it)
between the MECH_BEGIN and MECH_END comments, which this script replaces. Python standard
library only.
"""
import datetime
import json
import os
import statistics
import subprocess

import section_writer

MECH_BEGIN = "<!-- mech section: written by bench/mech_table.py -->"
MECH_END = "<!-- end of mech section -->"
PATHS = ["native", "static", "erased"]


def run_program(build_dir, name, min_time, repetitions):
    """Runs bench/<name> (benchmarks named "<library>/<case>/<path>/<n>"): median CPU ns by
    (case, path, n)."""
    program = os.path.join(build_dir, "bench", name)
    flags = ["--benchmark_format=json", f"--benchmark_min_time={min_time}",
             f"--benchmark_repetitions={repetitions}", "--benchmark_enable_random_interleaving=true"]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run([program] + flags, check=True, capture_output=True, text=True, env=env)
    times = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        _, case, path, n = b["run_name"].split("/")
        scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        times.setdefault((case, path, int(n)), []).append(b["cpu_time"] * scale)
    return {k: statistics.median(v) for k, v in times.items()}


def run(build_dir, min_time, repetitions):
    times = run_program(build_dir, "ivy_bench_mech", min_time, repetitions)
    return {(path, n): t for (_, path, n), t in times.items()}


def section(times, command):
    sizes = sorted({n for _, n in times})
    lines = [MECH_BEGIN, "", "## mech (paper Table 3, mechanics row)", "",
             f"Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Command: `{command}` "
             "(bench/bench_mech.cpp; median CPU time of the repetitions, float32, one thread).", "",
             "The chain Euler (zyx) -> rotation matrix -> quaternion -> axis-angle -> rotation "
             "matrix on a batch of n rotations. **native**: the same algorithms written by hand "
             "with LibTorch's functions; **static**: the ivy::mech templates instantiated on "
             "at::Tensor; **erased**: the templates compiled in the library, on ivy::Array of the "
             "torch backend. Ratios > 1 mean slower than native.", "",
             "| rotations | native | static | erased | static / native | erased / native |",
             "|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        nat, sta, era = (times[(p, n)] for p in PATHS)
        lines.append(f"| {n:,} | {nat / 1e3:.1f} us | {sta / 1e3:.1f} us | {era / 1e3:.1f} us | "
                     f"{sta / nat:.2f} | {era / nat:.2f} |")
    lines += ["", MECH_END]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    section_writer.main(__doc__, run, section, MECH_BEGIN, MECH_END, "mech_table.py", "0.1", 5)
