// ivy::gym's five environments on the backend under test. Expected values are independent of
// the library: each task's equations stepped in plain C++ doubles, batch slices stepped one at a
// time, quantities the dynamics conserve, typed errors, and finite-difference gradients of a
// roll-out's rewards with respect to the actions and the initial state.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "ivy/gym.hpp"
#include "ivy/ivy.hpp"
#include "support/finite_differences.hpp"
#include "support/library_error.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace gym = ivy::gym;
using ivy::Array;
using namespace ivy::testing::vision_cases;

gym::EnvOptions env_options(ivy::Shape batch = {}) {
  gym::EnvOptions o;
  o.batch = std::move(batch);
  o.dtype = dtype();
  o.backend = &ivy::backend(backend_under_test());
  return o;
}

Array arr(const std::vector<double>& v, const ivy::Shape& s) { return ivy::array(v, s, opts()); }

// x[t], without its first axis.
Array row(const Array& x, std::int64_t t) {
  const ivy::Shape s = x.shape();
  return ivy::reshape(ivy::slice(x, {ivy::Slice{t, t + 1, 1}}), ivy::Shape(s.begin() + 1, s.end()));
}

void expect_values(const Array& got, const std::vector<double>& want, double tolerance,
                   const std::string& what) {
  const std::vector<double> g = got.to_vector<double>();
  ASSERT_EQ(g.size(), want.size()) << what;
  for (std::size_t i = 0; i < g.size(); ++i)
    EXPECT_NEAR(g[i], want[i], tolerance * std::max(1.0, std::abs(want[i])))
        << what << " [" << i << "]";
}

// ---- The equations, by hand ----------------------------------------------------------------

// Cart-pole (x, x_vel, angle, angle_vel) after one step under action a.
std::vector<double> cartpole_step(std::vector<double> s, double a) {
  const double g = 9.8, dt = 0.02, mc = 1.0, mp = 0.1, l = 0.5, total = mc + mp;
  const double force = 10 * a, c = std::cos(s[2]), sn = std::sin(s[2]);
  const double temp = (force + mp * l * s[3] * s[3] * sn) / total;
  const double angle_acc = (g * sn - c * temp) / (l * (4.0 / 3.0 - mp * c * c / total));
  const double x_acc = temp - mp * l * angle_acc * c / total;
  s[1] += dt * x_acc;
  s[0] += dt * s[1];
  s[3] += dt * angle_acc;
  s[2] += dt * s[3];
  return s;
}

std::vector<double> pendulum_step(std::vector<double> s, double a) {
  const double angle_acc = -3 * 9.8 / 2 * std::sin(s[0] + kPi) + 3 * a;
  s[1] += 0.05 * angle_acc;
  s[0] += 0.05 * s[1];
  return s;
}

std::vector<double> mountain_car_step(std::vector<double> s, double a) {
  s[1] += 0.02 * (3 * a - 9.8 * std::cos(3 * s[0]));
  s[0] += 0.02 * s[1];
  return s;
}

TEST(GymEnvironments, CartPoleFollowsItsEquations) {
  IVY_VISION_SKIP_ON_STUB();
  gym::CartPole env(env_options());
  std::vector<double> s = {0.3, -0.1, 2.5, 0.2};
  env.set_state({arr({s[0]}, {1}), arr({s[1]}, {1}), arr({s[2]}, {1}), arr({s[3]}, {1})});
  for (double a : {0.5, -1.0, 0.25, 0.0}) {
    const gym::StepResult r = env.step(arr({a}, {1}));
    s = cartpole_step(s, a);
    expect_values(r.observation, {s[0], s[1], std::cos(s[2]), std::sin(s[2]), s[3]}, tol(),
                  "observation");
    expect_values(r.reward, {std::exp(-s[0] * s[0]) * (std::cos(s[2]) + 1) / 2}, tol(), "reward");
    EXPECT_EQ(r.reward.shape(), ivy::Shape{});
    EXPECT_FALSE(r.terminated.item<bool>());
    EXPECT_FALSE(r.truncated.item<bool>());
  }
  EXPECT_EQ(env.elapsed_steps(), 4);
}

TEST(GymEnvironments, PendulumAndMountainCarFollowTheirEquations) {
  IVY_VISION_SKIP_ON_STUB();
  gym::Pendulum pendulum(env_options());
  gym::MountainCar car(env_options());
  std::vector<double> p = {0.7, -0.4}, m = {-0.5, 0.1};
  pendulum.set_state({arr({p[0]}, {1}), arr({p[1]}, {1})});
  car.set_state({arr({m[0]}, {1}), arr({m[1]}, {1})});
  for (double a : {1.0, -0.3, 0.6}) {
    const gym::StepResult rp = pendulum.step(arr({a}, {1}));
    const gym::StepResult rm = car.step(arr({a}, {1}));
    p = pendulum_step(p, a);
    m = mountain_car_step(m, a);
    expect_values(rp.observation, {std::cos(p[0]), std::sin(p[0]), p[1]}, tol(), "pendulum");
    expect_values(rp.reward, {(std::cos(p[0]) + 1) / 2}, tol(), "pendulum reward");
    expect_values(rm.observation, {m[0], m[1]}, tol(), "mountain car");
    expect_values(rm.reward, {std::exp(-5 * (m[0] - 0.45) * (m[0] - 0.45))}, tol(),
                  "mountain car reward");
  }
}

TEST(GymEnvironments, ReacherAndSwimmerFollowTheirEquations) {
  IVY_VISION_SKIP_ON_STUB();
  gym::Reacher reacher(env_options(), 3);
  std::vector<double> angles = {0.2, -1.0, 2.0}, vels = {0.5, 0.0, -0.3}, goal = {1.0, -0.5};
  reacher.set_state({arr(angles, {3}), arr(vels, {3}), arr(goal, {2})});
  const std::vector<double> acc = {1.0, -0.5, 0.25};
  const gym::StepResult r = reacher.step(arr(acc, {3}));
  double tip_x = 0, tip_y = 0;
  std::vector<double> obs(11);
  for (int j = 0; j < 3; ++j) {
    vels[j] += 0.05 * acc[j];
    angles[j] += 0.05 * vels[j];
    tip_x += std::cos(angles[j]);
    tip_y += std::sin(angles[j]);
    obs[j] = std::cos(angles[j]);
    obs[3 + j] = std::sin(angles[j]);
    obs[6 + j] = vels[j];
  }
  obs[9] = goal[0];
  obs[10] = goal[1];
  expect_values(r.observation, obs, tol(), "reacher");
  const double d2 = (tip_x - goal[0]) * (tip_x - goal[0]) + (tip_y - goal[1]) * (tip_y - goal[1]);
  expect_values(r.reward, {std::exp(-d2)}, tol(), "reacher reward");
  EXPECT_EQ(reacher.observation_space().shape, ivy::Shape{11});

  gym::Swimmer swimmer(env_options(), 2);
  const std::vector<double> urchins = {0.1, 0.2, -0.5, 0.4};
  std::vector<double> xy = {0.0, 0.3}, v = {0.2, -0.1}, target = {0.6, -0.6};
  swimmer.set_state({arr(urchins, {2, 2}), arr(xy, {2}), arr(v, {2}), arr(target, {2})});
  const gym::StepResult rs = swimmer.step(arr({-1.0, 0.5}, {2}));
  v = {v[0] + 0.05 * -1.0, v[1] + 0.05 * 0.5};
  xy = {xy[0] + 0.05 * v[0], xy[1] + 0.05 * v[1]};
  expect_values(rs.observation,
                {0.1, 0.2, -0.5, 0.4, xy[0], xy[1], v[0], v[1], target[0], target[1]}, tol(),
                "swimmer");
  double reward =
      std::exp(-0.5 * (std::pow(xy[0] - target[0], 2) + std::pow(xy[1] - target[1], 2)));
  for (int u = 0; u < 2; ++u)
    reward *= 1 - std::exp(-30 * (std::pow(xy[0] - urchins[2 * u], 2) +
                                  std::pow(xy[1] - urchins[2 * u + 1], 2)));
  expect_values(rs.reward, {reward}, tol(), "swimmer reward");
}

// ---- Batches -------------------------------------------------------------------------------

std::vector<std::unique_ptr<gym::Env>> all_envs(const gym::EnvOptions& o) {
  std::vector<std::unique_ptr<gym::Env>> out;
  out.push_back(std::make_unique<gym::CartPole>(o));
  out.push_back(std::make_unique<gym::Pendulum>(o));
  out.push_back(std::make_unique<gym::MountainCar>(o));
  out.push_back(std::make_unique<gym::Reacher>(o));
  out.push_back(std::make_unique<gym::Swimmer>(o));
  return out;
}

// A batch of [2, 3] environments steps each one as it would alone.
TEST(GymEnvironments, BatchesStepLikeSingleEnvironments) {
  IVY_VISION_SKIP_ON_STUB();
  auto batched = all_envs(env_options({2, 3}));
  auto single = all_envs(env_options());
  for (std::size_t e = 0; e < batched.size(); ++e) {
    gym::Env& b = *batched[e];
    b.reset(7);
    const std::vector<Array> start = b.get_state();
    const std::int64_t act = b.action_space().shape[0];
    const Array actions = ivy::random_uniform(-1.0, 1.0, ivy::Shape{3, 2, 3, act}, opts());
    std::vector<gym::StepResult> steps;
    for (int t = 0; t < 3; ++t) steps.push_back(b.step(row(actions, t)));
    for (std::int64_t i = 0; i < 2; ++i) {
      for (std::int64_t j = 0; j < 3; ++j) {
        gym::Env& one = *single[e];
        std::vector<Array> s;
        for (const Array& part : start)
          s.push_back(ivy::slice(part, {ivy::Slice{i, i + 1, 1}, ivy::Slice{j, j + 1, 1}}));
        for (Array& part : s) {
          ivy::Shape shape = part.shape();
          part = ivy::reshape(part, ivy::Shape(shape.begin() + 2, shape.end()));
        }
        one.set_state(s);
        for (int t = 0; t < 3; ++t) {
          const gym::StepResult r = one.step(row(row(row(actions, t), i), j));
          const Array batch_obs =
              ivy::slice(steps[t].observation, {ivy::Slice{i, i + 1, 1}, ivy::Slice{j, j + 1, 1}});
          expect_values(batch_obs, r.observation.to_vector<double>(), tol(), b.name());
          const Array batch_rew =
              ivy::slice(steps[t].reward, {ivy::Slice{i, i + 1, 1}, ivy::Slice{j, j + 1, 1}});
          expect_values(batch_rew, r.reward.to_vector<double>(), tol(), b.name() + " reward");
        }
      }
    }
    EXPECT_EQ(steps[0].reward.shape(), (ivy::Shape{2, 3})) << b.name();
    EXPECT_EQ(steps[0].terminated.shape(), (ivy::Shape{2, 3})) << b.name();
  }
}

// ---- Invariants ----------------------------------------------------------------------------

TEST(GymEnvironments, ResetIsSeededAndWithinTheOriginalsRanges) {
  IVY_VISION_SKIP_ON_STUB();
  for (auto& env : all_envs(env_options({64}))) {
    const std::vector<double> a = env->reset(11).to_vector<double>();
    EXPECT_EQ(env->reset(11).to_vector<double>(), a) << env->name();
    EXPECT_NE(env->reset(12).to_vector<double>(), a) << env->name();
    const gym::Box& box = env->observation_space();
    const std::size_t n = box.low.size();
    ASSERT_EQ(a.size(), 64 * n);
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_GE(a[i], box.low[i % n]) << env->name();
      EXPECT_LE(a[i], box.high[i % n]) << env->name();
    }
    const std::vector<double> r = env->get_reward().to_vector<double>();
    for (double v : r) {
      EXPECT_GE(v, 0.0) << env->name();
      EXPECT_LE(v, 1.0) << env->name();
    }
  }
  gym::CartPole cp(env_options({500}));
  cp.reset(3);
  const std::vector<Array> s = cp.get_state();
  const std::vector<double> x = s[0].to_vector<double>(), angle = s[2].to_vector<double>();
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_LE(std::abs(x[i]), 1.0);
    EXPECT_LE(std::abs(angle[i]), kPi);
  }
}

// Without actions the pendulum and the car keep the modified energy of semi-implicit Euler,
// H - (dt / 2) v V'(x) with H = v^2 / 2 + V(x), to O(dt^2) (the plain energy H swings by O(dt),
// and the other order of the two updates would keep H + (dt / 2) v V'(x) instead); the swimmer
// and the reacher coast.
double modified_energy(double v, double dt, double potential, double slope) {
  return v * v / 2 + potential - dt / 2 * v * slope;
}

TEST(GymEnvironments, EnergyIsKeptWithoutActions) {
  IVY_VISION_SKIP_ON_STUB();
  gym::Pendulum pendulum(env_options({4}));
  pendulum.set_state({arr({0.5, 2.0, -1.0, 3.0}, {4, 1}), arr({0.0, 1.0, -2.0, 0.5}, {4, 1})});
  gym::MountainCar car(env_options({4}));
  car.set_state({arr({-0.5, -0.2, 0.3, -0.9}, {4, 1}), arr({0.0, 0.5, -0.5, 0.1}, {4, 1})});
  const double k = 3 * 9.8 / 2;  // the pendulum: angle_acc = k sin(angle), V = k cos(angle)
  auto energies = [&](gym::Env& env, bool is_pendulum) {
    const std::vector<Array> s = env.get_state();
    const std::vector<double> x = s[0].to_vector<double>(), v = s[1].to_vector<double>();
    std::vector<double> e;
    for (std::size_t i = 0; i < x.size(); ++i)
      e.push_back(is_pendulum ? modified_energy(v[i], 0.05, k * std::cos(x[i]), -k * std::sin(x[i]))
                              : modified_energy(v[i], 0.02, 9.8 / 3 * std::sin(3 * x[i]),
                                                9.8 * std::cos(3 * x[i])));
    return e;
  };
  const std::vector<double> p0 = energies(pendulum, true), c0 = energies(car, false);
  const Array none = ivy::zeros({4, 1}, opts());
  for (int t = 0; t < 200; ++t) {
    pendulum.step(none);
    car.step(none);
    const std::vector<double> p = energies(pendulum, true), c = energies(car, false);
    for (std::size_t i = 0; i < 4; ++i) {
      ASSERT_NEAR(p[i], p0[i], 0.03 * std::max(1.0, std::abs(p0[i])))
          << "pendulum " << i << " step " << t;
      ASSERT_NEAR(c[i], c0[i], 0.03 * std::max(1.0, std::abs(c0[i])))
          << "car " << i << " step " << t;
    }
  }
  gym::Swimmer swimmer(env_options());
  swimmer.reset(5);
  const std::vector<double> v0 = {0.3, -0.2};
  std::vector<Array> s = swimmer.get_state();
  s[2] = arr(v0, {2});
  swimmer.set_state(s);
  for (int t = 0; t < 10; ++t) swimmer.step(ivy::zeros({2}, opts()));
  expect_values(swimmer.get_state()[2], v0, tol(), "swimmer coasts");
  expect_values(swimmer.get_state()[1],
                {s[1].to_vector<double>()[0] + 10 * 0.05 * v0[0],
                 s[1].to_vector<double>()[1] + 10 * 0.05 * v0[1]},
                tol(), "swimmer position");
}

TEST(GymEnvironments, EpisodesAreTruncatedAfterMaxEpisodeSteps) {
  IVY_VISION_SKIP_ON_STUB();
  gym::EnvOptions o = env_options({2});
  o.max_episode_steps = 3;
  gym::Pendulum env(o);
  env.reset(1);
  const Array a = ivy::zeros({2, 1}, opts());
  EXPECT_FALSE(ivy::any(env.step(a).truncated).item<bool>());
  EXPECT_FALSE(ivy::any(env.step(a).truncated).item<bool>());
  EXPECT_TRUE(ivy::all(env.step(a).truncated).item<bool>());
  env.reset(1);
  EXPECT_FALSE(ivy::any(env.step(a).truncated).item<bool>());
}

// ---- Errors --------------------------------------------------------------------------------

TEST(GymEnvironments, BadActionsAndStatesAreTypedErrors) {
  IVY_VISION_SKIP_ON_STUB();
  using ivy::testing::expect_library_error;
  gym::CartPole env(env_options({3}));
  expect_library_error<ivy::ValueError>(
      [&] {
        env.step(ivy::zeros({3, 1}, opts()));
      },
      "ivy::gym::CartPole.step", "reset");
  env.reset(0);
  expect_library_error<ivy::ShapeError>(
      [&] {
        env.step(ivy::zeros({3, 2}, opts()));
      },
      "ivy::gym::CartPole.step", "[3,2]");
  expect_library_error<ivy::DTypeError>(
      [&] {
        env.step(ivy::zeros({3, 1}, ivy::Options(ivy::int32).on(*opts().backend)));
      },
      "ivy::gym::CartPole.step", "int32");
  expect_library_error<ivy::ValueError>(
      [&] {
        env.step(arr({0.0, NAN, 0.0}, {3, 1}));
      },
      "ivy::gym::CartPole.step", "non-finite");
  expect_library_error<ivy::ValueError>(
      [&] {
        env.step(arr({0.0, INFINITY, 0.0}, {3, 1}));
      },
      "ivy::gym::CartPole.step", "non-finite");
  expect_library_error<ivy::ShapeError>(
      [&] {
        env.set_state({ivy::zeros({3, 1}, opts())});
      },
      "ivy::gym::CartPole.set_state", "4");
  expect_library_error<ivy::ShapeError>(
      [&] {
        env.set_state({ivy::zeros({3, 1}, opts()), ivy::zeros({3, 1}, opts()),
                       ivy::zeros({2, 1}, opts()), ivy::zeros({3, 1}, opts())});
      },
      "ivy::gym::CartPole.set_state", "angle");
  // One action for every environment of the batch is accepted.
  EXPECT_EQ(env.step(arr({0.5}, {1})).observation.shape(), (ivy::Shape{3, 5}));
  EXPECT_THROW(gym::Reacher(env_options(), 0), ivy::ValueError);
  gym::EnvOptions ints = env_options();
  ints.dtype = ivy::int32;
  EXPECT_THROW(gym::Pendulum{ints}, ivy::DTypeError);
}

// ---- Gradients -----------------------------------------------------------------------------

// The rewards of a short roll-out from a fixed state as a function of the actions (and of the
// initial state), checked against central differences.
TEST(GymEnvironments, RollOutGradientsMatchFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  if (!ivy::supports_dtype(ivy::backend(backend_under_test()), ivy::float64))
    GTEST_SKIP() << "needs float64 for finite differences";
  const ivy::Backend& b = ivy::backend(backend_under_test());
  gym::EnvOptions o;
  o.dtype = ivy::float64;
  o.backend = &b;
  o.check_actions = false;  // no host reads inside the differentiated function
  constexpr int kSteps = 3;
  for (auto& env_ptr : all_envs(o)) {
    gym::Env& env = *env_ptr;
    env.reset(21);
    const std::vector<Array> start = env.get_state();
    const std::int64_t act = env.action_space().shape[0];
    std::vector<double> actions;
    for (std::int64_t i = 0; i < kSteps * act; ++i)
      actions.push_back(0.7 * std::sin(1.3 * i + 0.4));
    ivy::testing::GradientCase by_actions{env.name() + " actions",
                                          [&](const Array& a) {
                                            env.set_state(start);
                                            std::vector<Array> rewards;
                                            for (int t = 0; t < kSteps; ++t)
                                              rewards.push_back(env.step(row(a, t)).reward);
                                            return ivy::stack(rewards);
                                          },
                                          actions,
                                          {kSteps, act}};
    ivy::testing::expect_matches_finite_differences(by_actions, b, 1e-5);
    // The first state part (x, angle, angles, urchins) as the variable.
    const std::vector<double> first = start[0].to_vector<double>();
    ivy::testing::GradientCase by_state{
        env.name() + " initial state",
        [&](const Array& s0) {
          std::vector<Array> s = start;
          s[0] = s0;
          env.set_state(s);
          std::vector<Array> rewards;
          for (int t = 0; t < kSteps; ++t)
            rewards.push_back(
                env.step(ivy::full({act}, 0.3, ivy::Options(ivy::float64).on(b))).reward);
          return ivy::stack(rewards);
        },
        first, start[0].shape()};
    ivy::testing::expect_matches_finite_differences(by_state, b, 1e-5);
  }
}

// The gradient of a roll-out's rewards with respect to a policy's parameters: a linear policy
// a = tanh(W obs) on a batch of two Reachers, against central differences.
TEST(GymEnvironments, PolicyParameterGradientsMatchFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  if (!ivy::supports_dtype(ivy::backend(backend_under_test()), ivy::float64))
    GTEST_SKIP() << "needs float64 for finite differences";
  const ivy::Backend& b = ivy::backend(backend_under_test());
  gym::EnvOptions o;
  o.batch = {2};
  o.dtype = ivy::float64;
  o.backend = &b;
  o.check_actions = false;
  gym::Reacher env(o);
  env.reset(4);
  const std::vector<Array> start = env.get_state();
  std::vector<double> weights;
  for (int i = 0; i < 2 * 8; ++i) weights.push_back(0.3 * std::cos(0.7 * i));
  ivy::testing::GradientCase by_weights{
      "Reacher linear policy",
      [&](const Array& w) {  // w [8, 2]: observation -> joint accelerations
        env.set_state(start);
        std::vector<Array> rewards;
        for (int t = 0; t < 3; ++t)
          rewards.push_back(env.step(ivy::tanh(ivy::matmul(env.get_observation(), w))).reward);
        return ivy::stack(rewards);
      },
      weights,
      {8, 2}};
  ivy::testing::expect_matches_finite_differences(by_weights, b, 1e-5);
}

}  // namespace
