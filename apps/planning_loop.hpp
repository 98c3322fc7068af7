#pragma once
// What the planning demos (ivy-drone, ivy-manipulator) share: the backends a --backend option
// names, and the original ivy_robot demos' optimisation loop.
#include <chrono>
#include <string>
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
 * The original demos' loop: evaluate the cost with gradients (`cost(variables)` returns the cost
 * and its extras), ask `converged(result)` whether the path is good enough, step the optimizer
 * unless it is or the budget is spent, and hand every evaluation to
 * `report(iteration, result, converged, last, seconds_so_far)`. Returns the evaluations made.
 * (The original also stepped after the final check; that step changes nothing reported.)
 */
template <class Cost, class Converged, class Report>
int descend(ivy::Container& variables, ivy::Optimizer& optimizer, int max_iterations, Cost&& cost,
            Converged&& converged, Report&& report) {
  const auto began = std::chrono::steady_clock::now();
  for (int it = 0; it < max_iterations; ++it) {
    const ivy::ContainerGradResult g = ivy::execute_with_gradients(cost, variables);
    const bool done = converged(g);
    const bool last = done || it + 1 == max_iterations;
    if (!last) variables = optimizer.step(variables, g.grads);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    report(it, g, done, last, seconds);
    if (last) return it + 1;
  }
  return 0;
}

}  // namespace ivy_demo
