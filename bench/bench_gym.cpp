// ivy::gym's batched steps against the same dynamics written by hand in LibTorch (paper Table 3,
// gym row): one benchmark iteration is one step of a batch of environments (float32, torch, one
// thread) under a fixed action, three ways:
//   ivy_array: ivy::gym::CartPole (or Swimmer) on the torch backend, env.step(action) with an
//              ivy::Array action (EnvOptions{batch, float32, torch, 0, check_actions = false});
//   static:    the same environment with the action held as an at::Tensor. The gym API has no
//              native (at::Tensor) overloads: Env::step takes ivy::Array only, so this path is
//              ivy::from_native(tensor) followed by step (what a LibTorch caller has to write);
//   libtorch:  the same dynamics, observation, reward and terminated/truncated flags written
//              with ATen calls on [batch, 1] (Swimmer: [batch, 2] and [batch, n, 2]) tensors;
//   libtorch_tuned (CartPole only): the hand-written version with its constants as float32 0-d
//              tensors made once and squares as x * x, the fewest ATen calls of these equations.
// Every kRestart steps the state starts over from a fixed seeded state (outside the timing), so
// the timed steps stay in the tasks' ordinary range (a constant push would otherwise carry the
// cart off to where exp(-x^2) underflows).
//
// Benchmarks are named gym/<task>/<path>/<batch>; each reports env_steps_per_s (batch x steps
// per second of CPU time). At start-up the program steps ivy and the hand-written version 10
// times from the same state and exits 1 if an observation or reward differs by more than 1e-5;
// it prints what it compared to stderr, with the ATen operators one step of each path calls
// (counted with at::RecordFunction). --gym_check runs only that and exits.
// bench/gym_table.py runs it and writes the "gym" section of docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "ivy/gym.hpp"
#include "ivy/ivy.hpp"
#include "ivy/torch.hpp"

namespace {

constexpr int kRestart = 100;
constexpr int kCheckSteps = 10;
constexpr double kAction = 0.1;
constexpr std::uint64_t kSeed = 7;
constexpr int kUrchins = 5;  // Swimmer's default

const ivy::Backend& torch_backend() { return ivy::backend("torch"); }

ivy::gym::EnvOptions env_options(std::int64_t batch) {
  return ivy::gym::EnvOptions{{batch}, ivy::DType::float32, &torch_backend(), 0, false};
}

at::Tensor tensor(const ivy::Array& a) { return ivy::native_traits<at::Tensor>::from_array(a); }

/** What a step gives, on LibTorch's tensors. */
struct Step {
  at::Tensor observation, reward, terminated, truncated;
};

// ---- the hand-written LibTorch versions (src/gym/cartpole.cpp, swimmer.cpp; docs/gym.md) ----

/** CartPole: state x, x_vel, angle, angle_vel, each [batch, 1]. */
struct TorchCartPole {
  using Env = ivy::gym::CartPole;
  std::vector<at::Tensor> s;  // x, x_vel, angle, angle_vel
  std::int64_t batch;

  Step step(const at::Tensor& a) {
    constexpr double g = Env::g, dt = Env::dt, total_mass = Env::cart_mass + Env::pole_mass,
                     pole_mass_length = Env::pole_mass * Env::pole_half_length;
    const at::Tensor &x = s[0], &x_vel = s[1], &angle = s[2], &angle_vel = s[3];
    const at::Tensor force = a * Env::torque_scale;
    const at::Tensor c = at::cos(angle), sn = at::sin(angle);
    const at::Tensor temp = (force + at::square(angle_vel) * sn * pole_mass_length) / total_mass;
    const at::Tensor angle_acc =
        (sn * g - c * temp) /
        ((4.0 / 3.0 - at::square(c) * (Env::pole_mass / total_mass)) * Env::pole_half_length);
    const at::Tensor x_acc = temp - angle_acc * c * (pole_mass_length / total_mass);
    const at::Tensor new_x_vel = x_vel + x_acc * dt;
    const at::Tensor new_angle_vel = angle_vel + angle_acc * dt;
    s = {x + new_x_vel * dt, new_x_vel, angle + new_angle_vel * dt, new_angle_vel};
    const at::Tensor ca = at::cos(s[2]);
    return {at::cat({s[0], s[1], ca, at::sin(s[2]), s[3]}, -1),
            (at::exp(-at::square(s[0])) * (ca + 1.0) / 2.0).view({batch}),
            at::zeros({batch}, at::kBool), at::zeros({batch}, at::kBool)};
  }
};

/**
 * TorchCartPole tuned for LibTorch 1.13's CPU dispatch: the same equations, with every constant
 * a float32 0-d tensor made once (a double operand makes mul.Scalar wrap it in a 0-d double
 * tensor and copy it to float32, four ATen calls more, on every use) and squares as x * x (pow
 * also checks result types and converts its exponent).
 */
struct TorchCartPoleTuned {
  using Env = ivy::gym::CartPole;
  std::vector<at::Tensor> s;
  std::int64_t batch;
  static at::Tensor k(double v) { return at::scalar_tensor(v, at::kFloat); }
  at::Tensor torque = k(Env::torque_scale), g = k(Env::g), dt = k(Env::dt),
             inv_total = k(1.0 / (Env::cart_mass + Env::pole_mass)),
             pml = k(Env::pole_mass * Env::pole_half_length), four_thirds = k(4.0 / 3.0),
             mass_ratio = k(Env::pole_mass / (Env::cart_mass + Env::pole_mass)),
             half_length = k(Env::pole_half_length),
             pml_over_total =
                 k(Env::pole_mass * Env::pole_half_length / (Env::cart_mass + Env::pole_mass)),
             one = k(1.0), half = k(0.5);

  Step step(const at::Tensor& a) {
    const at::Tensor &x = s[0], &x_vel = s[1], &angle = s[2], &angle_vel = s[3];
    const at::Tensor c = at::cos(angle), sn = at::sin(angle);
    const at::Tensor temp = (a * torque + angle_vel * angle_vel * sn * pml) * inv_total;
    const at::Tensor angle_acc =
        (sn * g - c * temp) / ((four_thirds - c * c * mass_ratio) * half_length);
    const at::Tensor x_acc = temp - angle_acc * c * pml_over_total;
    const at::Tensor new_x_vel = x_vel + x_acc * dt;
    const at::Tensor new_angle_vel = angle_vel + angle_acc * dt;
    s = {x + new_x_vel * dt, new_x_vel, angle + new_angle_vel * dt, new_angle_vel};
    const at::Tensor ca = at::cos(s[2]);
    return {at::cat({s[0], s[1], ca, at::sin(s[2]), s[3]}, -1),
            (at::exp(-(s[0] * s[0])) * (ca + one) * half).view({batch}),
            at::zeros({batch}, at::kBool), at::zeros({batch}, at::kBool)};
  }
};

/** Swimmer: state urchins [batch, n, 2], xy, xy_vel, goal [batch, 2]. */
struct TorchSwimmer {
  using Env = ivy::gym::Swimmer;
  std::vector<at::Tensor> s;  // urchins, xy, xy_vel, goal
  std::int64_t batch;

  Step step(const at::Tensor& a) {
    constexpr double dt = Env::dt;
    const at::Tensor xy_vel = s[2] + a * dt;
    s = {s[0], s[1] + xy_vel * dt, xy_vel, s[3]};
    const at::Tensor to_goal = at::square(s[1] - s[3]).sum(-1);
    const at::Tensor to_urchins = at::square(s[1].unsqueeze(-2) - s[0]).sum(-1);
    const at::Tensor clear = (1.0 - at::exp(to_urchins * -30.0)).prod(-1);
    return {at::cat({s[0].reshape({batch, -1}), s[1], s[2], s[3]}, -1),
            at::exp(to_goal * -0.5) * clear, at::zeros({batch}, at::kBool),
            at::zeros({batch}, at::kBool)};
  }
};

template <class Native>
typename Native::Env make_env(std::int64_t batch) {
  if constexpr (std::is_same_v<Native, TorchSwimmer>)
    return ivy::gym::Swimmer(env_options(batch), kUrchins);
  else
    return ivy::gym::CartPole(env_options(batch));
}

/** The action of Box(-1, 1) every environment gets: kAction in each element. */
template <class Native>
at::Tensor action_tensor(std::int64_t batch) {
  const std::int64_t dim = std::is_same_v<Native, TorchSwimmer> ? 2 : 1;
  return at::full({batch, dim}, kAction, at::kFloat);
}

/** The seeded start state, as ivy arrays (the environment's) and as tensors (the same data). */
template <class Native>
std::vector<ivy::Array> start_state(typename Native::Env& env) {
  env.reset(kSeed);
  return env.get_state();
}

template <class Native, class Env>
Native native_from(const std::vector<ivy::Array>& state, std::int64_t batch) {
  static_assert(std::is_same_v<typename Native::Env, Env>);
  Native n;
  for (const ivy::Array& p : state) n.s.push_back(tensor(p).clone());
  n.batch = batch;
  return n;
}

// ---- the three paths ----

template <class Native>
void bench_ivy_array(benchmark::State& state) {
  const std::int64_t batch = state.range(0);
  auto env = make_env<Native>(batch);
  const std::vector<ivy::Array> start = start_state<Native>(env);
  const ivy::Array action = ivy::from_native(action_tensor<Native>(batch));
  int n = 0;
  for (auto _ : state) {
    if (n++ % kRestart == 0) {
      state.PauseTiming();
      env.set_state(start);
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(env.step(action));
  }
  state.counters["env_steps_per_s"] =
      benchmark::Counter(static_cast<double>(batch), benchmark::Counter::kIsIterationInvariantRate);
}

template <class Native>
void bench_static(benchmark::State& state) {
  const std::int64_t batch = state.range(0);
  auto env = make_env<Native>(batch);
  const std::vector<ivy::Array> start = start_state<Native>(env);
  const at::Tensor action = action_tensor<Native>(batch);
  int n = 0;
  for (auto _ : state) {
    if (n++ % kRestart == 0) {
      state.PauseTiming();
      env.set_state(start);
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(env.step(ivy::from_native(action)));
  }
  state.counters["env_steps_per_s"] =
      benchmark::Counter(static_cast<double>(batch), benchmark::Counter::kIsIterationInvariantRate);
}

template <class Native, class Written = Native>
void bench_libtorch(benchmark::State& state) {
  const std::int64_t batch = state.range(0);
  auto env = make_env<Native>(batch);
  const std::vector<ivy::Array> start = start_state<Native>(env);
  const Written fresh = native_from<Written, typename Native::Env>(start, batch);
  Written native = fresh;
  const at::Tensor action = action_tensor<Native>(batch);
  int n = 0;
  for (auto _ : state) {
    if (n++ % kRestart == 0) {
      state.PauseTiming();
      native = fresh;
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(native.step(action));
  }
  state.counters["env_steps_per_s"] =
      benchmark::Counter(static_cast<double>(batch), benchmark::Counter::kIsIterationInvariantRate);
}

// ---- counting the ATen operators of one step ----

struct OpCount {
  long called = 0;  // operators the step calls itself (not from inside another operator)
  long all = 0;     // with those composite operators call
};
OpCount* counting = nullptr;
thread_local int aten_depth = 0;

std::unique_ptr<at::ObserverContext> on_start(const at::RecordFunction& fn) {
  const bool op = std::strncmp(fn.name(), "aten::", 6) == 0;
  if (counting != nullptr && op) {
    ++counting->all;
    if (aten_depth == 0) ++counting->called;
  }
  if (op) ++aten_depth;
  return nullptr;
}

void on_end(const at::RecordFunction& fn, at::ObserverContext*) {
  if (std::strncmp(fn.name(), "aten::", 6) == 0) --aten_depth;
}

template <class F>
OpCount count_ops(F&& f) {
  OpCount c;
  const at::CallbackHandle handle =
      at::addGlobalCallback(at::RecordFunctionCallback(on_start, on_end)
                                .needsInputs(false)
                                .scopes({at::RecordScope::FUNCTION}));
  counting = &c;
  f();
  counting = nullptr;
  at::removeCallback(handle);
  return c;
}

// ---- the agreement check ----

double max_diff(const at::Tensor& a, const at::Tensor& b) {
  return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

/** ivy (both paths) and the hand-written steps from the same seeded state agree to 1e-5 over
 * kCheckSteps steps; prints what it compared and the operator counts of one step. */
template <class Native>
bool paths_agree(const char* task, std::int64_t batch) {
  auto env = make_env<Native>(batch);
  auto env_static = make_env<Native>(batch);
  const std::vector<ivy::Array> start = start_state<Native>(env);
  env_static.set_state(start);
  Native native = native_from<Native, typename Native::Env>(start, batch);
  TorchCartPoleTuned tuned = native_from<TorchCartPoleTuned, ivy::gym::CartPole>(
      std::is_same_v<Native, TorchCartPole> ? start : std::vector<ivy::Array>{}, batch);
  constexpr bool with_tuned = std::is_same_v<Native, TorchCartPole>;
  const at::Tensor action_t = action_tensor<Native>(batch);
  const ivy::Array action = ivy::from_native(action_t.clone());
  double worst = 0, scale = 0;
  bool shapes = true;
  for (int i = 0; i < kCheckSteps; ++i) {
    const ivy::gym::StepResult r = env.step(action);
    const ivy::gym::StepResult rs = env_static.step(ivy::from_native(action_t));
    const Step n = native.step(action_t);
    const at::Tensor obs = tensor(r.observation), rew = tensor(r.reward);
    shapes = shapes && obs.sizes() == n.observation.sizes() && rew.sizes() == n.reward.sizes() &&
             obs.scalar_type() == n.observation.scalar_type() &&
             rew.scalar_type() == n.reward.scalar_type() &&
             tensor(r.terminated).equal(n.terminated) && tensor(r.truncated).equal(n.truncated);
    if (!shapes) break;
    worst = std::max({worst, max_diff(obs, n.observation), max_diff(rew, n.reward),
                      max_diff(tensor(rs.observation), n.observation),
                      max_diff(tensor(rs.reward), n.reward)});
    if constexpr (with_tuned) {
      const Step t = tuned.step(action_t);
      worst =
          std::max({worst, max_diff(t.observation, n.observation), max_diff(t.reward, n.reward)});
    }
    scale = std::max(scale, n.observation.abs().max().item<double>());
  }
  const bool ok = shapes && worst <= 1e-5;
  // One step of each path, warmed (first-call initialisations are not part of a step).
  const OpCount ci = count_ops([&] { env.step(action); });
  const OpCount cs = count_ops([&] { env_static.step(ivy::from_native(action_t)); });
  const OpCount cn = count_ops([&] { native.step(action_t); });
  const OpCount ct = with_tuned ? count_ops([&] { tuned.step(action_t); }) : OpCount{};
  std::fprintf(stderr,
               "gym check (%s, batch %lld): %d steps from the same seeded state, max "
               "|observation| %.3f, max |ivy - libtorch| over observations and rewards %.2e "
               "(ivy_array, static%s): %s\n",
               task, static_cast<long long>(batch), kCheckSteps, scale, worst,
               with_tuned ? ", libtorch_tuned" : "",
               ok ? "agree" : (shapes ? "DISAGREE" : "DISAGREE (shapes, dtypes or flags)"));
  std::fprintf(stderr,
               "gym ops (%s): ATen operators per step called/all: ivy_array %ld/%ld, static "
               "%ld/%ld, libtorch %ld/%ld",
               task, ci.called, ci.all, cs.called, cs.all, cn.called, cn.all);
  if (with_tuned) std::fprintf(stderr, ", libtorch_tuned %ld/%ld", ct.called, ct.all);
  std::fprintf(stderr, "\n");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  at::set_num_threads(1);
  at::manual_seed(0);
  const bool check_only = argc > 1 && std::strcmp(argv[1], "--gym_check") == 0;
  const bool ok =
      paths_agree<TorchCartPole>("cartpole", 64) && paths_agree<TorchCartPole>("cartpole", 1) &&
      paths_agree<TorchSwimmer>("swimmer", 64) && paths_agree<TorchSwimmer>("swimmer", 1);
  if (!ok) {
    std::fprintf(stderr, "ivy_bench_gym: the hand-written LibTorch and ivy steps disagree\n");
    return 1;
  }
  if (check_only) return 0;
  const std::int64_t batches[] = {1, 64, 4096};
  for (const std::int64_t b : batches) {
    benchmark::RegisterBenchmark("gym/cartpole/ivy_array", bench_ivy_array<TorchCartPole>)->Arg(b);
    benchmark::RegisterBenchmark("gym/cartpole/static", bench_static<TorchCartPole>)->Arg(b);
    benchmark::RegisterBenchmark("gym/cartpole/libtorch", bench_libtorch<TorchCartPole>)->Arg(b);
    benchmark::RegisterBenchmark("gym/cartpole/libtorch_tuned",
                                 bench_libtorch<TorchCartPole, TorchCartPoleTuned>)
        ->Arg(b);
  }
  for (const std::int64_t b : batches) {
    benchmark::RegisterBenchmark("gym/swimmer/ivy_array", bench_ivy_array<TorchSwimmer>)->Arg(b);
    benchmark::RegisterBenchmark("gym/swimmer/libtorch", bench_libtorch<TorchSwimmer>)->Arg(b);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
