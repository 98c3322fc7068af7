#pragma once
// The original ivy_gym demos' two optimisations, through the differentiable environments:
// an open-loop action sequence (optimize_trajectory) and an MLP policy (optimize_policy), each
// trained by Adam on the negated sum of a roll-out's rewards.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gym/gym_frames.hpp"
#include "ivy/gym.hpp"

namespace ivy_demo::gym_training {

struct Settings {
  std::string env = "CartPole";
  std::string mode = "trajectory";  // or "policy"
  int iterations = 100;
  int steps = 100;       // roll-out length
  int batch = 16;        // policy mode: environments per iteration
  double lr = 0.1;       // trajectory 0.1 (the original's Adam), policy 1e-2
  bool compile = false;  // the roll-out's loss and gradients through ivy::compile_fn
  std::uint32_t seed = 0;
  /** The backend whose generator draws the start states (every backend then starts alike). */
  std::string reference_backend;
};

/** An environment of the task `name` (CartPole, Pendulum, ...) for the given options; a
 *  std::invalid_argument naming the choices for another name. */
std::unique_ptr<ivy::gym::Env> make_env(const std::string& name, const ivy::gym::EnvOptions& o);

struct Result {
  std::string backend;
  std::vector<double> mean_reward;  // per iteration: mean reward per step of the roll-out(s)
  // Mean reward per step from fixed start states before and after training (trajectory mode:
  // the trained start; policy mode: a held-out batch of starts, the same for both).
  double before = 0, after = 0;
  double ms_per_iteration = 0;
  std::vector<gym_frames::HostState> trained_rollout;  // states of one trained roll-out
};

/** Trains on `backend`, calling report(iteration, mean reward per step) after each iteration. */
Result train(const Settings& s, const std::string& backend,
             const std::function<void(int, double)>& report);

}  // namespace ivy_demo::gym_training
