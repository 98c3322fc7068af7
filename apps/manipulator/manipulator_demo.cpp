// ivy-manipulator: the original ivy_robot demo manipulator_spline_planning in C++. A Kinova Mico
// arm's path from a start to a target joint configuration is a spline in joint space; gradient
// descent moves its three learnable anchors until every point sampled on the arm's links keeps
// the clearance from the obstacles (a wall and the floor). Written once over ivy's
// unified functions, it runs on every backend; `--backend all` runs each and checks that they
// agree. Exit codes: 0 collision-free path found, 1 not found (or backends disagree), 2 bad
// options.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "manipulator_figure.hpp"
#include "manipulator_planner.hpp"
#include "planning_loop.hpp"

namespace {

using ivy_manipulator::PlanResult;

void print_iteration(const std::string& backend, const ivy_manipulator::IterationRecord& r) {
  std::printf(
      "[%s] iteration %3d  cost %9.5f  (length %7.4f, collision %8.5f)  min clearance %+8.5f m  "
      "%4d samples too close  %6.1f it/s\n",
      backend.c_str(), r.iteration, r.cost, r.length, r.collision, r.min_sdf, r.colliding,
      r.iterations_per_second);
  std::fflush(stdout);
}

void print_summary(const PlanResult& r) {
  const ivy_manipulator::IterationRecord &first = r.history.front(), &last = r.history.back();
  std::printf(
      "[%s] %s after %d iterations: cost %.5f -> %.5f, min clearance %+.5f -> %+.5f m, "
      "%.2f ms per iteration\n",
      r.backend.c_str(), r.collision_free ? "collision-free path" : "NO collision-free path",
      r.iterations, first.cost, last.cost, first.min_sdf, last.min_sdf,
      1e3 * r.seconds_per_iteration);
}

}  // namespace

int main(int argc, char** argv) {
  ivy_manipulator::Settings settings;
  std::string backend, out = "ivy_manipulator.png";
  bool quiet = false;
  CLI::App app{
      "ivy-manipulator: gradient-based joint-space motion planning of a Kinova Mico arm around "
      "obstacles (the original ivy_robot manipulator_spline_planning demo), on any ivy backend."};
  app.add_option("--backend", backend,
                 "torch, xtensor, mlx, or all (runs each and checks they agree); default: ivy's "
                 "default backend");
  app.add_option("--lr", settings.lr, "SGD learning rate")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--iterations", settings.max_iterations, "most iterations")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--clearance", settings.clearance,
                 "stop when every checked link sample is this far (m) from every obstacle")
      ->capture_default_str();
  app.add_option("--out", out, "picture to write (PNG)")->capture_default_str();
  app.add_flag("--quiet", quiet, "no line per iteration");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  const ivy_manipulator::Scene scene = ivy_manipulator::default_scene();
  std::vector<PlanResult> results;
  try {
    for (const std::string& name : ivy_demo::backends_to_run(backend)) {
      settings.backend = name;
      if (!quiet)
        std::printf(
            "planning on %s: %d learnable anchors, %d configurations, SGD lr %g, clearance %g m\n",
            name.c_str(), settings.learnable_anchors, settings.samples, settings.lr,
            settings.clearance);
      results.push_back(ivy_manipulator::plan(scene, settings, [&](const auto& r) {
        if (!quiet) print_iteration(name, r);
      }));
      print_summary(results.back());
    }
  } catch (const ivy::Error& e) {
    std::cerr << "ivy-manipulator: " << e.what() << "\n";
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "ivy-manipulator: " << e.what() << "\n";
    return 2;
  }

  const bool agree = ivy_demo::backends_agree(
      results, [](const PlanResult& r) -> const auto& { return r.final_path.joints; },
      "joint angle", "rad");
  try {
    ivy_manipulator::write_manipulator_figure(out, scene, results.front(), settings.clearance);
    std::printf("wrote %s\n", out.c_str());
  } catch (const std::exception& e) {
    std::cerr << "ivy-manipulator: " << e.what() << "\n";
    return 1;
  }
  const bool found = std::all_of(results.begin(), results.end(),
                                 [](const PlanResult& r) { return r.collision_free; });
  return found && agree ? 0 : 1;
}
