// ivycpp.gym: ivy::gym's batched, differentiable control environments (Env and its five tasks)
// with Gymnasium's interface. Actions and states may be ivycpp arrays or any DLPack producer
// (NumPy, PyTorch), imported into the environments' backend; results are ivycpp arrays.
// python/ivycpp/gym.py adds GymnasiumEnv, the adapter to gymnasium.Env.
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <climits>

#include "common.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/gym/function_list.hpp"

namespace ivypy {
namespace {
namespace gym = ivy::gym;

nb::tuple shape_tuple(const ivy::Shape& s) {
  nb::list l;
  for (std::int64_t d : s) l.append(d);
  return nb::tuple(l);
}

nb::tuple double_tuple(const std::vector<double>& v) {
  nb::list l;
  for (double d : v) l.append(d);
  return nb::tuple(l);
}

/** An ivycpp array as it is (the library checks its backend and dtype), anything else (a DLPack
 *  producer, nested sequences) imported into the environments' backend. */
ivy::Array env_array(const gym::Env& env, nb::handle h, const char* fn) {
  if (nb::isinstance<ivy::Array>(h)) return nb::cast<const ivy::Array&>(h);
  return array_from_python(h, ivy::Options(*env.options().backend), fn);
}

/** EnvOptions from the constructor's keywords (fn names the class for errors). */
gym::EnvOptions env_options(nb::handle batch_shape, nb::handle dtype, nb::handle backend,
                            nb::handle max_episode_steps, nb::handle check_actions,
                            const char* fn) {
  gym::EnvOptions o;
  o.batch = to_shape(batch_shape, fn);
  if (!dtype.is_none()) o.dtype = to_dtype(dtype, fn);
  o.backend = &backend_or_current(backend, fn);
  o.max_episode_steps = to_int(max_episode_steps, fn, "max_episode_steps");
  o.check_actions = to_bool(check_actions, fn, "check_actions");
  return o;
}

/** A count argument as a C++ int (the library checks its range). */
int to_count(nb::handle h, const char* fn, const char* what) {
  const std::int64_t n = to_int(h, fn, what);
  if (n < INT_MIN || n > INT_MAX)
    throw ivy::ValueError(std::string("ivycpp.") + fn + ": " + what + " is out of range, got " +
                          std::to_string(n));
  return static_cast<int>(n);
}

std::string box_repr(const gym::Box& b) {
  return "Box(shape=" + nb::cast<std::string>(nb::repr(shape_tuple(b.shape))) +
         ", low=" + nb::cast<std::string>(nb::repr(double_tuple(b.low))) +
         ", high=" + nb::cast<std::string>(nb::repr(double_tuple(b.high))) +
         ", dtype=" + std::string(ivy::dtype_name(b.dtype)) + ")";
}

// The keywords every environment class takes, first (Reacher and Swimmer add theirs after).
#define IVY_GYM_ENV_ARGS                                                      \
  nb::arg("batch_shape") = nb::tuple(), nb::arg("dtype").none() = nb::none(), \
  nb::arg("backend").none() = nb::none(), nb::arg("max_episode_steps") = 0,   \
  nb::arg("check_actions") = true

}  // namespace

void bind_gym(nb::module_& parent) {
  nb::module_ m = parent.def_submodule(
      "gym", "ivy::gym: batched, differentiable control environments with Gymnasium's interface.");

  nb::class_<gym::Box>(m, "_Box", "Gymnasium's spaces.Box: per-element bounds (read-only).")
      .def_prop_ro("shape", [](const gym::Box& b) { return shape_tuple(b.shape); })
      .def_prop_ro("low", [](const gym::Box& b) { return double_tuple(b.low); })
      .def_prop_ro("high", [](const gym::Box& b) { return double_tuple(b.high); })
      .def_prop_ro("dtype", [](const gym::Box& b) { return b.dtype; })
      .def("__repr__", &box_repr);

  nb::class_<gym::Env>(m, "Env",
                       "A batch of one task's environments (not constructible: use a task class).")
      .def(
          "reset",
          [](gym::Env& e, nb::handle seed) {
            if (seed.is_none()) return e.reset();
            const std::int64_t s = to_int(seed, "gym.Env.reset", "seed", Overflow::saturate);
            std::uint64_t u = 0;
            if (s < 0 || !nb::try_cast<std::uint64_t>(nb::int_(seed), u))
              throw ivy::ValueError("ivycpp.gym.Env.reset: the seed must be in [0, 2**64), got " +
                                    nb::cast<std::string>(nb::repr(seed)));
            return e.reset(u);
          },
          nb::arg("seed").none() = nb::none(),
          "New random states (seeded when seed is given); returns the observation.")
      .def(
          "step",
          [](gym::Env& e, nb::handle action) {
            gym::StepResult r = e.step(env_array(e, action, "gym.Env.step"));
            return nb::make_tuple(r.observation, r.reward, r.terminated, r.truncated);
          },
          nb::arg("action"), "(observation, reward, terminated, truncated) after one step.")
      .def("get_state", &gym::Env::get_state, "The state arrays, in state_names' order.")
      .def(
          "set_state",
          [](gym::Env& e, nb::handle state) {
            const char* fn = "gym.Env.set_state";
            // One array (even a NumPy array whose rows would fit) is not a list of them.
            if (nb::isinstance<ivy::Array>(state) || nb::hasattr(state, "__dlpack__") ||
                !PySequence_Check(state.ptr()) || nb::isinstance<nb::str>(state))
              type_error(fn, "state", "a list of arrays", state);
            std::vector<ivy::Array> parts;
            for (nb::handle h : state) parts.push_back(env_array(e, h, fn));
            return e.set_state(parts);
          },
          nb::arg("state"), "Sets the state (a list of arrays); returns the observation.")
      .def("get_observation", &gym::Env::get_observation)
      .def("get_reward", &gym::Env::get_reward)
      .def("state_names", &gym::Env::state_names)
      .def_prop_ro("name", &gym::Env::name)
      .def_prop_ro("batch_shape", [](const gym::Env& e) { return shape_tuple(e.batch_shape()); })
      .def_prop_ro("elapsed_steps", &gym::Env::elapsed_steps)
      .def_prop_ro("action_space", &gym::Env::action_space, nb::rv_policy::copy)
      .def_prop_ro("observation_space", &gym::Env::observation_space, nb::rv_policy::copy)
      .def_prop_ro("dtype", [](const gym::Env& e) { return e.options().dtype; })
      .def_prop_ro(
          "backend",
          [](const gym::Env& e) { return std::string(ivy::backend_name(*e.options().backend)); })
      .def_prop_ro("max_episode_steps",
                   [](const gym::Env& e) { return e.options().max_episode_steps; })
      .def_prop_ro("check_actions", [](const gym::Env& e) { return e.options().check_actions; })
      .def("__repr__", [](const gym::Env& e) {
        return e.name() +
               "(batch_shape=" + nb::cast<std::string>(nb::repr(shape_tuple(e.batch_shape()))) +
               ", dtype=" + std::string(ivy::dtype_name(e.options().dtype)) + ", backend='" +
               std::string(ivy::backend_name(*e.options().backend)) + "')";
      });

#define IVY_GYM_SIMPLE_ENV(Cls)                                                         \
  nb::class_<gym::Cls, gym::Env>(m, #Cls).def(                                          \
      "__init__",                                                                       \
      [](gym::Cls* self, nb::handle batch_shape, nb::handle dtype, nb::handle backend,  \
         nb::handle max_episode_steps, nb::handle check_actions) {                      \
        new (self) gym::Cls(env_options(batch_shape, dtype, backend, max_episode_steps, \
                                        check_actions, "gym." #Cls));                   \
      },                                                                                \
      IVY_GYM_ENV_ARGS)
  IVY_GYM_SIMPLE_ENV(CartPole);
  IVY_GYM_SIMPLE_ENV(Pendulum);
  IVY_GYM_SIMPLE_ENV(MountainCar);
#undef IVY_GYM_SIMPLE_ENV

  nb::class_<gym::Reacher, gym::Env>(m, "Reacher")
      .def(
          "__init__",
          [](gym::Reacher* self, nb::handle batch_shape, nb::handle dtype, nb::handle backend,
             nb::handle max_episode_steps, nb::handle check_actions, nb::handle num_joints) {
            const char* fn = "gym.Reacher";
            new (self) gym::Reacher(
                env_options(batch_shape, dtype, backend, max_episode_steps, check_actions, fn),
                to_count(num_joints, fn, "num_joints"));
          },
          IVY_GYM_ENV_ARGS, nb::arg("num_joints") = 2)
      .def_prop_ro("num_joints", &gym::Reacher::num_joints);

  nb::class_<gym::Swimmer, gym::Env>(m, "Swimmer")
      .def(
          "__init__",
          [](gym::Swimmer* self, nb::handle batch_shape, nb::handle dtype, nb::handle backend,
             nb::handle max_episode_steps, nb::handle check_actions, nb::handle num_urchins) {
            const char* fn = "gym.Swimmer";
            new (self) gym::Swimmer(
                env_options(batch_shape, dtype, backend, max_episode_steps, check_actions, fn),
                to_count(num_urchins, fn, "num_urchins"));
          },
          IVY_GYM_ENV_ARGS, nb::arg("num_urchins") = 5)
      .def_prop_ro("num_urchins", &gym::Swimmer::num_urchins);
#undef IVY_GYM_ENV_ARGS

  // The names of ivy::gym's one list, for the test that Python and the docs follow it.
  nb::list names;
#define IVY_GYM_NAME(name) names.append(#name);
  IVY_GYM_CLASSES(IVY_GYM_NAME)
#undef IVY_GYM_NAME
  m.attr("_cpp_names") = names;
}

}  // namespace ivypy
