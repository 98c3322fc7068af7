#pragma once
// The picture of an ivy-manipulator run: top, side and back views of the obstacles and the arm
// at several configurations along the initial and the final path (samples closer than the
// clearance marked), the cost and clearance curves and a legend, written as a PNG.
#include <string>

#include "manipulator_planner.hpp"

namespace ivy_manipulator {

/** Throws std::runtime_error naming the path when the file cannot be written. */
void write_manipulator_figure(const std::string& path, const Scene& scene, const PlanResult& result,
                              double clearance);

}  // namespace ivy_manipulator
