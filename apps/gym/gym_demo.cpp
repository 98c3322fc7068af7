// ivy-gym: the original ivy_gym demos (optimize_trajectory, optimize_policy) on ivy::gym's
// differentiable environments, on one backend or all; writes the reward curves with frames of
// the trained behaviour (PNG) and the trained roll-out as an animated GIF. docs/gym.md.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "gym/gym_figure.hpp"
#include "gym/gym_frames.hpp"
#include "gym/gym_training.hpp"
#include "ivy/ivy.hpp"
#include "planning_loop.hpp"

int main(int argc, char** argv) {
  namespace training = ivy_demo::gym_training;
  CLI::App app{
      "Train an open-loop action sequence or an MLP policy through a differentiable "
      "ivy::gym environment (docs/gym.md)."};
  training::Settings s;
  std::string backend = ivy::backend_name(ivy::default_backend()).data();
  std::string out = "ivy_gym.png", gif = "ivy_gym.gif";
  bool quiet = false;
  app.add_option("--env", s.env, "CartPole, Pendulum, MountainCar, Reacher or Swimmer")
      ->check(CLI::IsMember({"CartPole", "Pendulum", "MountainCar", "Reacher", "Swimmer"}));
  app.add_option("--mode", s.mode, "trajectory (open-loop actions) or policy (an MLP)")
      ->check(CLI::IsMember({"trajectory", "policy"}));
  app.add_option("--backend", backend, "a backend of this build, or all");
  app.add_option("--iterations", s.iterations, "Adam steps")->check(CLI::PositiveNumber);
  app.add_option("--steps", s.steps, "roll-out length")->check(CLI::PositiveNumber);
  app.add_option("--batch", s.batch, "policy mode: environments per iteration")
      ->check(CLI::PositiveNumber);
  auto* lr = app.add_option("--lr", s.lr, "Adam's learning rate (0.1 trajectory, 0.01 policy)")
                 ->check(CLI::PositiveNumber);
  app.add_option("--seed", s.seed, "seed of the start states and initial values");
  app.add_option("--out", out, "the PNG (reward curves and frames)");
  app.add_option("--gif", gif, "the animated GIF of the trained roll-out ('' for none)");
  app.add_flag("--compile", s.compile,
               "the roll-out's loss and gradients through ivy::compile_fn (XLA on tensorflow, "
               "mlx::core::compile on mlx, TorchScript tracing on torch where it can follow)");
  app.add_flag("--quiet", quiet, "only the summary lines");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // --help is not an error; a bad option is a usage error
  }
  if (lr->count() == 0 && s.mode == "policy") s.lr = 0.01;

  std::vector<training::Result> results;
  try {
    const std::vector<std::string> backends = ivy_demo::backends_to_run(backend);
    s.reference_backend = backends.front();
    for (const std::string& b : backends) {
      training::Result r = training::train(s, b, [&](int it, double reward) {
        if (!quiet)
          std::printf("[%s] %s %s iteration %4d  mean reward per step %.5f\n", b.c_str(),
                      s.env.c_str(), s.mode.c_str(), it, reward);
      });
      std::printf(
          "[%s] %s %s: mean reward per step %.5f before, %.5f after %d iterations "
          "(%.1f ms per iteration)\n",
          b.c_str(), s.env.c_str(), s.mode.c_str(), r.before, r.after, s.iterations,
          r.ms_per_iteration);
      results.push_back(std::move(r));
    }
    if (!gif.empty()) {
      ivy_demo::gym_frames::write_gif(gif, s.env, results.front().trained_rollout, 200, 4);
      std::printf("wrote %s\n", gif.c_str());
    }
    ivy_demo::write_gym_figure(out, s, results);
    std::printf("wrote %s\n", out.c_str());
  } catch (const std::exception& e) {
    std::cerr << "ivy-gym: " << e.what() << "\n";
    return 2;
  }
  // Training must improve on every backend.
  for (const training::Result& r : results)
    if (!(r.after > r.before)) {
      std::cerr << "ivy-gym: no improvement on " << r.backend << "\n";
      return 1;
    }
  return 0;
}
