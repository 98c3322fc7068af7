#include "gym/gym_training.hpp"

#include <chrono>
#include <optional>
#include <random>
#include <stdexcept>

#include "ivy/compile.hpp"
#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "train_task.hpp"

namespace ivy_demo::gym_training {
namespace gym = ivy::gym;
using ivy::Array;

std::unique_ptr<gym::Env> make_env(const std::string& name, const gym::EnvOptions& o) {
  if (name == "CartPole") return std::make_unique<gym::CartPole>(o);
  if (name == "Pendulum") return std::make_unique<gym::Pendulum>(o);
  if (name == "MountainCar") return std::make_unique<gym::MountainCar>(o);
  if (name == "Reacher") return std::make_unique<gym::Reacher>(o);
  if (name == "Swimmer") return std::make_unique<gym::Swimmer>(o);
  throw std::invalid_argument("unknown environment '" + name +
                              "' (CartPole, Pendulum, MountainCar, Reacher, Swimmer)");
}

namespace {

// obs -> 64 -> 64 -> act with tanh, as the original's policy (actions in [-1, 1]).
class Policy : public ivy::Module {
 public:
  Policy(std::int64_t obs, std::int64_t act)
      : ivy::Module("Policy"),
        l0_(register_module("l0", std::make_shared<ivy::Linear>(obs, 64))),
        l1_(register_module("l1", std::make_shared<ivy::Linear>(64, 64))),
        l2_(register_module("l2", std::make_shared<ivy::Linear>(64, act))) {}
  Array forward(const Array& x, const ivy::Container& v) override {
    const Array h0 = ivy::tanh((*l0_)(x, v["l0"]));
    const Array h1 = ivy::tanh((*l1_)(h0, v["l1"]));
    return ivy::tanh((*l2_)(h1, v["l2"]));
  }

 private:
  std::shared_ptr<ivy::Linear> l0_, l1_, l2_;
};

// x[t] without its first axis.
Array row(const Array& x, std::int64_t t) {
  const ivy::Shape s = x.shape();
  return ivy::reshape(ivy::slice(x, {ivy::Slice{t, t + 1, 1}}), ivy::Shape(s.begin() + 1, s.end()));
}

struct LossAndGrads {
  Array loss;
  ivy::Container grads;
};

// The variables' leaves (in flatten order) followed by the start state's arrays.
std::vector<Array> flat_arguments(const ivy::Container& v, const std::vector<Array>& start) {
  std::vector<Array> args;
  for (const auto& item : v.flatten()) args.push_back(item.second.array());
  args.insert(args.end(), start.begin(), start.end());
  return args;
}

}  // namespace

Result train(const Settings& s, const std::string& backend,
             const std::function<void(int, double)>& report) {
  gym::EnvOptions o;
  o.backend = &ivy::backend(backend);
  o.check_actions = false;  // the roll-outs are differentiated: no host reads inside
  const bool policy_mode = s.mode == "policy";
  if (policy_mode) o.batch = {s.batch};
  std::unique_ptr<gym::Env> env = make_env(s.env, o);
  // Start states are drawn by the task's reset on the reference backend (seeded) and copied
  // here, and the initial actions or weights are host-drawn: every backend starts alike.
  gym::EnvOptions ref_options = o;
  ref_options.backend = &ivy::backend(s.reference_backend.empty() ? backend : s.reference_backend);
  std::unique_ptr<gym::Env> reference = make_env(s.env, ref_options);
  auto start_state = [&](std::uint64_t seed) {
    reference->reset(seed);
    std::vector<Array> parts;
    for (const Array& p : reference->get_state())
      parts.push_back(ivy::array(p.to_vector<float>(), p.shape(), *o.backend));
    return parts;
  };
  const std::int64_t act = env->action_space().shape[0];
  Result result{backend, {}, {}};
  ivy::Adam adam(s.lr);
  ivy::Container variables;
  std::unique_ptr<Policy> policy;
  std::mt19937 gen(s.seed);
  std::uniform_real_distribution<float> logit(-2.0f, 2.0f);
  if (policy_mode) {
    policy = std::make_unique<Policy>(env->observation_space().shape[0], act);
    policy->build(ivy::Options(ivy::float32).on(*o.backend));
    variables = host_initial_weights(policy->v(), backend, s.seed);
  } else {
    std::vector<float> init(static_cast<std::size_t>(s.steps * act));
    for (float& v : init) v = logit(gen);
    variables.set_at_key_chain("logits", ivy::array(init, {s.steps, act}, *o.backend));
  }
  auto rollout = [&](const ivy::Container& v, const std::vector<Array>& start, bool record) {
    env->set_state(start);
    Array total = ivy::zeros(env->batch_shape(), ivy::Options(ivy::float32).on(*o.backend));
    for (int t = 0; t < s.steps; ++t) {
      const Array a = policy_mode ? (*policy)(env->get_observation(), v)
                                  : ivy::tanh(row(v["logits"].array(), t));
      total = ivy::add(total, env->step(a).reward);
      if (record) result.trained_rollout.push_back(gym_frames::host_state(*env));
    }
    return total;
  };
  std::vector<Array> start;
  if (!policy_mode) start = start_state(s.seed);
  // The loss (minus the mean total reward) and its gradients: the roll-out differentiated, and,
  // with --compile, that whole computation as one function of the variables' leaves and the
  // start state through ivy::compile_fn (one compiled form, since the shapes never change).
  auto differentiate = [&](const ivy::Container& v, const std::vector<Array>& from) {
    return ivy::execute_with_gradients(
        [&](const ivy::Container& w) -> std::vector<Array> {
          return {ivy::negative(ivy::mean(rollout(w, from, false)))};
        },
        v);
  };
  const std::vector<ivy::Container::FlatItem> layout = variables.flatten();
  std::optional<ivy::CompiledFunction> compiled;
  if (s.compile) {
    const std::size_t n = layout.size();
    compiled = ivy::compile_fn(
        [&, n](const std::vector<Array>& args) {
          std::vector<ivy::Container::FlatItem> leaves = layout;
          for (std::size_t i = 0; i < n; ++i) leaves[i].second = args[i];
          const ivy::ContainerGradResult g = differentiate(
              ivy::Container::from_flat(leaves), std::vector<Array>(args.begin() + n, args.end()));
          std::vector<Array> out{g.value};
          for (const auto& item : g.grads.flatten()) out.push_back(item.second.array());
          return out;
        },
        flat_arguments(variables, start.empty() ? start_state(s.seed) : start));
  }
  auto loss_and_grads = [&](const ivy::Container& v, const std::vector<Array>& from) {
    if (!compiled) {
      ivy::ContainerGradResult g = differentiate(v, from);
      return LossAndGrads{g.value, g.grads};
    }
    const std::vector<Array> out = (*compiled)(flat_arguments(v, from));
    std::vector<ivy::Container::FlatItem> grads = layout;
    for (std::size_t i = 0; i < grads.size(); ++i) grads[i].second = out[i + 1];
    return LossAndGrads{out[0], ivy::Container::from_flat(grads)};
  };
  // The held-out starts of the before/after evaluation.
  std::vector<Array> held_out = start;
  if (policy_mode) held_out = start_state(s.seed + 1000003);
  auto evaluate = [&](bool record) {
    return ivy::mean(rollout(variables, held_out, record)).item<double>() / s.steps;
  };
  result.before = evaluate(false);
  const auto began = std::chrono::steady_clock::now();
  for (int it = 0; it < s.iterations; ++it) {
    if (policy_mode)  // a fresh batch of start states each iteration, as the original
      start = start_state(s.seed + 1 + static_cast<std::uint64_t>(it));
    const LossAndGrads g = loss_and_grads(variables, start);
    const double mean_reward = -g.loss.item<double>() / s.steps;
    result.mean_reward.push_back(mean_reward);
    report(it, mean_reward);
    variables = adam.step(variables, g.grads);
  }
  result.ms_per_iteration =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count() /
      s.iterations;
  result.after = evaluate(true);
  return result;
}

}  // namespace ivy_demo::gym_training
