"""Drone spline planning: ``python -m ivycpp.demos.drone [options]``.

The original ivy_robot demo (ivy_robot_demos/interactive/drone_spline_planning.py, without its
simulator and figures) on ivycpp: a drone, five body points fixed in its frame
(ivycpp.robot.RigidMobile), flies from a start to a target pose (rotation-vector poses
[x, y, z, rx, ry, rz]) along a polyharmonic spline (ivycpp.robot.sample_spline_path) through the
start, N learnable anchor poses and the target, sampled at 100 points. The learnable anchors
start on the straight line and are moved by gradient descent (ivycpp.execute_with_gradients and
ivycpp.SGD / ivycpp.Adam) on

    cost = length + 10 * (-mean signed distance of the body points to the scene's cuboids)

until every body point at every sample is at least --clearance from the cuboids, or
--iterations evaluations have run. ``--cost path`` (default) takes as length the drone's path
length: the mean over the body points of each one's path length (their sum weighs the length 5x
against the clearance term, and SGD at lr 0.05 then settles with body points inside a cuboid, in
the original library too; docs/robot.md); ``--cost original`` keeps the original's quirk: its
compute_length ran over the transposed [body point, sample, 3] positions along the first axis,
i.e. summed the distances between neighbouring body points at each sample, a constant for a
rigid body, so only the clearance term moves the path.

The scene (cuboids as inverse extrinsic matrices [NC, 3, 4] and dimensions [NC, 3], the body
points, the start and target poses) is read from JSON: --scene, else the drone_scene.json
shipped next to this module (build tree and wheel), else the source tree's data/.

With the shipped scene and the defaults, --cost path finds a path in 15 iterations and
--cost original in 13 (the original library's own count), as the C++ ivy-drone does.

Exit status: 0 when a collision-free path was found, 1 when none was within --iterations,
2 for a bad scene file (the message names the file and the field) or bad options.
"""
import argparse
import dataclasses
import json
import math
import os
import sys
import time

import numpy as np

import ivycpp as xp

SCENE_NAME = "drone_scene.json"
NUM_SAMPLES = 100
COLLISION_WEIGHT = 10.0


class SceneError(Exception):
    """A scene file that cannot be used: the message names the file and the field."""


@dataclasses.dataclass
class Scene:
    cuboid_inv_ext_mats: np.ndarray  # [NC, 3, 4] cuboid-to-world
    cuboid_dims: np.ndarray  # [NC, 3]
    rel_body_points: np.ndarray  # [NBP, 3]
    start_pose: np.ndarray  # [6]
    target_pose: np.ndarray  # [6]
    path: str = ""


@dataclasses.dataclass
class Result:
    converged: bool
    iterations: int  # evaluations run, the last one the reported path's
    cost: float  # of the reported path
    min_clearance: float  # smallest signed distance of a body point on the reported path
    initial_cost: float
    initial_min_clearance: float
    poses: np.ndarray  # [NUM_SAMPLES, 6] the reported path
    body_points: np.ndarray  # [NUM_SAMPLES, NBP, 3]
    anchor_vals: np.ndarray  # [N + 2, 6] start, learnable anchors, target of the reported path
    seconds: float


def default_scene_path():
    """The shipped scene: next to this module (build tree, wheel), else the source tree's."""
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [os.path.join(here, SCENE_NAME),
                  os.path.join(here, "..", "..", "..", "data", SCENE_NAME)]
    for candidate in candidates:
        if os.path.isfile(candidate):
            return os.path.normpath(candidate)
    return os.path.normpath(candidates[0])


def _field(path, data, name, shape_text, check):
    if name not in data:
        raise SceneError(f"{path}: field '{name}' is missing (expected {shape_text})")
    try:
        value = np.asarray(data[name], dtype=np.float64)
    except (TypeError, ValueError):
        raise SceneError(f"{path}: field '{name}': expected numbers of shape {shape_text}, got a "
                         "ragged or non-numeric value") from None
    if not check(value.shape):
        raise SceneError(f"{path}: field '{name}': expected shape {shape_text}, got "
                         f"[{','.join(str(n) for n in value.shape)}]")
    if not np.all(np.isfinite(value)):
        raise SceneError(f"{path}: field '{name}': non-finite values")
    return value


def load_scene(path):
    """Reads and checks a scene file; SceneError names the file and the field."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise SceneError(f"{path}: cannot read the scene file ({e.strerror or e})") from None
    try:
        data = json.loads(text)
    except ValueError as e:
        raise SceneError(f"{path}: malformed JSON: {e}") from None
    if not isinstance(data, dict):
        raise SceneError(f"{path}: expected a JSON object with the scene's fields")
    mats = _field(path, data, "cuboid_inv_ext_mats", "[NC,3,4] with NC >= 1",
                  lambda s: len(s) == 3 and s[0] >= 1 and s[1:] == (3, 4))
    nc = mats.shape[0]
    dims = _field(path, data, "cuboid_dims", f"[NC,3] with cuboid_inv_ext_mats' NC = {nc}",
                  lambda s: s == (nc, 3))
    if np.any(dims <= 0):
        raise SceneError(f"{path}: field 'cuboid_dims': dimensions must be positive")
    body = _field(path, data, "rel_body_points", "[NBP,3] with NBP >= 1",
                  lambda s: len(s) == 2 and s[0] >= 1 and s[1] == 3)
    start = _field(path, data, "start_pose_rot_vec", "[6]", lambda s: s == (6,))
    target = _field(path, data, "target_pose_rot_vec", "[6]", lambda s: s == (6,))
    f32 = np.float32
    return Scene(mats.astype(f32), dims.astype(f32), body.astype(f32), start.astype(f32),
                 target.astype(f32), path)


def compute_length(points):
    """The original's compute_length: sum over i of sqrt(sum(max((p[i+1] - p[i])^2, 1e-12))),
    along the first axis of points [N, ..., 3]."""
    d = points[1:] - points[:-1]
    return xp.sum(xp.sqrt(xp.sum(xp.maximum(d * d, 1e-12), axis=-1)))


def plan(scene, backend=None, lr=0.05, iterations=500, clearance=0.1, num_anchors=3,
         optimizer="sgd", cost="path", progress=None):
    """Optimises the learnable anchors as the original did; progress(it, cost, min_clearance,
    its_per_second) after every evaluation. Returns a Result."""
    if cost not in ("path", "original"):
        raise ValueError(f"cost must be 'path' or 'original', got {cost!r}")
    if optimizer not in ("sgd", "adam"):
        raise ValueError(f"optimizer must be 'sgd' or 'adam', got {optimizer!r}")
    if num_anchors < 1 or iterations < 1:
        raise ValueError("num_anchors and iterations must be >= 1")
    backend = backend or xp.current_backend()
    with xp.use(backend):
        f32 = xp.float32
        # The scene's signed distance: the original built world-to-cuboid matrices as
        # inv(homogeneous(cuboid-to-world))[..., 0:3, :].
        inv_ext = xp.asarray(scene.cuboid_inv_ext_mats)
        cuboid_ext_mats = xp.inv(xp.mech.make_transformation_homogeneous(inv_ext))[..., 0:3, :]
        cuboid_dims = xp.asarray(scene.cuboid_dims)
        drone = xp.robot.RigidMobile(xp.asarray(scene.rel_body_points))

        anchor_points = xp.linspace(0, 1, num_anchors + 2, dtype=f32)[:, None]
        query_points = xp.linspace(0, 1, NUM_SAMPLES, dtype=f32)[:, None]
        start = xp.asarray(scene.start_pose)
        target = xp.asarray(scene.target_pose)
        # The learnable anchors on the straight line from start to target.
        interior = anchor_points[1:-1]
        learnable = start[None] + interior * (target - start)[None]

        def cost_fn(v):
            anchor_vals = xp.concat([start[None], v["w"], target[None]], axis=0)
            poses = xp.robot.sample_spline_path(anchor_points, anchor_vals, query_points)
            inv_ext_mats = xp.mech.rot_vec_pose_to_mat_pose(poses)  # [NS, 3, 4]
            body = drone.sample_body(inv_ext_mats)  # [NS, NBP, 3]
            if cost == "path":
                length = compute_length(body) / body.shape[1]
            else:
                length = compute_length(xp.permute_dims(body, (1, 0, 2)))
            sdf = xp.vision.cuboid_signed_distances(cuboid_ext_mats, cuboid_dims,
                                                    xp.reshape(body, (-1, 3)))
            total = length + COLLISION_WEIGHT * (-xp.mean(sdf))
            return total, anchor_vals, poses, body, sdf

        opt = xp.SGD(lr) if optimizer == "sgd" else xp.Adam(lr)
        v = xp.Container({"w": learnable})
        it = 0
        colliding = True
        began = time.perf_counter()
        while colliding and it < iterations:
            total, grads, anchor_vals, poses, body, sdf = xp.execute_with_gradients(cost_fn, v)
            total_cost = float(total)
            min_sdf = float(xp.min(sdf))
            colliding = min_sdf < clearance
            if it == 0:
                initial = (total_cost, min_sdf)
            # As the original: the step follows every evaluation, the last one included (its
            # result is not used; the reported path is the evaluated one).
            v = opt.step(v, grads)
            it += 1
            if progress is not None:
                progress(it, total_cost, min_sdf, it / max(time.perf_counter() - began, 1e-9))
        seconds = time.perf_counter() - began
        return Result(converged=not colliding, iterations=it, cost=total_cost,
                      min_clearance=min_sdf, initial_cost=initial[0],
                      initial_min_clearance=initial[1], poses=np.from_dlpack(poses).copy(),
                      body_points=np.from_dlpack(body).copy(),
                      anchor_vals=np.from_dlpack(anchor_vals).copy(), seconds=seconds)


def build_parser():
    backends = [b for b in xp.available_backends() if b != "stub"]
    p = argparse.ArgumentParser(
        prog="python -m ivycpp.demos.drone",
        description="Plan a collision-free spline path for a drone (the original ivy_robot "
        "drone spline-planning demo on ivycpp).")
    p.add_argument("--backend", choices=backends, default=None,
                   help=f"backend (default: ivycpp's current, {xp.current_backend()})")
    p.add_argument("--lr", type=float, default=0.05, help="learning rate (default 0.05)")
    p.add_argument("--iterations", type=int, default=500,
                   help="most evaluations before giving up (default 500)")
    p.add_argument("--clearance", type=float, default=0.1,
                   help="the signed distance every body point must keep (default 0.1)")
    p.add_argument("--anchors", type=int, default=3,
                   help="learnable anchor poses between start and target (default 3)")
    p.add_argument("--optimizer", choices=["sgd", "adam"], default="sgd")
    p.add_argument("--cost", choices=["path", "original"], default="path",
                   help="path: the body points' path lengths (default); original: the "
                   "original's constant length term (see the module's documentation)")
    p.add_argument("--scene", default=None,
                   help=f"scene JSON (default: the shipped {SCENE_NAME}, {default_scene_path()})")
    p.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")
    return p


def main(argv=None):
    """The command line; returns the exit status (0 path found, 1 none, 2 bad scene)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.iterations < 1:
        parser.error("--iterations must be >= 1")
    if args.anchors < 1:
        parser.error("--anchors must be >= 1")
    if not (args.lr > 0 and math.isfinite(args.lr)):
        parser.error("--lr must be a positive number")
    path = args.scene if args.scene is not None else default_scene_path()
    try:
        scene = load_scene(path)
    except SceneError as e:
        print(f"drone: bad scene: {e}", file=sys.stderr)
        return 2
    backend = args.backend or xp.current_backend()
    print(f"drone: backend {backend}, scene {path} ({scene.cuboid_dims.shape[0]} cuboids, "
          f"{scene.rel_body_points.shape[0]} body points), {args.anchors} learnable anchors, "
          f"{args.optimizer} lr {args.lr:g}, cost {args.cost}, clearance {args.clearance:g}")

    def progress(it, cost, min_sdf, rate):
        print(f"iteration {it:4d}  cost {cost:11.6f}  min clearance {min_sdf:+.5f}  "
              f"{rate:8.1f} it/s", flush=True)

    r = plan(scene, backend=backend, lr=args.lr, iterations=args.iterations,
             clearance=args.clearance, num_anchors=args.anchors, optimizer=args.optimizer,
             cost=args.cost, progress=None if args.quiet else progress)
    outcome = ("collision-free path found" if r.converged else
               f"no collision-free path within {args.iterations} iterations")
    print(f"drone: {outcome}: iterations {r.iterations}, cost {r.initial_cost:.6f} -> "
          f"{r.cost:.6f}, min clearance {r.initial_min_clearance:+.5f} -> "
          f"{r.min_clearance:+.5f} (needed {args.clearance:g}), {r.seconds:.2f} s "
          f"({r.iterations / max(r.seconds, 1e-9):.1f} it/s)")
    return 0 if r.converged else 1


if __name__ == "__main__":
    sys.exit(main())
