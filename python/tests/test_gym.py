"""ivycpp.gym on every backend: the shapes and dtypes of reset/step for one environment and a
(2, 3) batch, a Pendulum step against the equations in NumPy, seeded resets, the typed errors,
set_state round trips, truncation, roll-out gradients against central finite differences; and
the Gymnasium adapter GymnasiumEnv under gymnasium's own env_checker."""
import math
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

import ivycpp as xp
from conftest import assert_close, to_np

gym = xp.gym
NAMES = ["CartPole", "Pendulum", "MountainCar", "Reacher", "Swimmer"]
# (action size, observation size) of one environment with the default num_joints=2,
# num_urchins=5.
DIMS = {"CartPole": (1, 5), "Pendulum": (1, 3), "MountainCar": (1, 2), "Reacher": (2, 8),
        "Swimmer": (2, 16)}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("batch", [(), (2, 3)])
def test_reset_and_step_shapes_and_dtypes(backend, name, batch):
    env = getattr(gym, name)(batch_shape=batch)
    act, obs_dim = DIMS[name]
    assert isinstance(env, gym.Env)
    assert env.name == name and env.batch_shape == batch and env.backend == backend
    assert env.dtype == xp.float32 and env.elapsed_steps == 0
    assert env.action_space.shape == (act,) and env.action_space.dtype == xp.float32
    assert env.action_space.low == (-1.0,) * act and env.action_space.high == (1.0,) * act
    assert env.observation_space.shape == (obs_dim,)
    assert len(env.observation_space.low) == obs_dim == len(env.observation_space.high)

    obs = env.reset(seed=0)
    assert obs.shape == batch + (obs_dim,) and obs.dtype == xp.float32 and obs.backend == backend
    action = np.full(batch + (act,), 0.5, np.float32)
    result = env.step(action)
    assert isinstance(result, tuple) and len(result) == 4
    obs, reward, terminated, truncated = result
    assert obs.shape == batch + (obs_dim,) and obs.dtype == xp.float32
    assert reward.shape == batch and reward.dtype == xp.float32
    assert terminated.shape == batch and terminated.dtype == xp.bool
    assert truncated.shape == batch and truncated.dtype == xp.bool
    assert not to_np(terminated).any() and not to_np(truncated).any()
    assert env.elapsed_steps == 1
    assert_close(env.get_observation(), to_np(obs))
    assert_close(env.get_reward(), to_np(reward))
    # One action of shape [act] for the whole batch, as an ivycpp array.
    obs, reward, _, _ = env.step(xp.asarray([0.25] * act))
    assert obs.shape == batch + (obs_dim,) and env.elapsed_steps == 2
    parts = env.get_state()
    assert isinstance(parts, list) and len(parts) == len(env.state_names())
    for p in parts:
        assert p.shape[:len(batch)] == batch and p.dtype == xp.float32


def test_float64_and_backend_keyword(backend):
    env = gym.Reacher(batch_shape=(4,), dtype=xp.float64, backend=backend, num_joints=3)
    assert env.num_joints == 3 and env.dtype == xp.float64 and env.backend == backend
    assert env.observation_space.shape == (11,) and env.action_space.dtype == xp.float64
    assert env.state_names() == ["angles", "angle_vels", "goal"]
    env.reset(seed=1)
    obs, reward, _, _ = env.step(np.zeros((4, 3)))
    assert obs.dtype == xp.float64 and reward.dtype == xp.float64
    sw = gym.Swimmer(num_urchins=2)
    assert sw.num_urchins == 2 and sw.observation_space.shape == (10,)
    assert sw.state_names() == ["urchins", "xy", "xy_vel", "goal"]
    assert "Swimmer" in repr(sw) and "Box(shape=(2,)" in repr(sw.action_space)


def pendulum_step(angle, angle_vel, a, g=9.8, dt=0.05):
    angle_acc = -3 * g / 2 * np.sin(angle + np.pi) + 3 * a
    angle_vel = angle_vel + angle_acc * dt
    return angle + angle_vel * dt, angle_vel


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_pendulum_step_by_hand(backend, dtype):
    rng = np.random.default_rng(2)
    np_dtype = np.dtype(dtype)
    angle = rng.uniform(-np.pi, np.pi, (4, 1)).astype(np_dtype)
    vel = rng.uniform(-1, 1, (4, 1)).astype(np_dtype)
    a = rng.uniform(-1, 1, (4, 1)).astype(np_dtype)
    env = gym.Pendulum(batch_shape=(4,), dtype=getattr(xp, dtype))
    obs = env.set_state([angle, vel])
    assert_close(obs, np.concatenate([np.cos(angle), np.sin(angle), vel], -1), rtol=1e-5)
    obs, reward, _, _ = env.step(a)
    angle_1, vel_1 = pendulum_step(angle.astype(np.float64), vel.astype(np.float64), a)
    tol = dict(rtol=1e-5, atol=1e-5) if dtype == "float32" else dict(rtol=1e-12, atol=1e-12)
    assert_close(obs, np.concatenate([np.cos(angle_1), np.sin(angle_1), vel_1], -1), **tol)
    assert_close(reward, (np.cos(angle_1[:, 0]) + 1) / 2, **tol)
    new_angle, new_vel = env.get_state()
    assert_close(new_angle, angle_1, **tol)
    assert_close(new_vel, vel_1, **tol)


@pytest.mark.parametrize("name", NAMES)
def test_seeded_reset_is_reproducible(backend, name):
    env = getattr(gym, name)(batch_shape=(3,))
    first = to_np(env.reset(seed=42))
    state = [to_np(p) for p in env.get_state()]
    env.step(np.ones((3, DIMS[name][0]), np.float32))
    np.testing.assert_array_equal(to_np(env.reset(seed=42)), first)
    for p, q in zip(env.get_state(), state):
        np.testing.assert_array_equal(to_np(p), q)
    assert env.elapsed_steps == 0
    # Another environment of the same task and seed starts in the same state.
    np.testing.assert_array_equal(to_np(getattr(gym, name)(batch_shape=(3,)).reset(seed=42)),
                                  first)
    assert not np.array_equal(to_np(env.reset(seed=43)), first)


def test_reset_ranges(backend):
    env = gym.Pendulum(batch_shape=(1000,))
    env.reset(seed=5)
    angle, vel = (to_np(p) for p in env.get_state())
    assert angle.shape == (1000, 1) and np.all(np.abs(angle) <= np.pi)
    assert np.all(np.abs(vel) <= 1)


def test_bad_actions_raise_typed_errors(backend):
    env = gym.Pendulum(batch_shape=(2,))
    with pytest.raises(xp.ValueError, match="reset or set_state"):
        env.step(np.zeros((2, 1), np.float32))
    env.reset(seed=0)
    with pytest.raises(xp.ShapeError, match=r"Pendulum\.step.*\[2,1\]"):
        env.step(np.zeros((2, 2), np.float32))
    with pytest.raises(xp.ShapeError, match=r"Pendulum\.step"):
        env.step(np.zeros((3, 1), np.float32))
    with pytest.raises(xp.DTypeError, match=r"Pendulum\.step.*floating"):
        env.step(np.zeros((2, 1), np.int32))
    with pytest.raises(xp.ValueError, match=r"Pendulum\.step.*non-finite"):
        env.step(np.array([[0.0], [np.nan]], np.float32))
    with pytest.raises(xp.ValueError, match="non-finite"):
        env.step(xp.asarray([np.inf]))
    assert env.elapsed_steps == 0
    # Without the check a NaN action is stepped (for roll-outs that must not read the actions).
    unchecked = gym.Pendulum(check_actions=False)
    unchecked.reset(seed=0)
    obs, _, _, _ = unchecked.step(np.array([np.nan], np.float32))
    assert np.isnan(to_np(obs)[2])


def test_bad_construction_and_state(backend):
    with pytest.raises(TypeError):
        gym.Env()
    with pytest.raises(xp.DTypeError, match="floating"):
        gym.CartPole(dtype=xp.int32)
    with pytest.raises(TypeError, match="dtype"):
        gym.CartPole(dtype="float32")
    with pytest.raises(xp.ValueError, match="max_episode_steps"):
        gym.CartPole(max_episode_steps=-1)
    with pytest.raises(xp.ValueError, match="num_joints"):
        gym.Reacher(num_joints=0)
    with pytest.raises(xp.ValueError, match="num_urchins"):
        gym.Swimmer(num_urchins=-1)
    with pytest.raises(TypeError, match="check_actions"):
        gym.CartPole(check_actions=1)
    with pytest.raises(xp.BackendError):
        gym.CartPole(backend="no_such_backend")
    env = gym.CartPole(batch_shape=(2,))
    with pytest.raises(xp.ValueError, match="seed"):
        env.reset(seed=-1)
    with pytest.raises(xp.ShapeError, match="4 arrays, got 1"):
        env.set_state([np.zeros((2, 1), np.float32)])
    with pytest.raises(xp.ShapeError, match=r"angle must have shape \[2,1\]"):
        env.set_state([np.zeros((2, 1), np.float32)] * 2 + [np.zeros((2, 2), np.float32)] +
                      [np.zeros((2, 1), np.float32)])
    with pytest.raises(TypeError, match="list of arrays"):
        env.set_state(np.zeros((4, 2, 1), np.float32))


@pytest.mark.parametrize("name", NAMES)
def test_set_state_round_trip(backend, name):
    env = getattr(gym, name)(batch_shape=(2,))
    obs0 = to_np(env.reset(seed=9))
    state = env.get_state()
    for _ in range(3):
        env.step(np.full((2, DIMS[name][0]), 0.7, np.float32))
    assert env.elapsed_steps == 3
    assert not np.allclose(to_np(env.get_observation()), obs0)
    # ivycpp arrays back in.
    np.testing.assert_array_equal(to_np(env.set_state(state)), obs0)
    assert env.elapsed_steps == 0
    for p, q in zip(env.get_state(), state):
        np.testing.assert_array_equal(to_np(p), to_np(q))
    # NumPy arrays (DLPack) in, float64 cast to the environments' float32.
    as_np = [to_np(p).astype(np.float64) for p in state]
    np.testing.assert_array_equal(to_np(env.set_state(as_np)), obs0)
    assert all(p.dtype == xp.float32 for p in env.get_state())


def test_truncation(backend):
    env = gym.MountainCar(batch_shape=(2,), max_episode_steps=3)
    env.reset(seed=0)
    flags = [to_np(env.step(np.zeros((2, 1), np.float32))[3]).tolist() for _ in range(3)]
    assert flags == [[False, False], [False, False], [True, True]]
    env.reset()
    assert not to_np(env.step(np.zeros((1,), np.float32))[3]).any()


def test_rollout_gradient_matches_finite_differences(backend):
    env = gym.Pendulum(dtype=xp.float64, check_actions=False)
    env.reset(seed=3)
    s0 = env.get_state()
    angle0, vel0 = (float(to_np(p)[0]) for p in s0)
    actions = np.random.default_rng(4).uniform(-1, 1, (3, 1))

    def rollout(acts):
        env.set_state(s0)
        total = None
        for a in acts:
            reward = env.step(a)[1]
            total = reward if total is None else total + reward
        return total

    loss, grads = xp.execute_with_gradients(rollout, [xp.asarray(a) for a in actions])
    # The roll-out itself against the equations.
    angle, vel, want = angle0, vel0, 0.0
    for a in actions[:, 0]:
        angle, vel = pendulum_step(angle, vel, a)
        want += (math.cos(angle) + 1) / 2
    assert float(loss) == pytest.approx(want, rel=1e-12)
    # d loss / d action_t by central differences of the environment's own roll-out.
    eps = 1e-6
    for t in range(3):
        hi, lo = actions.copy(), actions.copy()
        hi[t] += eps
        lo[t] -= eps
        fd = (float(rollout([xp.asarray(a) for a in hi])) -
              float(rollout([xp.asarray(a) for a in lo]))) / (2 * eps)
        got = to_np(grads[t])
        assert got.shape == (1,)
        assert got[0] == pytest.approx(fd, rel=1e-6, abs=1e-8)


# ---------------------------------------------------------------------------------------------
# The Gymnasium adapter.

try:
    import gymnasium
    from gymnasium.utils.env_checker import check_env
except ImportError:
    gymnasium = None
needs_gymnasium = pytest.mark.skipif(gymnasium is None, reason="gymnasium cannot be imported")

# What check_env may warn about: the observation boxes are unbounded where the state is (as the
# C++ spaces say), and an adapter made without gymnasium.make has no spec for its render check.
EXPECTED_WARNINGS = ("space minimum value is -infinity", "space maximum value is infinity",
                     "not having a spec")


@pytest.mark.parametrize("name", NAMES)
@needs_gymnasium
def test_check_env_passes(backend, name):
    env = gym.GymnasiumEnv(name)
    assert isinstance(env, gymnasium.Env) and env.env.backend == backend
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env)
    unexpected = [str(w.message) for w in caught
                  if not any(s in str(w.message) for s in EXPECTED_WARNINGS)]
    assert unexpected == []


@pytest.mark.parametrize("name", NAMES)
@needs_gymnasium
def test_adapter_values_and_spaces(backend, name):
    act, obs_dim = DIMS[name]
    env = gym.GymnasiumEnv(name)
    assert env.action_space == gymnasium.spaces.Box(-1.0, 1.0, (act,), np.float32)
    box = env.observation_space
    assert box.shape == (obs_dim,) and box.dtype == np.float32
    assert np.array_equal(box.low, np.asarray(env.env.observation_space.low, np.float32))
    obs, info = env.reset(seed=11)
    assert isinstance(obs, np.ndarray) and obs.dtype == np.float32 and obs.shape == (obs_dim,)
    assert info == {}
    obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
    assert obs.dtype == np.float32 and obs in box
    assert type(reward) is float and type(terminated) is bool and type(truncated) is bool
    assert info == {}


@needs_gymnasium
def test_adapter_seeding_is_reproducible(backend):
    def episode_starts(seed):
        env = gym.GymnasiumEnv("Swimmer")
        return [env.reset(seed=seed)[0]] + [env.reset()[0] for _ in range(2)]

    a, b, c = episode_starts(5), episode_starts(5), episode_starts(6)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    assert not np.array_equal(a[1], a[2]) and not np.array_equal(a[0], c[0])


@needs_gymnasium
def test_adapter_truncates_at_max_episode_steps(backend):
    env = gym.GymnasiumEnv("CartPole")
    assert env.max_episode_steps == 200
    env.reset(seed=0)
    flags = [env.step(np.zeros(1, np.float32))[3] for _ in range(200)]
    assert flags == [False] * 199 + [True]
    short = gym.GymnasiumEnv(gym.Pendulum(max_episode_steps=2))
    assert short.max_episode_steps == 2
    short.reset(seed=0)
    assert [short.step(np.zeros(1, np.float32))[3] for _ in range(2)] == [False, True]
    assert gym.GymnasiumEnv("Reacher", max_episode_steps=7, num_joints=3).action_space.shape == (3,)


@needs_gymnasium
def test_adapter_errors(backend):
    with pytest.raises(ValueError, match="unknown environment"):
        gym.GymnasiumEnv("Env")
    with pytest.raises(ValueError, match="unknown environment"):
        gym.GymnasiumEnv("Acrobot")
    with pytest.raises(ValueError, match="batch_shape"):
        gym.GymnasiumEnv(gym.Pendulum(batch_shape=(2,)))
    with pytest.raises(ValueError, match="batch_shape"):
        gym.GymnasiumEnv("Pendulum", batch_shape=(2,))
    with pytest.raises(ValueError, match="render_mode"):
        gym.GymnasiumEnv("Pendulum", render_mode="human")
    with pytest.raises(TypeError):
        gym.GymnasiumEnv(3)


def test_module_imports_without_gymnasium():
    # In a fresh interpreter where gymnasium cannot be imported: the environments work, and
    # the adapter raises ImportError when used.
    code = ("import sys; sys.modules['gymnasium'] = None\n"
            "import ivycpp as xp\n"
            "xp.gym.CartPole().reset(seed=0)\n"
            "try:\n"
            "    xp.gym.GymnasiumEnv('CartPole')\n"
            "except ImportError as e:\n"
            "    assert 'gymnasium' in str(e), e\n"
            "else:\n"
            "    raise AssertionError('no ImportError')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)
