#include <numbers>

#include "gym/spaces.hpp"
#include "ivy/gym/environments.hpp"
#include "ivy/ivy.hpp"
#include "ops/dispatch.hpp"

namespace ivy::gym {

namespace {
int checked_joints(int n) {
  if (n < 1)
    ivy::detail::raise<ValueError>("gym::Reacher", "-",
                                   "num_joints must be at least 1, got " + std::to_string(n));
  return n;
}
}  // namespace

Reacher::Reacher(EnvOptions options, int num_joints)
    : Env("Reacher", impl::unit_box(checked_joints(num_joints)),
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
