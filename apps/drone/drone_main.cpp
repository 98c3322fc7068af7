// ivy-drone: the paper's motion-planning showcase (Appendix A.3; the original ivy_robot demo
// drone_spline_planning). A drone's path from start to target through a room of cuboid
// obstacles is a spline over 6-D rotation-vector poses; gradient descent moves its anchors
// until every point of the drone's body keeps the clearance from every obstacle. Written once
// over ivy's unified functions, it runs on every backend; `--backend all` runs each one and
// checks that they agree. Exit codes: 0 collision-free path found, 1 not found (or backends
// disagree), 2 bad options or scene file.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "drone_figure.hpp"
#include "drone_planner.hpp"
#include "drone_scene.hpp"
#include "ivy/ivy.hpp"
#include "planning_loop.hpp"

namespace {

using ivy_drone::PlanResult;

struct Options {
  ivy_drone::Settings settings;
  std::string backend;
  std::string scene;
  std::string out = "ivy_drone.png";
  std::string cost = "path";
  bool quiet = false;
};

void print_iteration(const std::string& backend, const ivy_drone::IterationRecord& r) {
  std::printf(
      "[%s] iteration %3d  cost %9.5f  (length %8.5f, collision %8.5f)  "
      "min clearance %+8.5f m  %7.1f it/s\n",
      backend.c_str(), r.iteration, r.cost, r.length, r.collision, r.min_sdf,
      r.iterations_per_second);
  std::fflush(stdout);
}

void print_summary(const PlanResult& r) {
  const ivy_drone::IterationRecord& last = r.history.back();
  std::printf(
      "[%s] %s after %d iterations: cost %.5f, min clearance %+.5f m, %.3f ms per "
      "iteration\n",
      r.backend.c_str(), r.collision_free ? "collision-free path" : "NO collision-free path",
      r.iterations, last.cost, last.min_sdf, 1e3 * r.seconds_per_iteration);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "ivy-drone: gradient-based motion planning of a drone through a room of obstacles "
      "(the Ivy paper's Appendix A.3), on any ivy backend."};
  app.add_option("--backend", o.backend,
                 "torch, xtensor, mlx, or all (runs each and checks they agree); default: ivy's "
                 "default backend");
  app.add_option("--lr", o.settings.lr, "learning rate")->capture_default_str();
  app.add_option("--iterations", o.settings.max_iterations, "most iterations")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--clearance", o.settings.clearance,
                 "stop when every body point is this far (m) from every obstacle")
      ->capture_default_str();
  app.add_option("--anchors", o.settings.learnable_anchors,
                 "learnable spline anchors between start and target")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--optimizer", o.settings.optimizer, "sgd or adam")
      ->capture_default_str()
      ->check(CLI::IsMember({"sgd", "adam"}));
  app.add_option("--cost", o.cost,
                 "path: the drone's path length (mean over its body points) + 10 * collision; "
                 "original: the "
                 "original demo's cost, whose length term is constant")
      ->capture_default_str()
      ->check(CLI::IsMember({"path", "original"}));
  app.add_option("--scene", o.scene, "scene JSON file (default: data/drone_scene.json)");
  app.add_option("--out", o.out, "picture to write (PNG)")->capture_default_str();
  app.add_flag("--compile", o.settings.compile,
               "compile each gradient step (the cost and its gradient) with ivy::compile_fn: "
               "TorchScript on torch, mlx::core::compile on mlx, a TensorFlow graph function, an "
               "MXNet cached op, one XLA executable on xla; runs as it is on xtensor");
  app.add_flag("--quiet", o.quiet, "no line per iteration");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  o.settings.cost = o.cost == "path" ? ivy_drone::CostKind::path : ivy_drone::CostKind::original;
  if (o.scene.empty()) o.scene = ivy_drone::default_scene_path();

  ivy_drone::Scene scene;
  try {
    scene = ivy_drone::load_scene(o.scene);
  } catch (const ivy_drone::SceneError& e) {
    std::cerr << "ivy-drone: " << e.what() << "\n";
    return 2;
  }

  std::vector<PlanResult> results;
  try {
    for (const std::string& name : ivy_demo::backends_to_run(o.backend)) {
      o.settings.backend = name;
      if (!o.quiet)
        std::printf(
            "planning on %s: %d learnable anchors, %d samples, %s lr %g, clearance %g m, "
            "%s cost\n",
            name.c_str(), o.settings.learnable_anchors, o.settings.samples,
            o.settings.optimizer.c_str(), o.settings.lr, o.settings.clearance, o.cost.c_str());
      results.push_back(ivy_drone::plan(scene, o.settings, [&](const auto& r) {
        if (!o.quiet) print_iteration(name, r);
      }));
      print_summary(results.back());
    }
  } catch (const ivy::Error& e) {
    std::cerr << "ivy-drone: " << e.what() << "\n";
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "ivy-drone: " << e.what() << "\n";
    return 2;
  }

  const bool agree = ivy_demo::backends_agree(
      results, [](const PlanResult& r) -> const auto& { return r.final_path.body; }, "body point",
      "m");
  try {
    ivy_drone::write_drone_figure(o.out, scene, results.front(), o.settings.clearance);
    std::printf("wrote %s\n", o.out.c_str());
  } catch (const std::exception& e) {
    std::cerr << "ivy-drone: " << e.what() << "\n";
    return 1;
  }
  const bool found = std::all_of(results.begin(), results.end(),
                                 [](const PlanResult& r) { return r.collision_free; });
  return found && agree ? 0 : 1;
}
