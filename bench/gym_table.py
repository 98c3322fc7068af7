#!/usr/bin/env python3
"""Runs ivy_bench_gym and writes the "gym" section of docs/benchmarks.md.

    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON
    ninja -C build-bench ivy_bench_gym
    python3 bench/gym_table.py build-bench

The program runs twice: with --gym_check for its agreement check and ATen operator counts, then
for the timings (median CPU time of the repetitions, one process, so every ratio compares numbers
of one run). The section sits between the GYM_BEGIN and GYM_END comments, which this script
replaces (or appends). Python standard library only.
"""
import datetime
import os
import platform
import subprocess

import section_writer
from mech_table import run_program

GYM_BEGIN = "<!-- gym section: written by bench/gym_table.py -->"
GYM_END = "<!-- end of gym section -->"
PATHS = {
    "ivy_array": "**ivy_array**: `env.step(action)`, `ivy::Array` action",
    "static": "**static**: `env.step(ivy::from_native(tensor))` (no native overloads)",
    "libtorch": "**libtorch**: the same step written with ATen calls",
    "libtorch_tuned": "libtorch_tuned: float32 0-d constants made once, `x * x`",
}


def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model or platform.processor()}, {os.cpu_count()} cores, {platform.system()}"


def run(build_dir, min_time, repetitions):
    program = os.path.join(build_dir, "bench", "ivy_bench_gym")
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run([program, "--gym_check"], check=True, capture_output=True, text=True,
                         env=env)
    check = [l for l in out.stderr.splitlines() if l.startswith("gym ")]
    started = datetime.datetime.utcnow()
    times = run_program(build_dir, "ivy_bench_gym", min_time, repetitions)
    seconds = (datetime.datetime.utcnow() - started).total_seconds()
    return {"times": times, "check": check, "seconds": seconds}


def rate(batch, ns):
    """Environment steps per second."""
    v = batch * 1e9 / ns
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if v >= scale:
            return f"{v / scale:.2f} {unit}"
    return f"{v:.0f}"


def section(results, command):
    times = results["times"]
    out = [GYM_BEGIN, "", "## gym (paper Table 3, gym row)", "",
           f"Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Command: `{command}` "
           f"(bench/bench_gym.cpp; median CPU time of the repetitions, float32, "
           f"`at::set_num_threads(1)`, LibTorch 1.13.1). Machine: {machine()}, a VM shared with "
           f"other work. The timed run took {results['seconds']:.0f} s.", "",
           "One step of a batch of `ivy::gym::CartPole` environments under a fixed action (0.1 "
           "in every element), on the torch backend with "
           "`EnvOptions{{batch}, float32, &ivy::backend(\"torch\"), 0, check_actions = false}`. "
           "A step returns the observation [batch, 5], the reward [batch] and the terminated "
           "and truncated flags [batch]; the hand-written versions return the same four "
           "tensors. The gym API has no native (`at::Tensor`) overloads (`Env::step` takes "
           "`ivy::Array`), so the **static** row times `ivy::from_native(tensor)` followed by "
           "`step`. Every 100 steps the state starts over from one seeded state, untimed. "
           "**env steps/s** is batch x steps per second; ratios are the step time over the "
           "hand-written **libtorch** one (> 1: slower).", "",
           ]
    batches = sorted({n for (task, _, n) in times if task == "cartpole"})
    header = ["| path | " + " | ".join(f"batch {b:,}: env steps/s | per step | / libtorch"
                                       for b in batches) + " |",
              "|---|" + "---:|" * (3 * len(batches))]
    out += header

    def rows(task, paths):
        lines = []
        for p in paths:
            if (task, p, batches[0]) not in times:
                continue
            cells = []
            for b in batches:
                t, ref = times[(task, p, b)], times[(task, "libtorch", b)]
                cells += [rate(b, t), f"{t / 1e3:.1f} us", f"{t / ref:.2f}"]
            lines.append(f"| {PATHS[p]} | " + " | ".join(cells) + " |")
        return lines

    out += rows("cartpole", PATHS)
    out += ["", "Swimmer (5 urchins; observation [batch, 16]), the same way:", ""] + header
    out += rows("swimmer", ["ivy_array", "libtorch"])
    out += ["", "Agreement and ATen operators per step (`called`: those the step calls itself; "
            "`all`: with those composite operators call), printed by the program before it "
            "times anything (it exits 1 if ivy and the hand-written steps differ by more than "
            "1e-5 after 10 steps from the same state):", ""]
    out += [f"    {l}" for l in results["check"]] + [""]
    r = {(task, p, b): times[(task, p, b)] / times[(task, "libtorch", b)]
         for (task, p, b) in times}
    small, big = batches[0], batches[-1]
    out += [f"Up to {batches[-2]} environments a CartPole step costs about the same whatever "
            "the batch: it is one ATen call per operation on tiny tensors, so its time is the "
            "calls' fixed cost and env steps/s grows with the batch. The plain hand-written "
            "LibTorch step makes more ATen calls than ivy's: in LibTorch 1.13 `tensor * 0.02` "
            "(mul.Scalar) wraps the double in a 0-d double tensor and copies it to float32 "
            "(`aten::to` -> `_to_copy` -> `empty_strided` + `copy_`) on every use, and "
            "`at::square` goes through `pow` with a result-type check, while ivy makes each "
            "constant a float32 0-d `full` (empty + fill). So ivy's step takes "
            f"{r[('cartpole', 'ivy_array', small)]:.2f}x the plain hand-written one at batch "
            f"{small} and {r[('cartpole', 'ivy_array', big)]:.2f}x at {big:,}. "
            "**libtorch_tuned** (the same equations with the constants made once) makes the "
            "fewest calls and is the fastest: ivy's step takes "
            f"{times[('cartpole', 'ivy_array', small)] / times[('cartpole', 'libtorch_tuned', small)]:.2f}x "
            f"its time at batch {small} and "
            f"{times[('cartpole', 'ivy_array', big)] / times[('cartpole', 'libtorch_tuned', big)]:.2f}x "
            f"at {big:,}. Passing an `at::Tensor` through `ivy::from_native` (**static**) costs "
            "nothing measurable. Swimmer has few constants: ivy's step takes "
            + ", ".join(f"{r[('swimmer', 'ivy_array', b)]:.2f}x" for b in batches)
            + " the hand-written one at batches " + ", ".join(f"{b:,}" for b in batches)
            + ".", "", GYM_END]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    section_writer.main(__doc__, run, section, GYM_BEGIN, GYM_END, "gym_table.py", "0.2", 5)
