// The environment interface shared by the five tasks: reset, step with its argument checks,
// and the state's bookkeeping.
#include "ivy/gym/env.hpp"

#include "ivy/ivy.hpp"
#include "ops/dispatch.hpp"

namespace ivy::gym {

Env::Env(std::string name, Box action_space, Box observation_space, EnvOptions options)
    : name_(std::move(name)),
      action_space_(std::move(action_space)),
      observation_space_(std::move(observation_space)),
      options_(std::move(options)) {
  if (!options_.backend) options_.backend = &current_backend();
  if (!is_floating(options_.dtype))
    detail::raise<DTypeError>(
        qualified(""), options_.backend->name,
        "the environments' dtype must be floating, got " + std::string(dtype_name(options_.dtype)));
  detail::check_shape(options_.batch, qualified(""), options_.backend->name);
  if (options_.max_episode_steps < 0)
    detail::raise<ValueError>(qualified(""), options_.backend->name,
                              "max_episode_steps must be >= 0");
  action_space_.dtype = observation_space_.dtype = options_.dtype;
}

std::string Env::qualified(std::string_view member) const {
  return "gym::" + name_ + (member.empty() ? "" : "." + std::string(member));
}

Options Env::array_options() const { return Options(options_.dtype).on(*options_.backend); }

Array Env::uniform(double low, double high, const Shape& shape) const {
  Shape s = options_.batch;
  s.insert(s.end(), shape.begin(), shape.end());
  return random_uniform(low, high, s, array_options());
}

Array Env::zeros_of(const Shape& shape) const {
  Shape s = options_.batch;
  s.insert(s.end(), shape.begin(), shape.end());
  return zeros(s, array_options());
}

Array Env::reset(std::optional<std::uint64_t> seed) {
  if (seed) ivy::seed(*seed);
  state_ = sample_state();
  steps_ = 0;
  return observe(state_);
}

void Env::require_state(std::string_view fn) const {
  if (state_.empty())
    detail::raise<ValueError>(qualified(fn), options_.backend->name,
                              "the environments have no state yet: call reset or set_state first");
}

Array Env::set_state(const std::vector<Array>& state) {
  const std::string fn = qualified("set_state");
  const std::vector<Shape> shapes = state_shapes();
  const std::vector<std::string> names = state_names();
  if (state.size() != shapes.size())
    detail::raise<ShapeError>(fn, options_.backend->name,
                              "the state has " + std::to_string(shapes.size()) + " arrays, got " +
                                  std::to_string(state.size()));
  std::vector<Array> parts;
  for (std::size_t i = 0; i < state.size(); ++i) {
    Shape want = options_.batch;
    want.insert(want.end(), shapes[i].begin(), shapes[i].end());
    if (!state[i].defined() || state[i].shape() != want)
      detail::raise<ShapeError>(fn, options_.backend->name,
                                names[i] + " must have shape " + shape_str(want) + ", got " +
                                    (state[i].defined() ? shape_str(state[i].shape()) : "none"));
    if (&state[i].backend() != options_.backend)
      detail::raise<BackendError>(
          fn, options_.backend->name,
          names[i] + " is on backend '" + std::string(state[i].backend_name()) + "'");
    parts.push_back(state[i].dtype() == options_.dtype ? state[i] : cast(state[i], options_.dtype));
  }
  state_ = std::move(parts);
  steps_ = 0;
  return observe(state_);
}

StepResult Env::step(const Array& action) {
  const std::string fn = qualified("step");
  require_state("step");
  std::string_view b = options_.backend->name;
  if (!action.defined()) detail::raise<ValueError>(fn, b, "the action is undefined");
  if (&action.backend() != options_.backend)
    detail::raise<BackendError>(fn, b,
                                "the action is on backend '" + std::string(action.backend_name()) +
                                    "', the environments on '" + std::string(b) + "'");
  if (!is_floating(action.dtype()))
    detail::raise<DTypeError>(
        fn, b, "the action must be floating, got " + std::string(dtype_name(action.dtype())));
  Shape want = options_.batch;
  want.insert(want.end(), action_space_.shape.begin(), action_space_.shape.end());
  const Shape got = action.shape();
  if (got != want && got != action_space_.shape)
    detail::raise<ShapeError>(fn, b,
                              "the action must have shape " + shape_str(want) + " (or " +
                                  shape_str(action_space_.shape) + " for every environment), got " +
                                  shape_str(got));
  if (options_.check_actions && !all(isfinite(action)).item<bool>())
    detail::raise<ValueError>(fn, b,
                              "the action of shape " + shape_str(got) + " has non-finite values");
  Array a = action.dtype() == options_.dtype ? action : cast(action, options_.dtype);
  if (got != want) a = broadcast_to(a, want);
  state_ = next_state(state_, a);
  ++steps_;
  const bool truncate = options_.max_episode_steps > 0 && steps_ >= options_.max_episode_steps;
  return StepResult{observe(state_), reward_of(state_),
                    zeros(options_.batch, Options(DType::bool_).on(*options_.backend)),
                    full(options_.batch, truncate, Options(DType::bool_).on(*options_.backend))};
}

Array Env::get_observation() const {
  require_state("get_observation");
  return observe(state_);
}

Array Env::get_reward() const {
  require_state("get_reward");
  return reward_of(state_);
}

}  // namespace ivy::gym
