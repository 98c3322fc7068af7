#!/usr/bin/env python3
"""Runs ivy_bench_vision and writes the "vision" section of docs/benchmarks.md.

    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_BENCHMARKS=ON
    ninja -C build-bench ivy_bench_vision
    python3 bench/vision_table.py build-bench

The section sits between the VISION_BEGIN and VISION_END comments, which this script replaces
(or appends). Python standard library only.
"""
import datetime

import section_writer
from mech_table import run_program

VISION_BEGIN = "<!-- vision section: written by bench/vision_table.py -->"
VISION_END = "<!-- end of vision section -->"


def run(build_dir, min_time, repetitions):
    return run_program(build_dir, "ivy_bench_vision", min_time, repetitions)


CASES = {"reproject": "reproject (geometry only)", "warp": "warp (with the bilinear sample)"}


def section(times, command):
    sizes = sorted({n for _, _, n in times})
    lines = [VISION_BEGIN, "", "## vision (paper Table 3, vision row)", "",
             f"Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Command: `{command}` "
             "(bench/bench_vision.cpp; median CPU time of the repetitions, float32, one thread).",
             "",
             "Warping camera 2's image into camera 1 from camera 1's depth on a batch of n "
             "images of 64 x 64 pixels: **reproject** is depth -> world points -> camera 2's "
             "depth-scaled pixels -> pixels, **warp** adds the bilinear sample of image 2. **native**: written by hand with LibTorch's "
             "functions (`at::grid_sampler` for the sampling); **erased**: ivy::vision on "
             "ivy::Array of the torch backend (`depth_to_world_coords`, "
             "`world_to_ds_pixel_coords`, `bilinearly_interpolate_image`). Ratios > 1 mean "
             "slower than native.", "",
             "| case | images | native | erased | erased / native |",
             "|---|---:|---:|---:|---:|"]
    for case, label in CASES.items():
        for n in sizes:
            nat, era = times[(case, "native", n)], times[(case, "erased", n)]
            lines.append(f"| {label} | {n:,} | {nat / 1e3:.1f} us | {era / 1e3:.1f} us | "
                         f"{era / nat:.2f} |")
    lines += ["", VISION_END]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    section_writer.main(__doc__, run, section, VISION_BEGIN, VISION_END, "vision_table.py", "0.1",
                        5)
