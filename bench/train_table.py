#!/usr/bin/env python3
"""Runs ivy_bench_train (and ivy_bench_train_mlx) and writes the "training step" section of docs/benchmarks.md.

    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON
    ninja -C build-bench ivy_bench_train ivy_bench_train_mlx
    python3 bench/train_table.py build-bench

The section sits below run_benchmarks.py's notes marker (so a re-run of that script keeps it)
between the TRAIN_BEGIN and TRAIN_END comments, which this script replaces. Python standard
library only.
"""
import datetime
import json
import os
import statistics
import subprocess

import section_writer

TRAIN_BEGIN = "<!-- training step section: written by bench/train_table.py -->"
TRAIN_END = "<!-- end of training step section -->"
PROGRAMS = ["ivy_bench_train", "ivy_bench_train_mlx"]
NATIVE = ["native", "native_ops"]
IVY = ["static", "functional", "module"]
UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def run(build_dir, min_time, repetitions):
    """{(backend, path, batch): median CPU ns per step} of every training-step program built."""
    times = {}
    for name in PROGRAMS:
        program = os.path.join(build_dir, "bench", name)
        if os.path.exists(program):
            times.update(run_program(program, min_time, repetitions))
    return times


def run_program(program, min_time, repetitions):
    flags = ["--benchmark_format=json", f"--benchmark_min_time={min_time}",
             f"--benchmark_repetitions={repetitions}", "--benchmark_enable_random_interleaving=true"]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    out = subprocess.run([program] + flags, check=True, capture_output=True, text=True, env=env)
    times = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        # A benchmark timed by process CPU time (mlx) carries a "/process_time" suffix.
        backend, _, path, batch = b["run_name"].split("/")[:4]
        times.setdefault((backend, path, int(batch)), []).append(
            b["cpu_time"] * UNIT_NS[b["time_unit"]])
    return {k: statistics.median(v) for k, v in times.items()}


def table(times, backend):
    batches = sorted({n for b, _, n in times if b == backend})
    ivy = [p for p in IVY if any(b == backend and q == p for b, q, _ in times)]
    head = "| batch | " + " | ".join(NATIVE + ivy) + " | " + " | ".join(
        f"{p} / native" for p in ivy) + " | " + " | ".join(f"{p} / native_ops" for p in ivy) + " |"
    lines = [head, "|" + "---:|" * (1 + len(NATIVE) + 3 * len(ivy))]
    for n in batches:
        t = {p: times[(backend, p, n)] for p in NATIVE + ivy}
        cells = [f"{t[p] / 1e3:.1f} us" for p in NATIVE + ivy]
        cells += [f"{t[p] / t['native']:.2f}" for p in ivy]
        cells += [f"{t[p] / t['native_ops']:.2f}" for p in ivy]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return lines


NOTES = """**Reading it.** On torch the ivy paths issue the same ATen calls as `native_ops` (ivy's
`linear` is a matmul with the transposed weight plus the bias, its loss three element-wise ops,
its Adam out of place), so `/ native_ops` is ivy's own cost: validation, dispatch and, for
`module`, the Container bookkeeping (flattening the variables for the gradient engine, the
optimizer's structure checks, `set_v`'s checks). `/ native` adds the cost of those op choices
against LibTorch's fused `addmm`, `mse_loss` and in-place `addcmul_`/`addcdiv_` Adam, which
matters at small batches, where a step is some 100 small calls and their fixed costs dominate.
On MLX the native step is one graph and one `mx::eval`, as is ivy's; ivy's graph is larger
(`linear` as transpose + matmul + add; `adam_update` puts a `stop_gradient` on every new weight
and moment; the loss is reshaped to 0-d and back around `value_and_grad`), and MLX's CPU runtime
costs microseconds per graph node at these sizes.
Where the time goes (callgrind, torch, batch 64): `functional` runs 1.74 M instructions a
step, `module` 2.25 M. `Optimizer::step` takes 1.10 M against `adam_update`'s 0.76 M: its
structure checks (`require_same_layout`, 0.22 M) and `Container::pow` for g² and √v (a 0-d
exponent tensor per leaf and `pow` where `adam_update` calls `square`/`sqrt`); the Container form
of `execute_with_gradients` and `set_v`'s checks add about 0.09 M each. In both paths every
number in an operation (`mw * beta1`) becomes a 0-d tensor made by `at::full` (9-11% of the
instructions); handing it to LibTorch as an `at::Scalar` would remove most of that.
The machine was shared with other builds while this ran: CPU times, medians of the
repetitions, interleaved at random. The batch-64 ratios repeated within about 0.03 between two
runs; the 4,096 ones moved by up to 0.3 (memory traffic of the other jobs)."""


def section(times, command):
    lines = [TRAIN_BEGIN, "", "## Training step (bench/bench_train.cpp)", "",
             f"Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Command: `{command}` "
             "(median CPU time per step over the repetitions, float32, one thread).", "",
             "One step of the training demo's model (`apps/train_task.hpp`: MLP 2-32-32-1, tanh, "
             "mean squared error) on a batch: forward, gradients by LibTorch's autograd, one "
             "Adam update with ivy's formula (the moments start at g and g^2); the state carries over between iterations, and the "
             "program first checks that all five variants give the same losses. "
             "**native**: idiomatic LibTorch (`at::linear`, `at::mse_loss`, "
             "`torch::autograd::grad`, a hand-written Adam with in-place ATen ops under a "
             "`NoGradGuard`, as `torch::optim::Adam` updates); **native_ops**: LibTorch called "
             "with the same ATen ops ivy issues (matmul with the transposed weight plus bias, "
             "mean of the squared difference, out-of-place Adam); **static**: ivy's functions on "
             "`at::Tensor` with `torch::autograd::grad`; **functional**: `ivy::Array`, "
             "`ivy::execute_with_gradients` over a vector and `ivy::adam_update`; **module**: "
             "`ivy::Module`, Container gradients and `ivy::Adam` (what `ivy-train-demo` runs). "
             "On mlx (`bench/bench_train_mlx.cpp`) the gradients come from `mx::value_and_grad`, "
             "native uses `mx::addmm`, every variant evaluates once per step, and there is no "
             "static path. "
             "Ratios > 1 mean slower than the LibTorch variant.", ""]
    for backend in sorted({b for b, _, _ in times}):
        lines += [f"### {backend}", ""] + table(times, backend) + [""]
    lines += [NOTES, "", TRAIN_END]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    section_writer.main(__doc__, run, section, TRAIN_BEGIN, TRAIN_END, "train_table.py", "0.2", 7)
