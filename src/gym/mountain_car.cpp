#include "gym/spaces.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/ivy.hpp"

namespace ivy::gym {

MountainCar::MountainCar(EnvOptions options)
    : Env("MountainCar", impl::unit_box(1), impl::observation_box({0, 0}), std::move(options)) {}

std::vector<std::string> MountainCar::state_names() const { return {"x", "x_vel"}; }
std::vector<Shape> MountainCar::state_shapes() const { return {{1}, {1}}; }

std::vector<Array> MountainCar::sample_state() const {
  return {uniform(-0.9, -0.2, {1}), zeros_of({1})};
}

// x_acc = 3 a - g cos(3 x), as the original (the slope of its rendered valley, without mass).
std::vector<Array> MountainCar::next_state(const std::vector<Array>& s, const Array& a) const {
  const Array x_acc = a * torque_scale - cos(s[0] * 3.0) * g;
  const Array x_vel = s[1] + x_acc * dt;
  return {s[0] + x_vel * dt, x_vel};
}

Array MountainCar::observe(const std::vector<Array>& s) const { return concat({s[0], s[1]}, -1); }

Array MountainCar::reward_of(const std::vector<Array>& s) const {
  return impl::per_env(exp(square(s[0] - goal_x) * -5.0), batch_shape());
}

}  // namespace ivy::gym
