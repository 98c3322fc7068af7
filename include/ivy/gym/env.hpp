#pragma once
/// ivy::gym environments: batches of differentiable control tasks written in unified functions,
/// with Gymnasium's interface (reset(seed) -> observation, step(action) -> observation, reward,
/// terminated, truncated; Box spaces). See docs/gym.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"

namespace ivy::gym {

/** Gymnasium's spaces.Box: bounds per element of one environment's value (row-major). */
struct Box {
  Shape shape;
  std::vector<double> low, high;
  DType dtype = DType::float32;
};

/** What Env::step returns; every array has the environments' batch shape in front. */
struct StepResult {
  Array observation;  ///< [*batch, obs_dim]
  Array reward;       ///< [*batch]
  Array terminated;   ///< [*batch] bool: always false, these tasks have no terminal states
  Array truncated;    ///< [*batch] bool: the episode has reached max_episode_steps
};

struct EnvOptions {
  /** The batch shape of the environments stepped together ({} for one). */
  Shape batch{};
  DType dtype = DType::float32;
  /** The backend of the states; null for the current framework at construction. */
  const Backend* backend = nullptr;
  /** Steps after which an episode is truncated; 0 for never. */
  std::int64_t max_episode_steps = 0;
  /**
   * Whether step() reads the actions to reject non-finite values (ValueError). It costs one read
   * of the actions per step: turn it off in roll-outs that are differentiated or compiled.
   */
  bool check_actions = true;
};

/**
 * A batch of one task's environments. The state is a list of arrays (get_state), each with the
 * batch shape in front; step() advances it by semi-implicit Euler (velocities first, then
 * positions with the new velocities), as the original library does. Everything is made of
 * unified functions, so gradients flow from rewards through step() to actions, states and the
 * parameters of a policy.
 */
class Env {
 public:
  virtual ~Env() = default;
  Env(const Env&) = default;
  Env& operator=(const Env&) = default;

  const std::string& name() const { return name_; }
  /** Box(-1, 1) of the action of one environment (scaled inside the dynamics). */
  const Box& action_space() const { return action_space_; }
  const Box& observation_space() const { return observation_space_; }
  const Shape& batch_shape() const { return options_.batch; }
  const EnvOptions& options() const { return options_; }

  /** New random states (seeded when seed is given); the observation [*batch, obs_dim]. */
  Array reset(std::optional<std::uint64_t> seed = std::nullopt);
  /**
   * Advances every environment by one step under action [*batch, act_dim] (or [act_dim], shared
   * by all). ShapeError naming the environment for other shapes, DTypeError for a non-float
   * action, ValueError for non-finite values (with EnvOptions::check_actions), ValueError
   * before reset/set_state.
   */
  StepResult step(const Array& action);

  Array get_observation() const;
  /** [*batch] */
  Array get_reward() const;
  /** The state arrays (see each environment), each [*batch, ...]. */
  std::vector<Array> get_state() const { return state_; }
  /** Sets the state (arrays of the shapes get_state gives) and returns the observation.
   *  ShapeError naming the part for a wrong count or shape. Resets the step count. */
  Array set_state(const std::vector<Array>& state);
  std::int64_t elapsed_steps() const { return steps_; }

  /** The names of the state arrays, in get_state's order. */
  virtual std::vector<std::string> state_names() const = 0;

 protected:
  Env(std::string name, Box action_space, Box observation_space, EnvOptions options);

  /** The shape of each state part for one environment. */
  virtual std::vector<Shape> state_shapes() const = 0;
  /** Random states for the batch (the generator is seeded by reset). */
  virtual std::vector<Array> sample_state() const = 0;
  /** The state after one step under action [*batch, act_dim]. */
  virtual std::vector<Array> next_state(const std::vector<Array>& s, const Array& action) const = 0;
  virtual Array observe(const std::vector<Array>& s) const = 0;
  /** [*batch] */
  virtual Array reward_of(const std::vector<Array>& s) const = 0;

  /** "gym::<name>.<member>", how errors name the function. */
  std::string qualified(std::string_view member) const;
  /** Creation options for the batch's arrays: dtype and backend. */
  Options array_options() const;
  /** Uniform samples on [low, high) of shape [*batch, *shape]. */
  Array uniform(double low, double high, const Shape& shape) const;
  /** Zeros of shape [*batch, *shape]. */
  Array zeros_of(const Shape& shape) const;

 private:
  void require_state(std::string_view fn) const;

  std::string name_;
  Box action_space_, observation_space_;
  EnvOptions options_;
  std::vector<Array> state_;
  std::int64_t steps_ = 0;
};

}  // namespace ivy::gym
