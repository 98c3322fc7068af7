#include <numbers>

#include "gym/spaces.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/ivy.hpp"

namespace ivy::gym {

Reacher::Reacher(EnvOptions options, int num_joints)
    : Env("Reacher", impl::unit_box(impl::at_least(num_joints, 1, "Reacher", "num_joints")),
          impl::observation_box(std::vector<double>(3 * num_joints + 2, 0.0)), std::move(options)),
      num_joints_(num_joints) {}

std::vector<std::string> Reacher::state_names() const { return {"angles", "angle_vels", "goal"}; }
std::vector<Shape> Reacher::state_shapes() const { return {{num_joints_}, {num_joints_}, {2}}; }

std::vector<Array> Reacher::sample_state() const {
  const double pi = std::numbers::pi, reach = num_joints_;
  return {uniform(-pi, pi, {num_joints_}), uniform(-1, 1, {num_joints_}),
          uniform(-reach, reach, {2})};
}

// The actions are the joint accelerations.
std::vector<Array> Reacher::next_state(const std::vector<Array>& s, const Array& a) const {
  const Array angle_vels = s[1] + a * (torque_scale * dt);
  return {s[0] + angle_vels * dt, angle_vels, s[2]};
}

Array Reacher::observe(const std::vector<Array>& s) const {
  return concat({cos(s[0]), sin(s[0]), s[1], s[2]}, -1);
}

// The tip of unit links at absolute angles: sum_i (cos angle_i, sin angle_i).
Array Reacher::reward_of(const std::vector<Array>& s) const {
  const Array tip = concat({sum(cos(s[0]), -1, true), sum(sin(s[0]), -1, true)}, -1);
  return exp(negative(sum(square(tip - s[2]), -1)));
}

}  // namespace ivy::gym
