"""python -m ivycpp.demos.gym: training improves the reward on every backend in both modes, the
reward it reports before training equals the roll-out computed with NumPy alone (CartPole's
equations, the demo's initial actions), and bad options exit with 2."""
import subprocess
import sys

import numpy as np

import ivycpp as xp
from ivycpp.demos import gym as demo


def cartpole_rewards_numpy(state, actions):
    """CartPole's equations (docs/gym.md) in float64 NumPy; the reward of each step."""
    x, x_vel, angle, angle_vel = (float(v) for v in state)
    g, dt, mc, mp, l = 9.8, 0.02, 1.0, 0.1, 0.5
    total = mc + mp
    rewards = []
    for a in actions:
        force = 10.0 * a
        c, s = np.cos(angle), np.sin(angle)
        temp = (force + mp * l * angle_vel ** 2 * s) / total
        angle_acc = (g * s - c * temp) / (l * (4.0 / 3.0 - mp * c * c / total))
        x_acc = temp - mp * l * angle_acc * c / total
        x_vel += dt * x_acc
        x += dt * x_vel
        angle_vel += dt * angle_acc
        angle += dt * angle_vel
        rewards.append(np.exp(-x * x) * (np.cos(angle) + 1) / 2)
    return np.array(rewards)


def test_trajectory_reward_before_training_matches_numpy(backend):
    steps = 30
    before, after, curve = demo.train("CartPole", "trajectory", backend, 5, steps, 1, 0.1, seed=3)
    env = xp.gym.CartPole(backend=backend)
    env.reset(seed=3)
    start = [float(np.from_dlpack(p)[0]) for p in env.get_state()]
    logits = np.random.default_rng(3).uniform(-2, 2, (steps, 1)).astype(np.float32)
    want = cartpole_rewards_numpy(start, np.tanh(logits[:, 0].astype(np.float64))).mean()
    assert abs(before - want) < 1e-4 * max(1.0, abs(want))
    assert abs(curve[0] - want) < 1e-4 * max(1.0, abs(want))  # the first iteration's roll-out
    assert after > before


def test_policy_training_improves_the_held_out_reward(backend):
    before, after, curve = demo.train("Pendulum", "policy", backend, 30, 40, 8, 0.01, seed=0)
    assert len(curve) == 30
    assert after > before


def test_main_reports_every_backend_and_bad_options_exit_2(capsys):
    assert demo.main(["--env", "Swimmer", "--backend", "all", "--iterations", "5", "--steps",
                      "20", "--quiet"]) == 0
    out = capsys.readouterr().out
    for b in [b for b in xp.available_backends() if b != "stub"]:
        assert f"[{b}] Swimmer trajectory: mean reward per step" in out
    assert demo.main(["--env", "Nowhere"]) == 2
    assert demo.main(["--iterations", "0"]) == 2


def test_runs_as_a_module():
    r = subprocess.run([sys.executable, "-m", "ivycpp.demos.gym", "--iterations", "3", "--steps",
                        "10", "--quiet"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "before" in r.stdout
