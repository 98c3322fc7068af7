#pragma once
// The drone demo's picture: top and side views of the room with the obstacles, the initial and
// the final path of the drone's centre, its body at poses along the final path, the colliding
// samples, a legend, and the cost and clearance per iteration.
#include <string>

#include "drone_planner.hpp"
#include "drone_scene.hpp"

namespace ivy_drone {

/** Throws std::runtime_error naming the path when the file cannot be written. */
void write_drone_figure(const std::string& path, const Scene& scene, const PlanResult& result,
                        double clearance);

}  // namespace ivy_drone
