#pragma once
/// The five ivy::gym tasks of the original library (ivy_gym 1.1.9), with its constants. Each
/// takes EnvOptions (batch shape, dtype, backend, ...). See docs/gym.md for the equations and
/// where ivy differs from the original.
#include "ivy/gym/env.hpp"

namespace ivy::gym {

/** A pole on a cart pushed by F = 10 a (Barto's equations); state x, x_vel, angle, angle_vel
 *  (each [*batch, 1]; angle 0 upright); observation [x, x_vel, cos, sin, angle_vel]; reward
 *  exp(-x^2) (cos(angle) + 1) / 2. */
class CartPole : public Env {
 public:
  explicit CartPole(EnvOptions options = {});
  std::vector<std::string> state_names() const override;
  static constexpr double torque_scale = 10, g = 9.8, dt = 0.02, cart_mass = 1, pole_mass = 0.1,
                          pole_half_length = 0.5;

 protected:
  std::vector<Shape> state_shapes() const override;
  std::vector<Array> sample_state() const override;
  std::vector<Array> next_state(const std::vector<Array>& s, const Array& a) const override;
  Array observe(const std::vector<Array>& s) const override;
  Array reward_of(const std::vector<Array>& s) const override;
};

/** A pendulum driven by torque a; state angle, angle_vel ([*batch, 1]; angle 0 upright);
 *  observation [cos, sin, angle_vel]; reward (cos(angle) + 1) / 2. */
class Pendulum : public Env {
 public:
  explicit Pendulum(EnvOptions options = {});
  std::vector<std::string> state_names() const override;
  static constexpr double torque_scale = 1, g = 9.8, dt = 0.05, mass = 1, length = 1;

 protected:
  std::vector<Shape> state_shapes() const override;
  std::vector<Array> sample_state() const override;
  std::vector<Array> next_state(const std::vector<Array>& s, const Array& a) const override;
  Array observe(const std::vector<Array>& s) const override;
  Array reward_of(const std::vector<Array>& s) const override;
};

/** A car in a valley of height 0.45 sin(3x) + 0.55, pushed by 3 a; state x, x_vel
 *  ([*batch, 1]); observation [x, x_vel]; reward exp(-5 (x - 0.45)^2). */
class MountainCar : public Env {
 public:
  explicit MountainCar(EnvOptions options = {});
  std::vector<std::string> state_names() const override;
  static constexpr double torque_scale = 3, g = 9.8, dt = 0.02, goal_x = 0.45;

 protected:
  std::vector<Shape> state_shapes() const override;
  std::vector<Array> sample_state() const override;
  std::vector<Array> next_state(const std::vector<Array>& s, const Array& a) const override;
  Array observe(const std::vector<Array>& s) const override;
  Array reward_of(const std::vector<Array>& s) const override;
};

/** A planar arm of num_joints unit links whose joint accelerations are the actions; state
 *  angles, angle_vels ([*batch, n]) and goal ([*batch, 2]); observation [cos angles, sin
 *  angles, angle_vels, goal] (3n + 2); reward exp(-|tip - goal|^2) with the tip at
 *  sum_i (cos angle_i, sin angle_i) (angles absolute, as in the original). */
class Reacher : public Env {
 public:
  explicit Reacher(EnvOptions options = {}, int num_joints = 2);
  std::vector<std::string> state_names() const override;
  int num_joints() const { return num_joints_; }
  static constexpr double torque_scale = 1, dt = 0.05;

 protected:
  std::vector<Shape> state_shapes() const override;
  std::vector<Array> sample_state() const override;
  std::vector<Array> next_state(const std::vector<Array>& s, const Array& a) const override;
  Array observe(const std::vector<Array>& s) const override;
  Array reward_of(const std::vector<Array>& s) const override;

 private:
  int num_joints_;
};

/** A point mass accelerated by the actions among num_urchins urchins; state urchins
 *  ([*batch, n, 2]), xy, xy_vel and goal ([*batch, 2]); observation [urchins, xy, xy_vel, goal]
 *  (2n + 6); reward exp(-|xy - goal|^2 / 2) prod_u (1 - exp(-30 |xy - u|^2)). */
class Swimmer : public Env {
 public:
  explicit Swimmer(EnvOptions options = {}, int num_urchins = 5);
  std::vector<std::string> state_names() const override;
  int num_urchins() const { return num_urchins_; }
  static constexpr double dt = 0.05;

 protected:
  std::vector<Shape> state_shapes() const override;
  std::vector<Array> sample_state() const override;
  std::vector<Array> next_state(const std::vector<Array>& s, const Array& a) const override;
  Array observe(const std::vector<Array>& s) const override;
  Array reward_of(const std::vector<Array>& s) const override;

 private:
  int num_urchins_;
};

}  // namespace ivy::gym
