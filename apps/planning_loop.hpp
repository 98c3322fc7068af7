#pragma once
// What the planning demos (ivy-drone, ivy-manipulator) share: the backends a --backend option
// names and the check that those backends agree, their float32 arrays, the spline locations,
// the path length of their cost, and the original ivy_robot demos' optimisation loop.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"

namespace ivy_demo {

/** The backends `--backend requested` runs: "all" (the default backend first, whose run is the
 * one drawn, then every other one but stub), one name, or the default backend when empty. */
inline std::vector<std::string> backends_to_run(const std::string& requested) {
  const std::string default_name(ivy::backend_name(ivy::current_backend()));
  if (requested != "all") return {requested.empty() ? default_name : requested};
  std::vector<std::string> names{default_name};
  for (const std::string& n : ivy::available_backends())
    if (n != default_name && n != "stub") names.push_back(n);
  return names;
}

/**
 * Whether every backend's plan took the same steps as the first's, within float32 tolerances:
 * the same iteration count and outcome, every iteration's cost within 1e-3 relative and every
 * value of `final_values(result)` (the final path, in `unit`s) within 1e-3. Prints a line per
 * backend naming the differences as `what`.
 */
template <class Result, class FinalValues>
bool backends_agree(const std::vector<Result>& results, FinalValues&& final_values,
                    const char* what, const char* unit) {
  bool agree = true;
  for (std::size_t k = 1; k < results.size(); ++k) {
    const Result &a = results[0], &b = results[k];
    double worst_cost = 0, worst_value = 0;
    for (std::size_t i = 0; i < std::min(a.history.size(), b.history.size()); ++i)
      worst_cost = std::max(worst_cost, std::abs(a.history[i].cost - b.history[i].cost) /
                                            std::max(1.0, std::abs(a.history[i].cost)));
    const std::vector<double>&va = final_values(a), &vb = final_values(b);
    for (std::size_t i = 0; i < std::min(va.size(), vb.size()); ++i)
      worst_value = std::max(worst_value, std::abs(va[i] - vb[i]));
    const bool same = a.iterations == b.iterations && a.collision_free == b.collision_free &&
                      worst_cost < 1e-3 && worst_value < 1e-3;
    std::printf(
        "%s vs %s: iterations %d vs %d, largest cost difference %.2e (relative), largest final "
        "%s difference %.2e %s: %s\n",
        b.backend.c_str(), a.backend.c_str(), b.iterations, a.iterations, worst_cost, what,
        worst_value, unit, same ? "agree" : "DIFFER");
    agree = agree && same;
  }
  return agree;
}

/** float32 on the named backend (the current one when empty). */
inline ivy::Options float32_on(const std::string& backend) {
  ivy::Options o(ivy::float32);
  return backend.empty() ? o : o.on(ivy::backend(backend));
}

/** n evenly spaced locations 0..1 as a column [n, 1]: the spline's anchors or samples. */
inline ivy::Array unit_interval(int n, const ivy::Options& o) {
  return ivy::expand_dims(ivy::linspace(0.0, 1.0, n, -1, true, o), -1);
}

/**
 * The length of the polylines through points [..., 3] along `axis` (of a rank-3 array): the sum
 * over segments of sqrt(sum(max(d^2, 1e-12))), the original demos' compute_length, whose floor
 * keeps the gradient finite where two neighbours coincide. A template so the drone's cost runs
 * on native arrays too.
 */
template <class A>
A polyline_length(const A& points, int axis) {
  const auto n = ivy::shape(points)[static_cast<std::size_t>(axis)];
  std::vector<ivy::Slice> head(3), tail(3);
  head[static_cast<std::size_t>(axis)] = ivy::Slice{0, n - 1};
  tail[static_cast<std::size_t>(axis)] = ivy::Slice{1, n};
  const A d = ivy::subtract(ivy::slice(points, tail), ivy::slice(points, head));
  const A squared = ivy::maximum(ivy::multiply(d, d), 1e-12);
  return ivy::sum(ivy::sqrt(ivy::sum(squared, ivy::Axes{-1})));
}

/** One evaluation of the loop: the cost with its gradients, and whether it converged. */
struct DescentStep {
  ivy::ContainerGradResult result;
  bool converged = false;
};

/**
 * One iteration of the original demos' loop: evaluate the cost with gradients (`cost(variables)`
 * returns the cost and its extras), ask `converged(result)` whether the path is good enough, and
 * step the optimizer unless it is or `may_step` is false (the last iteration of the budget).
 * step_from does the same from an evaluation made elsewhere (a compiled gradient step).
 */
template <class Converged>
DescentStep step_from(ivy::ContainerGradResult evaluated, ivy::Container& variables,
                      ivy::Optimizer& optimizer, Converged&& converged, bool may_step) {
  DescentStep s{std::move(evaluated), false};
  s.converged = converged(s.result);
  if (!s.converged && may_step) variables = optimizer.step(variables, s.result.grads);
  return s;
}

template <class Cost, class Converged>
DescentStep descent_step(ivy::Container& variables, ivy::Optimizer& optimizer, Cost&& cost,
                         Converged&& converged, bool may_step) {
  return step_from(ivy::execute_with_gradients(cost, variables), variables, optimizer,
                   std::forward<Converged>(converged), may_step);
}

/**
 * The loop: `iterate(may_step)` (a descent_step) until it returns true (converged) or
 * max_iterations ran, with `report(iteration, converged, last, seconds_so_far)` after each.
 * Returns the evaluations made. (The original also stepped after the final check; that step
 * changes nothing reported.)
 */
template <class Iterate, class Report>
int descend(int max_iterations, Iterate&& iterate, Report&& report) {
  const auto began = std::chrono::steady_clock::now();
  for (int it = 0; it < max_iterations; ++it) {
    const bool may_step = it + 1 < max_iterations;
    const bool converged = iterate(may_step);
    const bool last = converged || !may_step;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    report(it, converged, last, seconds);
    if (last) return it + 1;
  }
  return 0;
}

}  // namespace ivy_demo
