#include <numbers>

#include "gym/spaces.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/ivy.hpp"

namespace ivy::gym {

Pendulum::Pendulum(EnvOptions options)
    : Env("Pendulum", impl::unit_box(1), impl::observation_box({1, 1, 0}), std::move(options)) {}

std::vector<std::string> Pendulum::state_names() const { return {"angle", "angle_vel"}; }
std::vector<Shape> Pendulum::state_shapes() const { return {{1}, {1}}; }

std::vector<Array> Pendulum::sample_state() const {
  const double pi = std::numbers::pi;
  return {uniform(-pi, pi, {1}), uniform(-1, 1, {1})};
}

// A rod swinging about one end: angle_acc = -3 g / (2 l) sin(angle + pi) + 3 / (m l^2) a.
std::vector<Array> Pendulum::next_state(const std::vector<Array>& s, const Array& a) const {
  const Array angle_acc = sin(s[0] + std::numbers::pi) * (-3 * g / (2 * length)) +
                          a * (torque_scale * 3 / (mass * length * length));
  const Array angle_vel = s[1] + angle_acc * dt;
  return {s[0] + angle_vel * dt, angle_vel};
}

Array Pendulum::observe(const std::vector<Array>& s) const {
  return concat({cos(s[0]), sin(s[0]), s[1]}, -1);
}

Array Pendulum::reward_of(const std::vector<Array>& s) const {
  return impl::per_env((cos(s[0]) + 1.0) / 2.0, batch_shape());
}

}  // namespace ivy::gym
