#include "gym/spaces.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/ivy.hpp"

namespace ivy::gym {

Swimmer::Swimmer(EnvOptions options, int num_urchins)
    : Env("Swimmer", impl::unit_box(2),
          impl::observation_box(std::vector<double>(
              2 * impl::at_least(num_urchins, 0, "Swimmer", "num_urchins") + 6, 0.0)),
          std::move(options)),
      num_urchins_(num_urchins) {}

std::vector<std::string> Swimmer::state_names() const {
  return {"urchins", "xy", "xy_vel", "goal"};
}
std::vector<Shape> Swimmer::state_shapes() const { return {{num_urchins_, 2}, {2}, {2}, {2}}; }

std::vector<Array> Swimmer::sample_state() const {
  return {uniform(-1, 1, {num_urchins_, 2}), uniform(-1, 1, {2}), zeros_of({2}),
          uniform(-1, 1, {2})};
}

// The actions are the point's acceleration.
std::vector<Array> Swimmer::next_state(const std::vector<Array>& s, const Array& a) const {
  const Array xy_vel = s[2] + a * dt;
  return {s[0], s[1] + xy_vel * dt, xy_vel, s[3]};
}

Array Swimmer::observe(const std::vector<Array>& s) const {
  Shape flat = batch_shape();
  flat.push_back(2 * num_urchins_);
  return concat({reshape(s[0], flat), s[1], s[2], s[3]}, -1);
}

// Near the goal, away from every urchin.
Array Swimmer::reward_of(const std::vector<Array>& s) const {
  const Array to_goal = sum(square(s[1] - s[3]), -1);
  const Array to_urchins = sum(square(expand_dims(s[1], -2) - s[0]), -1);  // [*batch, n]
  const Array clear = prod(1.0 - exp(to_urchins * -30.0), -1);
  return exp(to_goal * -0.5) * clear;
}

}  // namespace ivy::gym
