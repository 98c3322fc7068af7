#pragma once
// The drone demo's optimisation loop (the original's main()): gradient descent on the spline's
// learnable anchors until the drone's body keeps the clearance from every obstacle.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drone_cost.hpp"
#include "drone_scene.hpp"
#include "ivy/compile.hpp"
#include "ivy/container.hpp"
#include "ivy/stateful.hpp"

namespace ivy_drone {

struct Settings {
  std::string backend;        // empty: the current backend
  int learnable_anchors = 3;  // between the fixed start and target
  int samples = 100;          // poses along the path
  double lr = 0.05;
  int max_iterations = 500;
  double clearance = 0.1;         // converged when min signed distance >= clearance
  std::string optimizer = "sgd";  // sgd | adam
  CostKind cost = CostKind::path;
  bool compile = false;  // the gradient step through ivy::compile_fn (docs/compile.md)
};

/** One evaluated path, in host memory. */
struct PathSnapshot {
  std::vector<double> body;  // [S, NBP, 3]; body point 0 is the drone's centre
  std::vector<double> sdf;   // [S, NBP]
  int samples = 0, body_points = 0;
};

struct IterationRecord {
  int iteration = 0;  // 0 for the first evaluation
  double cost = 0, length = 0, collision = 0, min_sdf = 0;
  double iterations_per_second = 0;  // over the iterations so far
};

struct PlanResult {
  std::string backend;
  bool collision_free = false;
  int iterations = 0;  // evaluations made, the last one the reported path
  std::vector<IterationRecord> history;
  PathSnapshot initial, final_path;
  std::vector<double> final_anchors;  // [NL, 6]
  double seconds_per_iteration = 0;   // gradient + step + check, mean over the run
};

/** The scene's fixed arrays on a backend (float32), as the original built them. */
Problem<ivy::Array> make_problem(const Scene& scene, const Settings& settings);

/** The learnable anchors' start: evenly spaced on the line from start to target [NL, 6]. */
ivy::Array initial_anchors(const Scene& scene, const Settings& settings);

/** The optimisation between iterations: plan() runs it to the end, bench/bench_drone.cpp times
 * one iteration of it. */
class Planner {
 public:
  Planner(const Scene& scene, const Settings& settings);

  /** What one iteration found. */
  struct Outcome {
    IterationRecord record;  // the caller fills in iteration and iterations_per_second
    bool colliding = false;  // min_sdf < clearance
    ivy::Array body, sdf;    // the evaluated path (before the step)
  };

  /** One iteration: the cost and its gradients w.r.t. the learnable anchors, the collision check
   * (the minimum signed distance read on the host) and, while the path collides and `may_step`,
   * the optimiser's step. */
  Outcome iterate(bool may_step);

  const Problem<ivy::Array>& problem() const { return problem_; }
  /** The learnable anchors now [NL, 6]. */
  const ivy::Array& anchors() const;

 private:
  double clearance_;
  Problem<ivy::Array> problem_;
  std::unique_ptr<ivy::Optimizer> optimizer_;
  ivy::Container variables_;
  /** The cost and its gradient at the anchors, from the compiled gradient step. */
  ivy::ContainerGradResult compiled_evaluation() const;

  // With Settings::compile: anchors -> cost and terms (an engine with its own autodiff), or
  // anchors -> cost, d cost / d anchors, terms (ivy's tape).
  std::optional<ivy::CompiledFunction> compiled_cost_, compiled_step_;
};

/** Runs the optimisation; `progress` sees every iteration's record. */
PlanResult plan(const Scene& scene, const Settings& settings,
                const std::function<void(const IterationRecord&)>& progress);

}  // namespace ivy_drone
