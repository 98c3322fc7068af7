"""Trajectory and policy optimisation through ivycpp.gym: ``python -m ivycpp.demos.gym [options]``.

The original ivy_gym demos (optimize_trajectory.py and optimize_policy.py, without their
rendering) on ivycpp, as the C++ ivy-gym does (docs/gym.md):

* ``--mode trajectory``: learnable logits [steps, act_dim] drawn from U(-2, 2), actions
  tanh(logits), one fixed start state; Adam (lr 0.1).
* ``--mode policy``: an MLP obs -> 64 -> 64 -> act_dim with tanh (Glorot-uniform weights), a
  fresh batch of --batch start states each iteration; Adam (lr 0.01).

The loss is minus the mean total reward of a --steps-step roll-out, differentiated through the
environment with ivycpp.execute_with_gradients. A progress line per iteration (unless --quiet);
the summary gives the mean reward per step before and after training from fixed starts (the
trained start, or a held-out batch). Exit status 0 when training improved it, 1 when not, 2 for
bad options.
"""
import argparse
import sys
import time

import numpy as np

import ivycpp as xp

TASKS = ("CartPole", "Pendulum", "MountainCar", "Reacher", "Swimmer")


def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)


def initial_variables(mode, env, steps, rng, backend):
    act = env.action_space.shape[0]
    if mode == "trajectory":
        logits = rng.uniform(-2, 2, (steps, act)).astype(np.float32)
        return xp.Container({"logits": xp.asarray(logits, backend=backend)})
    sizes = [env.observation_space.shape[0], 64, 64, act]
    layers = {}
    for i in range(3):
        layers[f"l{i}"] = {
            "w": xp.asarray(glorot(rng, sizes[i], sizes[i + 1]), backend=backend),
            "b": xp.asarray(np.zeros(sizes[i + 1], np.float32), backend=backend)}
    return xp.Container(layers)


def policy(v, obs):
    h = obs
    for i in range(3):
        h = xp.tanh(h @ v[f"l{i}/w"] + v[f"l{i}/b"])
    return h


def rollout_reward(env, v, start, mode, steps):
    """The total reward of each environment over one roll-out from start."""
    env.set_state(start)
    total = None
    for t in range(steps):
        a = xp.tanh(v["logits"][t]) if mode == "trajectory" else policy(v, env.get_observation())
        reward = env.step(a)[1]
        total = reward if total is None else total + reward
    return total


def train(env_name, mode, backend, iterations, steps, batch, lr, seed, progress=None,
          reference_backend=None):
    """Trains on backend; returns (mean reward per step before, after, per-iteration list).
    Start states are drawn by the task's reset on reference_backend (default: backend) and
    copied, so that runs on several backends start alike."""
    batch_shape = (batch,) if mode == "policy" else ()
    make = getattr(xp.gym, env_name)
    env = make(batch_shape=batch_shape, backend=backend, check_actions=False)
    reference = make(batch_shape=batch_shape, backend=reference_backend or backend)
    rng = np.random.default_rng(seed)
    v = initial_variables(mode, env, steps, rng, backend)

    def start_state(s):
        reference.reset(seed=s)
        return [xp.asarray(np.from_dlpack(p).copy(), backend=backend) for p in reference.get_state()]

    start = start_state(seed)
    held_out = start if mode == "trajectory" else start_state(seed + 1000003)

    def evaluate(variables):
        return float(xp.mean(rollout_reward(env, variables, held_out, mode, steps))) / steps

    before = evaluate(v)
    opt = xp.Adam(lr)
    curve = []
    for it in range(iterations):
        if mode == "policy":
            start = start_state(seed + 1 + it)

        def loss_fn(variables, start=start):
            return -xp.mean(rollout_reward(env, variables, start, mode, steps))

        loss, grads = xp.execute_with_gradients(loss_fn, v)[:2]
        curve.append(-float(loss) / steps)
        if progress is not None:
            progress(it, curve[-1])
        v = opt.step(v, grads)
    return before, evaluate(v), curve


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m ivycpp.demos.gym", description=__doc__.split("\n")[0])
    backends = [b for b in xp.available_backends() if b != "stub"]
    p.add_argument("--env", choices=TASKS, default="CartPole")
    p.add_argument("--mode", choices=["trajectory", "policy"], default="trajectory")
    p.add_argument("--backend", choices=backends + ["all"], default=None,
                   help="a backend, or all (default: the current one)")
    p.add_argument("--iterations", type=int, default=100)
    p.add_argument("--steps", type=int, default=100, help="roll-out length")
    p.add_argument("--batch", type=int, default=16, help="policy mode: environments per iteration")
    p.add_argument("--lr", type=float, default=None, help="0.1 (trajectory), 0.01 (policy)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = p.parse_args(argv)
    if args.iterations < 1 or args.steps < 1 or args.batch < 1:
        p.error("--iterations, --steps and --batch must be positive")
    if args.lr is None:
        args.lr = 0.1 if args.mode == "trajectory" else 0.01
    return args, backends


def main(argv=None):
    try:
        args, backends = parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    chosen = backends if args.backend == "all" else [args.backend or xp.current_backend()]
    improved = True
    for b in chosen:
        began = time.perf_counter()

        def progress(it, reward, b=b):
            if not args.quiet:
                print(f"[{b}] {args.env} {args.mode} iteration {it:4d}  mean reward per step "
                      f"{reward:.5f}")

        before, after, _ = train(args.env, args.mode, b, args.iterations, args.steps, args.batch,
                                 args.lr, args.seed, progress, reference_backend=chosen[0])
        ms = (time.perf_counter() - began) * 1000 / args.iterations
        print(f"[{b}] {args.env} {args.mode}: mean reward per step {before:.5f} before, "
              f"{after:.5f} after {args.iterations} iterations ({ms:.1f} ms per iteration)")
        improved = improved and after > before
    return 0 if improved else 1


if __name__ == "__main__":
    sys.exit(main())
