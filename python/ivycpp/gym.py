"""ivycpp.gym: batched, differentiable control environments (ivy::gym) with Gymnasium's
interface: Env and the tasks CartPole, Pendulum, MountainCar, Reacher and Swimmer.

    env = ivycpp.gym.Pendulum(batch_shape=(8,))
    obs = env.reset(seed=0)                          # [8, 3]
    obs, reward, terminated, truncated = env.step(action)   # action [8, 1] or [1]

Actions and states may be ivycpp arrays or any DLPack producer (NumPy, PyTorch); non-ivycpp
inputs are imported into the environments' backend. Results are ivycpp arrays (numpy.from_dlpack
reads them), and gradients flow from rewards through step() to actions and states
(execute_with_gradients).

GymnasiumEnv adapts one unbatched environment to gymnasium.Env (NumPy float32 observations,
Python float rewards, bool flags), for code written against Gymnasium; it needs the gymnasium
package."""
from ._ivycpp import gym as _gym

globals().update({k: getattr(_gym, k) for k in dir(_gym) if not k.startswith("_")})
_cpp_names = _gym._cpp_names
# What this module adds to the C++ list (test_library_names.py leaves these out of its check).
_python_names = ("GymnasiumEnv",)

try:
    import gymnasium as _gymnasium
    import numpy as _np
except ImportError as _e:  # pragma: no cover - exercised only without gymnasium
    _gymnasium = None
    _import_error = _e

_DEFAULT_MAX_EPISODE_STEPS = 200


def _make_env(env_name_or_env, max_episode_steps, kwargs):
    """The wrapped ivycpp.gym environment and the episode length the adapter truncates at."""
    if isinstance(env_name_or_env, str):
        cls = getattr(_gym, env_name_or_env, None)
        if (not isinstance(cls, type) or not issubclass(cls, _gym.Env)
                or cls is _gym.Env):
            names = [n for n in _gym._cpp_names if n != "Env"]
            raise ValueError(f"ivycpp.gym.GymnasiumEnv: unknown environment "
                             f"{env_name_or_env!r}, expected one of {names}")
        if "batch_shape" in kwargs and tuple(kwargs["batch_shape"]) != ():
            raise ValueError("ivycpp.gym.GymnasiumEnv: wraps one environment, "
                             "batch_shape must be ()")
        kwargs = dict(kwargs)
        kwargs.pop("batch_shape", None)
        if max_episode_steps is None:
            max_episode_steps = _DEFAULT_MAX_EPISODE_STEPS
        return cls(max_episode_steps=max_episode_steps, **kwargs), max_episode_steps
    if not isinstance(env_name_or_env, _gym.Env):
        raise TypeError("ivycpp.gym.GymnasiumEnv: expected an environment name or an "
                        f"ivycpp.gym.Env, got {type(env_name_or_env).__name__}")
    if kwargs:
        raise TypeError("ivycpp.gym.GymnasiumEnv: keyword arguments "
                        f"{sorted(kwargs)} apply only to an environment given by name")
    env = env_name_or_env
    if env.batch_shape != ():
        raise ValueError("ivycpp.gym.GymnasiumEnv: wraps one environment, got batch_shape "
                         f"{env.batch_shape}")
    if max_episode_steps is None:
        max_episode_steps = env.max_episode_steps or _DEFAULT_MAX_EPISODE_STEPS
    return env, max_episode_steps


def _box(space):
    """gymnasium.spaces.Box of an ivycpp.gym space (float32; inf where unbounded)."""
    low = _np.asarray(space.low, _np.float32).reshape(space.shape)
    high = _np.asarray(space.high, _np.float32).reshape(space.shape)
    return _gymnasium.spaces.Box(low=low, high=high, shape=space.shape, dtype=_np.float32)


if _gymnasium is not None:

    class GymnasiumEnv(_gymnasium.Env):
        """One unbatched ivycpp.gym environment as a gymnasium.Env.

        GymnasiumEnv("Pendulum", backend="torch") builds the environment (keywords go to its
        class: dtype, backend, check_actions, num_joints, num_urchins); an existing unbatched
        ivycpp.gym.Env may be passed instead. Episodes truncate after max_episode_steps (200
        unless given, or the wrapped environment's own). reset(seed) seeds Gymnasium's np_random,
        which draws the seed of each ivy reset, so a seeded sequence of episodes is reproducible;
        note that ivy's random generators are global (ivycpp.seed), so a reset reseeds them."""

        metadata = {"render_modes": []}

        def __init__(self, env_name_or_env, max_episode_steps=None, render_mode=None, **kwargs):
            if render_mode is not None:
                raise ValueError("ivycpp.gym.GymnasiumEnv: no render modes, render_mode must "
                                 f"be None, got {render_mode!r}")
            self.env, self.max_episode_steps = _make_env(env_name_or_env, max_episode_steps,
                                                         kwargs)
            self.render_mode = None
            self.action_space = _box(self.env.action_space)
            self.observation_space = _box(self.env.observation_space)

        def _observation(self, obs):
            # A float32 copy: the caller owns it, whatever the environments' dtype.
            return _np.array(_np.from_dlpack(obs), dtype=_np.float32)

        def reset(self, *, seed=None, options=None):
            super().reset(seed=seed)
            ivy_seed = int(self.np_random.integers(0, 2**63 - 1))
            return self._observation(self.env.reset(seed=ivy_seed)), {}

        def step(self, action):
            # A copy: backends that share the producer's memory (or read it lazily) must not see
            # the caller's later changes to its action.
            a = _np.array(action, dtype=_np.float32).reshape(self.action_space.shape)
            obs, reward, terminated, truncated = self.env.step(a)
            truncated = bool(truncated) or (self.max_episode_steps > 0 and
                                            self.env.elapsed_steps >= self.max_episode_steps)
            return (self._observation(obs), float(reward), bool(terminated), truncated, {})

        def __repr__(self):
            return f"GymnasiumEnv({self.env!r})"

else:

    class GymnasiumEnv:
        """Needs the gymnasium package, which is not installed."""

        def __init__(self, *args, **kwargs):
            raise ImportError("ivycpp.gym.GymnasiumEnv needs the gymnasium package "
                              f"(pip install gymnasium): {_import_error}")
