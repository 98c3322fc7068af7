#include <numbers>

#include "gym/spaces.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/ivy.hpp"

namespace ivy::gym {

CartPole::CartPole(EnvOptions options)
    : Env("CartPole", impl::unit_box(1), impl::observation_box({0, 0, 1, 1, 0}),
          std::move(options)) {}

std::vector<std::string> CartPole::state_names() const {
  return {"x", "x_vel", "angle", "angle_vel"};
}
std::vector<Shape> CartPole::state_shapes() const { return {{1}, {1}, {1}, {1}}; }

std::vector<Array> CartPole::sample_state() const {
  const double pi = std::numbers::pi;
  return {uniform(-1, 1, {1}), uniform(-0.3, 0.3, {1}), uniform(-pi, pi, {1}),
          uniform(-0.3, 0.3, {1})};
}

// Barto, Sutton and Anderson's cart-pole (as gym's classic control), semi-implicit Euler.
std::vector<Array> CartPole::next_state(const std::vector<Array>& s, const Array& a) const {
  const Array &x = s[0], &x_vel = s[1], &angle = s[2], &angle_vel = s[3];
  const double total_mass = cart_mass + pole_mass, pole_mass_length = pole_mass * pole_half_length;
  const Array force = a * torque_scale;
  const Array c = cos(angle), sn = sin(angle);
  const Array temp = (force + square(angle_vel) * sn * pole_mass_length) / total_mass;
  const Array angle_acc =
      (sn * g - c * temp) / ((4.0 / 3.0 - square(c) * (pole_mass / total_mass)) * pole_half_length);
  const Array x_acc = temp - angle_acc * c * (pole_mass_length / total_mass);
  const Array new_x_vel = x_vel + x_acc * dt;
  const Array new_angle_vel = angle_vel + angle_acc * dt;
  return {x + new_x_vel * dt, new_x_vel, angle + new_angle_vel * dt, new_angle_vel};
}

Array CartPole::observe(const std::vector<Array>& s) const {
  return concat({s[0], s[1], cos(s[2]), sin(s[2]), s[3]}, -1);
}

Array CartPole::reward_of(const std::vector<Array>& s) const {
  const Array r = exp(negative(square(s[0]))) * (cos(s[2]) + 1.0) / 2.0;
  return impl::per_env(r, batch_shape());
}

}  // namespace ivy::gym
