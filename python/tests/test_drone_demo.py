"""python -m ivycpp.demos.drone: its main function on every backend finds a collision-free path
within the iteration budget, the same on all backends, and the path it reports is checked with
NumPy alone (the spline of test_robot.py, Rodrigues' rotations, R p + t, the box distance of
test_vision_sdf.py): clearance, cost, end poses. A bad scene file exits with 2 and names the
file and the field."""
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

import ivycpp as xp
from conftest import BACKENDS
from ivycpp.demos import drone
from test_robot import spline_ref

# The demo's defaults (SGD, lr 0.05, 3 anchors, --cost path) reach the clearance on every backend
# in 15 evaluations, as the C++ ivy-drone does.
PATH_ARGS = ["--cost", "path", "--iterations", "200"]
SUMMARY = re.compile(r"drone: (.*?): iterations (\d+), cost (\S+) -> (\S+), min clearance (\S+) "
                     r"-> (\S+) \(needed")


def run_main(capsys, args):
    code = drone.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def parse_summary(out):
    m = SUMMARY.search(out)
    assert m, out
    return m.group(1), int(m.group(2)), float(m.group(4)), float(m.group(6))


# ---------------------------------------------------------------------------------------------
# NumPy reference of the demo's geometry and cost.


def rot_vec_to_mat(r):
    theta = np.linalg.norm(r)
    if theta < 1e-12:
        return np.eye(3)
    k = r / theta
    kx = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    return np.eye(3) + np.sin(theta) * kx + (1 - np.cos(theta)) * kx @ kx


def body_points_ref(poses, rel_body_points):
    """poses [NS, 6] -> [NS, NBP, 3]: R(rot vec) p + t."""
    return np.stack([rel_body_points @ rot_vec_to_mat(p[3:]).T + p[:3] for p in poses])


def scene_sdf_ref(scene, points):
    """Smallest signed distance of points [N, 3] to the scene's cuboids, [N]."""
    out = np.full(len(points), np.inf)
    for inv_ext, dims in zip(scene.cuboid_inv_ext_mats.astype(np.float64),
                             scene.cuboid_dims.astype(np.float64)):
        r, t = inv_ext[:, :3], inv_ext[:, 3]  # cuboid-to-world
        local = (points - t) @ r  # R^T (p - t), row-wise
        h = dims / 2
        outside = np.linalg.norm(local - np.clip(local, -h, h), axis=-1)
        inside = np.all(np.abs(local) <= h, -1)
        out = np.minimum(out, np.where(inside, -np.min(h - np.abs(local), -1), outside))
    return out


def length_ref(points):
    d = points[1:] - points[:-1]
    return np.sum(np.sqrt(np.sum(np.maximum(d * d, 1e-12), -1)))


@pytest.fixture(scope="module")
def scene():
    return drone.load_scene(drone.default_scene_path())


@pytest.fixture(scope="module")
def path_runs():
    """The planner with PATH_ARGS' settings on every backend (run once, shared)."""
    s = drone.load_scene(drone.default_scene_path())
    return {b: drone.plan(s, backend=b, iterations=200, cost="path")
            for b in BACKENDS}


def test_shipped_scene_is_the_data_file(scene):
    assert scene.cuboid_inv_ext_mats.shape == (11, 3, 4)
    assert scene.cuboid_dims.shape == (11, 3)
    assert scene.rel_body_points.shape == (5, 3)


def test_path_cost_main_converges(backend, capsys, path_runs):
    code, out, _ = run_main(capsys, PATH_ARGS + ["--backend", backend])
    assert code == 0, out
    outcome, iterations, cost, clearance = parse_summary(out)
    assert outcome == "collision-free path found"
    assert iterations <= 200
    assert len(re.findall(r"^iteration +\d+ +cost .* min clearance .* it/s$", out, re.M)) == \
        iterations
    assert clearance >= 0.1
    # main prints what plan() returns for the same settings.
    r = path_runs[backend]
    assert r.converged and r.iterations == iterations
    assert cost == pytest.approx(r.cost, abs=1e-6)


def test_path_cost_same_on_every_backend(path_runs):
    runs = list(path_runs.values())
    assert len({r.iterations for r in runs}) == 1, {b: r.iterations for b, r in path_runs.items()}
    costs = np.array([r.cost for r in runs])
    np.testing.assert_allclose(costs, costs[0], rtol=5e-3)
    for r in runs:
        np.testing.assert_allclose(r.poses, runs[0].poses, atol=2e-2)


def test_path_checked_with_numpy(backend, scene, path_runs):
    r = path_runs[backend]
    na = r.anchor_vals.shape[0]
    assert na == 3 + 2
    np.testing.assert_allclose(r.anchor_vals[0], scene.start_pose, atol=1e-6)
    np.testing.assert_allclose(r.anchor_vals[-1], scene.target_pose, atol=1e-6)
    # The path: the NumPy spline through the reported anchors, at 100 samples.
    anchors = np.linspace(0, 1, na)[:, None]
    queries = np.linspace(0, 1, 100)[:, None]
    poses = spline_ref(anchors, r.anchor_vals.astype(np.float64), queries, 3)
    np.testing.assert_allclose(r.poses, poses, atol=2e-3)
    np.testing.assert_allclose(poses[0], scene.start_pose, atol=1e-5)
    np.testing.assert_allclose(poses[-1], scene.target_pose, atol=1e-5)
    body = body_points_ref(poses, scene.rel_body_points.astype(np.float64))
    np.testing.assert_allclose(r.body_points, body, atol=2e-3)
    sdf = scene_sdf_ref(scene, body.reshape(-1, 3))
    # Collision-free with the clearance, by NumPy's distances too.
    assert sdf.min() >= 0.1 - 1e-3
    assert r.min_clearance == pytest.approx(sdf.min(), abs=1e-3)
    # The cost: the mean of the body points' path lengths + 10 * (-mean clearance).
    want = (sum(length_ref(body[:, i]) for i in range(body.shape[1])) / body.shape[1]
            - 10 * sdf.mean())
    assert r.cost == pytest.approx(want, rel=1e-3)
    # The straight line it started from collides: the initial evaluation.
    assert r.initial_min_clearance < 0
    straight = scene.start_pose + queries * (scene.target_pose - scene.start_pose)
    straight_sdf = scene_sdf_ref(
        scene, body_points_ref(straight, scene.rel_body_points.astype(np.float64)).reshape(-1, 3))
    assert r.initial_min_clearance == pytest.approx(straight_sdf.min(), abs=1e-3)


def test_original_cost_with_the_defaults(backend, capsys, scene):
    code, out, _ = run_main(capsys, ["--cost", "original", "--backend", backend, "--quiet"])
    assert code == 0, out
    assert "iteration " not in out  # --quiet
    _, iterations, cost, clearance = parse_summary(out)
    assert iterations <= 500 and clearance >= 0.1
    r = drone.plan(scene, backend=backend, cost="original")
    assert r.iterations == iterations
    # The original's length term is the distances between neighbouring body points at each
    # sample: 100 times the body's own chain length, a constant; the rest is the clearance term.
    p = scene.rel_body_points.astype(np.float64)
    chain = 100 * np.sum(np.linalg.norm(p[1:] - p[:-1], axis=-1))
    sdf = scene_sdf_ref(scene, body_points_ref(r.poses.astype(np.float64), p).reshape(-1, 3))
    assert r.cost == pytest.approx(chain - 10 * sdf.mean(), rel=1e-4)
    assert sdf.min() >= 0.1 - 1e-3


def test_original_cost_same_iterations_on_every_backend(scene):
    runs = [drone.plan(scene, backend=b, cost="original") for b in BACKENDS]
    assert len({r.iterations for r in runs}) == 1
    np.testing.assert_allclose([r.cost for r in runs], runs[0].cost, rtol=1e-4)


def test_adam_first_step(backend, scene):
    # ivycpp.Adam is the original's adam_update (docs/stateful.md): the moments start at g and
    # g^2, so the first step moves every coordinate by lr sqrt(1 - b2) / (1 - b1) times
    # g / (|g| + eps), i.e. by 0.316 lr wherever the gradient is not tiny (SGD would move by
    # lr g); the second evaluation's anchors show it.
    lr = 0.01
    r = drone.plan(scene, backend=backend, optimizer="adam", lr=lr, iterations=2)
    assert r.iterations == 2 and not r.converged
    step = lr * np.sqrt(1 - 0.999) / (1 - 0.9)
    straight = scene.start_pose + np.linspace(0, 1, 5)[1:-1, None] * (scene.target_pose -
                                                                       scene.start_pose)
    moved = np.abs(r.anchor_vals[1:-1] - straight)
    big = moved > step / 2
    assert np.count_nonzero(big) >= moved.size // 2
    np.testing.assert_allclose(moved[big], step, rtol=1e-3)
    assert np.all(big | (moved < step * 1e-2))


def test_budget_exhausted_exits_1(capsys):
    code, out, _ = run_main(capsys, ["--iterations", "3", "--quiet"])
    assert code == 1
    outcome, iterations, _, clearance = parse_summary(out)
    assert outcome == "no collision-free path within 3 iterations"
    assert iterations == 3 and clearance < 0.1


def write(tmp_path, data, name="scene.json"):
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(p)


@pytest.mark.parametrize("field,value,message", [
    ("cuboid_dims", [[1.0, 1.0]] * 11, r"field 'cuboid_dims': expected shape \[NC,3\].*\[11,2\]"),
    ("cuboid_dims", [[1.0, 1.0, 1.0]] * 10, r"field 'cuboid_dims'.*NC = 11.*\[10,3\]"),
    ("cuboid_inv_ext_mats", [[[1.0] * 4] * 3] * 0, r"field 'cuboid_inv_ext_mats'.*\[0\]"),
    ("cuboid_inv_ext_mats", [[[1.0] * 3] * 3], r"field 'cuboid_inv_ext_mats'.*\[1,3,3\]"),
    ("rel_body_points", [[0.0, 0.0]], r"field 'rel_body_points'.*\[1,2\]"),
    ("start_pose_rot_vec", [0.0] * 5, r"field 'start_pose_rot_vec'.*\[6\].*\[5\]"),
    ("target_pose_rot_vec", "north", r"field 'target_pose_rot_vec'"),
    ("rel_body_points", [[0.0, 0.0, 0.0], [1.0]], r"field 'rel_body_points'.*ragged"),
    ("cuboid_dims", [[-1.0, 1.0, 1.0]] * 11, r"field 'cuboid_dims'.*positive"),
])
def test_bad_scene_field_exits_2(capsys, tmp_path, field, value, message):
    with open(drone.default_scene_path()) as f:
        data = json.load(f)
    data[field] = value
    path = write(tmp_path, data)
    code, out, err = run_main(capsys, ["--scene", path])
    assert code == 2
    assert path in err and re.search(message, err), err
    assert "iteration" not in out


def test_missing_field_exits_2(capsys, tmp_path):
    with open(drone.default_scene_path()) as f:
        data = json.load(f)
    del data["rel_body_points"]
    path = write(tmp_path, data)
    code, _, err = run_main(capsys, ["--scene", path])
    assert code == 2 and path in err and "field 'rel_body_points' is missing" in err


def test_malformed_or_missing_file_exits_2(capsys, tmp_path):
    path = write(tmp_path, '{"cuboid_dims": [1, 2,')
    code, _, err = run_main(capsys, ["--scene", path])
    assert code == 2 and path in err and "malformed JSON" in err
    path = write(tmp_path, "[1, 2, 3]", "list.json")
    code, _, err = run_main(capsys, ["--scene", path])
    assert code == 2 and path in err and "JSON object" in err
    missing = str(tmp_path / "nowhere.json")
    code, _, err = run_main(capsys, ["--scene", missing])
    assert code == 2 and missing in err and "cannot read" in err


def test_bad_options_exit_2(capsys):
    for args in (["--iterations", "0"], ["--anchors", "0"], ["--lr", "-1"],
                 ["--cost", "shortest"], ["--optimizer", "rmsprop"], ["--backend", "stub"]):
        with pytest.raises(SystemExit) as e:
            drone.main(args)
        assert e.value.code == 2, args
    capsys.readouterr()
    with pytest.raises(ValueError):
        drone.plan(drone.load_scene(drone.default_scene_path()), cost="shortest")


def test_module_runs_as_script():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([os.path.dirname(os.path.dirname(xp.__file__)),
                                         env.get("PYTHONPATH", "")])
    p = subprocess.run(
        [sys.executable, "-m", "ivycpp.demos.drone", "--cost", "original", "--quiet"],
        capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    assert parse_summary(p.stdout)[0] == "collision-free path found"
