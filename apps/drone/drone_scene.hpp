#pragma once
// The drone demo's scene file (data/drone_scene.json, the original ivy_robot demo's room):
// cuboid obstacles, the drone's body points and its start and target poses.
#include <stdexcept>
#include <string>
#include <vector>

namespace ivy_drone {

/** The scene as read from its JSON file, in float64 host memory. */
struct Scene {
  std::vector<std::vector<double>> cuboid_inv_ext_mats;  // NC entries of 12 (3x4, row-major)
  std::vector<std::vector<double>> cuboid_dims;          // NC entries of 3
  std::vector<std::vector<double>> rel_body_points;      // NBP entries of 3
  std::vector<double> start_pose;                        // rotation-vector pose, 6
  std::vector<double> target_pose;                       // rotation-vector pose, 6
};

/** A scene file that cannot be used: what() names the file and the field. */
class SceneError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/** Reads and checks a scene file; SceneError for a missing, malformed or mis-sized one. */
Scene load_scene(const std::string& path);

/** The source tree's data/drone_scene.json when it exists (a build tree), else the installed one.
 */
std::string default_scene_path();

}  // namespace ivy_drone
