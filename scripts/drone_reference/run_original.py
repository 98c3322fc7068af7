#!/usr/bin/env python3
"""Record the ORIGINAL Python Ivy 1.1.9 drone spline-planning run as a reference fixture.

This is our own driver. It does not contain the original project's code; it
replicates the non-interactive, no-simulator path of ``main()`` in
ivy_robot_demos/interactive/drone_spline_planning.py (ivy-llc/robot, commit
8bd2879, "version 1.1.9") step by step, and calls the ORIGINAL installed
libraries for every numerical operation: ivy (ivy-core 1.1.9, PyTorch
backend), ivy_robot.sample_spline_path, ivy_robot.rigid_mobile.RigidMobile,
ivy_mech.rot_vec_pose_to_mat_pose, ivy_mech.make_transformation_homogeneous,
ivy_vision.containers.PrimitiveScene.sdf, ivy.execute_with_gradients, ivy.SGD.

Output: tests/reference/drone_original_run.json (see --out).

How to recreate the scratch virtual environment (outside the repo)
-----------------------------------------------------------------
ivy-core is no longer downloadable from PyPI ("from versions: none"), so it is
installed from the source of its v1.1.9 release tag (commit
fa519224dec151c10933bd7c7a6e9e349c5a9d87 of the ivy repository, the commit
"version 1.1.9"; we read it from a public fork that keeps the tag,
github.com/Devansh-0/ivy). Everything else comes from PyPI:

    python3.11 -m venv /tmp/orig-venv
    V=/tmp/orig-venv/bin
    # torch 1.13.1 has a cp311 manylinux wheel; its CUDA runtime wheels are
    # needed only because torch 1.13's __init__ preloads libcublas.so.11.
    $V/pip install --no-deps torch==1.13.1
    $V/pip install nvidia-cuda-runtime-cu11==11.7.99 nvidia-cudnn-cu11==8.5.0.96 \
                   nvidia-cublas-cu11==11.10.3.66 nvidia-cuda-nvrtc-cu11==11.7.99
    $V/pip install typing-extensions "numpy==1.26.4" einops psutil termcolor nvidia-ml-py3
    # ivy 1.1.9's ivy/compiler/graph.py imports matplotlib at import time
    $V/pip install matplotlib==3.8.4
    git -C <ivy clone> archive v1.1.9 | tar -x -C /tmp/ivy-core-1.1.9
    $V/pip install --no-deps /tmp/ivy-core-1.1.9          # -> ivy-core 1.1.9
    $V/pip install --no-deps ivy-mech==1.1.9 ivy-vision==1.1.9 ivy-robot==1.1.9
    # only for the scene's .npy data files (its runtime deps, open3d/pyrep, are not needed:
    # the package is never imported)
    $V/pip install --no-deps ivy-demo-utils==1.1.9
    $V/python scripts/drone_reference/run_original.py

Patches
-------
Exactly one, applied at run time by this script (no installed file is edited):
``collections.Hashable = collections.abc.Hashable`` before ``import ivy``,
because ivy 1.1.9's framework_handler.set_framework uses
``collections.Hashable``, which Python 3.10 removed. Nothing else was changed.

Scene
-----
Built exactly like BaseSimulator.setup_primitive_scene_no_sim of
ivy-demo-utils 1.1.9 (same ops: ivy.array(np.load(...).tolist(), 'float32'),
ivy.concatenate, PrimitiveScene(cuboid_ext_mats=ivy.inv(
ivy_mech.make_transformation_homogeneous(mats))[..., 0:3, :], cuboid_dims=dims)),
reading obj_inv_ext_mat_{i}.npy / obj_bbx_{i}.npy from the installed
ivy-demo-utils 1.1.9 wheel. The script checks that these numbers equal
shared/data/drone_scene.json bit for bit (float32) and records the result.

Two runs are recorded:
  * "original" cost, exactly the demo's compute_cost_and_sdfs: compute_length
    applied to body_positions of shape [5 body points, 100 samples, 3], i.e.
    along the BODY-POINT axis (the demo's quirk), + 10 * (-mean sdf).
  * "path_cost_variant": the true path length, compute_length applied along
    the SAMPLE axis (sum over the 5 body points of each point's polyline
    length over the 100 samples) + 10 * (-mean sdf); at most 500 iterations.
Both use the demo's loop: evaluate, colliding = min(sdf) < 0.1, SGD step
(which still happens after the last check), repeat while colliding.

Results are summarised in scripts/drone_reference/README.md.
"""

import argparse
import collections
import collections.abc
import json
import os
import platform
import statistics
import sys
import sysconfig
import time

# --- the single compatibility patch (Python >= 3.10 removed collections.Hashable) ---
if not hasattr(collections, "Hashable"):
    collections.Hashable = collections.abc.Hashable

import numpy as np
import torch

import ivy
import ivy.torch
import ivy_mech
import ivy_robot
import ivy_vision
from ivy.core.container import Container
from ivy.framework_handler import set_framework
from ivy_robot.rigid_mobile import RigidMobile
from ivy_vision.containers import PrimitiveScene

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# demo settings (drone_spline_planning.py main())
LR = 0.05
NUM_ANCHORS = 3
NUM_SAMPLE_POINTS = 100
CLEARANCE = 0.1


def pkg_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # pragma: no cover
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def scene_data_dir():
    return os.path.join(sysconfig.get_paths()["purelib"], "ivy_demo_utils", "ivy_scene", "no_sim")


class NoSimDrone:
    """The parts of the demo's Simulator that the no-sim path uses."""

    def __init__(self, scene_dir):
        # same rel body points as Simulator.__init__
        rel_body_points = ivy.array([[0., 0., 0.],
                                     [-0.15, 0., -0.15],
                                     [-0.15, 0., 0.15],
                                     [0.15, 0., -0.15],
                                     [0.15, 0., 0.15]])
        self.ivy_drone = RigidMobile(rel_body_points)

        # same ops as BaseSimulator.setup_primitive_scene_no_sim (ivy-demo-utils 1.1.9)
        mats, dims = [], []
        self.raw_mats, self.raw_dims = [], []
        for i in range(11):
            m = np.load(os.path.join(scene_dir, "obj_inv_ext_mat_{}.npy".format(i)))
            d = np.load(os.path.join(scene_dir, "obj_bbx_{}.npy".format(i)))
            self.raw_mats.append(m)
            self.raw_dims.append(d)
            mats.append(ivy.array(m.tolist(), "float32"))
            dims.append(ivy.array(d.tolist(), "float32"))
        shape_matrices = ivy.concatenate(mats, 0)
        shape_dims = ivy.concatenate(dims, 0)
        primitive_scene = PrimitiveScene(cuboid_ext_mats=ivy.inv(ivy_mech.make_transformation_homogeneous(
            shape_matrices))[..., 0:3, :], cuboid_dims=shape_dims)
        self.sdf = primitive_scene.sdf

        # public objects, as in the no-sim branch of Simulator.__init__
        self.drone_start_pose = ivy.array([-1.1500, -1.0280, 0.6000, 0.7937, 1.7021, 1.7021])
        self.drone_target_pose = ivy.array([1.0250, 1.1250, 0.6000, 0.7937, 1.7021, 1.7021])


def check_scene_against_json(sim, json_path):
    with open(json_path) as f:
        js = json.load(f)
    mats = np.concatenate(sim.raw_mats, 0).astype(np.float32)
    dims = np.concatenate(sim.raw_dims, 0).astype(np.float32)
    jm = np.array(js["cuboid_inv_ext_mats"], np.float32)
    jd = np.array(js["cuboid_dims"], np.float32)
    start = np.array(to_np(sim.drone_start_pose), np.float32)
    target = np.array(to_np(sim.drone_target_pose), np.float32)
    return {
        "json": os.path.relpath(json_path, REPO_ROOT) if json_path.startswith(REPO_ROOT) else json_path,
        "cuboid_inv_ext_mats_equal": bool(mats.shape == jm.shape and (mats == jm).all()),
        "cuboid_dims_equal": bool(dims.shape == jd.shape and (dims == jd).all()),
        "start_pose_equal": bool((start == np.array(js["start_pose_rot_vec"], np.float32)).all()),
        "target_pose_equal": bool((target == np.array(js["target_pose_rot_vec"], np.float32)).all()),
    }


# --- cost (same ops as the demo's compute_length / compute_cost_and_sdfs) ---

def compute_length(query_vals):
    start_vals = query_vals[0:-1]
    end_vals = query_vals[1:]
    dists_sqrd = ivy.maximum((end_vals - start_vals) ** 2, 1e-12)
    distances = ivy.reduce_sum(dists_sqrd, -1) ** 0.5
    return ivy.reduce_sum(distances)


def compute_cost_and_sdfs(learnable_anchor_vals, anchor_points, start_anchor_val, end_anchor_val, query_points,
                          sim, true_path_length=False, record_terms=True):
    anchor_vals = ivy.concatenate((ivy.expand_dims(start_anchor_val, 0), learnable_anchor_vals,
                                   ivy.expand_dims(end_anchor_val, 0)), 0)
    poses = ivy_robot.sample_spline_path(anchor_points, anchor_vals, query_points)
    inv_ext_mat_query_vals = ivy_mech.rot_vec_pose_to_mat_pose(poses)
    # [num_body_points, num_samples, 3]
    body_positions = ivy.transpose(sim.ivy_drone.sample_body(inv_ext_mat_query_vals), (1, 0, 2))
    if true_path_length:
        # compute_length along the sample axis: sum over body points of each point's path length
        length_cost = compute_length(ivy.transpose(body_positions, (1, 0, 2)))
    else:
        # the demo's cost: compute_length along axis 0 of [body points, samples, 3]
        length_cost = compute_length(body_positions)
    sdf_vals = sim.sdf(ivy.reshape(body_positions, (-1, 3)))
    coll_cost = -ivy.reduce_mean(sdf_vals)
    total_cost = length_cost + coll_cost * 10
    if not record_terms:
        # exactly the demo's return value
        return total_cost[0], poses, body_positions, ivy.reshape(sdf_vals, (-1, 100, 1))
    # extra outputs (length / collision terms) are only recorded; they do not change the computation
    return (total_cost[0], poses, body_positions, ivy.reshape(sdf_vals, (-1, 100, 1)),
            ivy.stop_gradient(length_cost), ivy.stop_gradient(coll_cost))


def setup_problem(sim):
    # 1D spline points
    anchor_points = ivy.cast(ivy.expand_dims(ivy.linspace(0, 1, 2 + NUM_ANCHORS), -1), 'float32')
    query_points = ivy.cast(ivy.expand_dims(ivy.linspace(0, 1, NUM_SAMPLE_POINTS), -1), 'float32')
    # learnable parameters
    drone_start_pose = ivy.cast(ivy.array(sim.drone_start_pose), 'float32')
    target_pose = ivy.cast(ivy.array(sim.drone_target_pose), 'float32')
    learnable_anchor_vals = ivy.variable(ivy.cast(ivy.transpose(ivy.linspace(
        drone_start_pose, target_pose, 2 + NUM_ANCHORS)[..., 1:-1], (1, 0)), 'float32'))
    return anchor_points, query_points, drone_start_pose, target_pose, learnable_anchor_vals


def to_np(t):
    if isinstance(t, torch.Tensor):
        return t.detach().cpu().numpy()
    return np.asarray(t)


def f32list(t):
    return np.asarray(to_np(t), dtype=np.float32).astype(np.float64).tolist()


def f32(t):
    return float(np.float32(to_np(t).reshape(-1)[0]))


def run(sim, true_path_length, max_iterations):
    anchor_points, query_points, drone_start_pose, target_pose, learnable_anchor_vals = setup_problem(sim)
    initial_anchors = f32list(learnable_anchor_vals)
    optimizer = ivy.SGD(lr=LR)
    it = 0
    colliding = True
    poses = None
    records = []
    while colliding:
        total_cost, grads, poses, body_positions, sdf_vals, length_cost, coll_cost = ivy.execute_with_gradients(
            lambda xs: compute_cost_and_sdfs(xs['w'], anchor_points, drone_start_pose, target_pose, query_points,
                                             sim, true_path_length),
            Container({'w': learnable_anchor_vals}))
        min_sdf = ivy.reduce_min(sdf_vals)
        colliding = min_sdf < CLEARANCE
        learnable_anchor_vals = optimizer.step(Container({'w': learnable_anchor_vals}), grads)['w']
        it += 1
        records.append({
            "cost": f32(total_cost),
            "length": f32(length_cost),
            "collision": f32(coll_cost),
            "min_sdf": f32(min_sdf),
            "colliding": bool(colliding),
            "grad_norm": float(np.linalg.norm(to_np(grads['w']).astype(np.float64))),
            "anchors_after": f32list(learnable_anchor_vals),
        })
        if it >= max_iterations:
            break
    return {
        "cost": "true_path_length" if true_path_length else "original",
        "iterations": it,
        "converged": not bool(colliding),
        "max_iterations": max_iterations,
        "initial_anchors": initial_anchors,
        "per_iteration": records,
        "final_poses": f32list(poses),
    }


def time_iterations(sim, true_path_length, n_iter, n_warmup=20):
    """Median wall time of one demo iteration: execute_with_gradients + SGD step + collision check.

    Starts from the initial anchors and keeps stepping (the loop is not stopped by the check, so
    every timed iteration does the same work)."""
    anchor_points, query_points, drone_start_pose, target_pose, learnable_anchor_vals = setup_problem(sim)
    optimizer = ivy.SGD(lr=LR)
    times = []
    for i in range(n_warmup + n_iter):
        t0 = time.perf_counter()
        total_cost, grads, poses, body_positions, sdf_vals = ivy.execute_with_gradients(
            lambda xs: compute_cost_and_sdfs(xs['w'], anchor_points, drone_start_pose, target_pose, query_points,
                                             sim, true_path_length, record_terms=False),
            Container({'w': learnable_anchor_vals}))
        colliding = bool(ivy.reduce_min(sdf_vals) < CLEARANCE)
        learnable_anchor_vals = optimizer.step(Container({'w': learnable_anchor_vals}), grads)['w']
        t1 = time.perf_counter()
        if i >= n_warmup:
            times.append((t1 - t0) * 1e3)
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "min_ms": times[0],
        "p90_ms": times[int(0.9 * (len(times) - 1))],
        "mean_ms": statistics.fmean(times),
        "iterations_timed": n_iter,
        "warmup_iterations": n_warmup,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(REPO_ROOT, "tests", "data", "drone_original_run.json"))
    parser.add_argument("--scene-json", default=os.path.join(REPO_ROOT, "..", "shared", "data", "drone_scene.json"))
    parser.add_argument("--scene-dir", default=scene_data_dir())
    parser.add_argument("--timing-iters", type=int, default=200)
    parser.add_argument("--max-iterations", type=int, default=100000,
                        help="safety cap for the original loop (the demo has none)")
    parser.add_argument("--variant-max-iterations", type=int, default=500)
    args = parser.parse_args()

    torch.set_num_threads(1)
    set_framework(ivy.torch)
    sim = NoSimDrone(args.scene_dir)

    scene_json = args.scene_json
    if not os.path.exists(scene_json):
        scene_json = "/work/shared/data/drone_scene.json"
    scene_check = check_scene_against_json(sim, scene_json) if os.path.exists(scene_json) else None

    t0 = time.time()
    original = run(sim, False, args.max_iterations)
    print("original: iterations", original["iterations"], "converged", original["converged"],
          "({:.1f} s)".format(time.time() - t0), flush=True)
    t0 = time.time()
    variant = run(sim, True, args.variant_max_iterations)
    print("path-cost variant: iterations", variant["iterations"], "converged", variant["converged"],
          "({:.1f} s)".format(time.time() - t0), flush=True)

    timing = {
        "what": "one demo iteration: ivy.execute_with_gradients(cost) + ivy.SGD step + collision check "
                "(bool(reduce_min(sdf) < clearance)), PyTorch 1.13.1 CPU, torch.set_num_threads(1)",
        "machine": cpu_model(),
        "cpu_count": os.cpu_count(),
        "original_cost": time_iterations(sim, False, args.timing_iters),
        "path_cost_variant": time_iterations(sim, True, args.timing_iters),
    }
    print("timing median ms/iter: original {:.3f}, variant {:.3f}".format(
        timing["original_cost"]["median_ms"], timing["path_cost_variant"]["median_ms"]), flush=True)

    out = {
        "source": "Original Python ivy_robot 1.1.9 drone spline-planning demo (ivy_robot_demos/interactive/"
                  "drone_spline_planning.py, ivy-llc/robot commit 8bd2879), no-sim path of main(), run with the "
                  "original libraries on the PyTorch backend by scripts/drone_reference/run_original.py "
                  "(our driver; patch: collections.Hashable = collections.abc.Hashable). Scene: ivy-demo-utils "
                  "1.1.9 no_sim obj_inv_ext_mat_*.npy / obj_bbx_*.npy. float32 computation.",
        "versions": {
            "python": platform.python_version(),
            "torch": torch.__version__,
            "numpy": np.__version__,
            "ivy-core": pkg_version("ivy-core"),
            "ivy-core_source": "ivy git tag v1.1.9, commit fa519224dec151c10933bd7c7a6e9e349c5a9d87 "
                               "(no longer downloadable from PyPI)",
            "ivy-mech": pkg_version("ivy-mech"),
            "ivy-vision": pkg_version("ivy-vision"),
            "ivy-robot": pkg_version("ivy-robot"),
            "ivy-demo-utils (data files only)": pkg_version("ivy-demo-utils"),
        },
        "settings": {"lr": LR, "optimizer": "ivy.SGD", "num_learnable_anchors": NUM_ANCHORS,
                     "anchor_points": "linspace(0, 1, 5)", "num_sample_points": NUM_SAMPLE_POINTS,
                     "clearance": CLEARANCE,
                     "loop": "while colliding: evaluate cost+grads; colliding = min(sdf) < clearance; "
                             "SGD step (also after the last check); anchors_after is the value after that step",
                     "initial_anchors": "transpose(linspace(start, target, 5)[..., 1:-1])",
                     "start_pose": f32list(sim.drone_start_pose),
                     "target_pose": f32list(sim.drone_target_pose)},
        "scene_check": scene_check,
        "notes": {
            "length": "original cost: compute_length(body_positions) with body_positions [5 body points, 100 "
                      "samples, 3]: sums, over the 100 samples, the distances between consecutive BODY POINTS "
                      "(a rigid-body constant-ish term), not the path length",
            "collision": "-mean(sdf) over the 500 body-point samples (the cost uses 10 * collision)",
            "min_sdf": "min sdf over the 500 body-point samples of the evaluated path (before the step)",
            "final_poses": "poses [100, 6] (rot-vec) of the last evaluated path, i.e. what main() passes to "
                           "execute_motion (evaluated before the final SGD step)",
            "path_cost_variant": "same loop, cost = compute_length along the sample axis (sum over body points "
                                 "of path length) + 10 * (-mean sdf), at most 500 iterations",
        },
        "cost": original["cost"],
        "iterations": original["iterations"],
        "converged": original["converged"],
        "initial_anchors": original["initial_anchors"],
        "per_iteration": original["per_iteration"],
        "final_poses": original["final_poses"],
        "path_cost_variant": variant,
        "timing_ms_per_iteration": timing,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", args.out)


if __name__ == "__main__":
    sys.exit(main())
