// The drone demo's planner (apps/drone) against the original Python library's own run of the
// same demo (tests/reference/drone_original_run.json, recorded from ivy 1.1.9 on PyTorch 1.13 by
// scripts/drone_reference/run_original.py): with the original's cost, the same number of
// iterations, the same cost, length, collision term and minimum signed distance per iteration,
// and the same final path. Then the demo's own cost on the same scene converges too, and bad
// scene files are rejected naming the field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "drone_planner.hpp"
#include "drone_scene.hpp"
#include "support/vision_cases.hpp"

namespace {
using ivy::testing::backend_under_test;

nlohmann::json original_run() {
  std::ifstream in(std::string(IVY_TEST_REFERENCE_DIR) + "/drone_original_run.json");
  return nlohmann::json::parse(in);
}

ivy_drone::Settings settings(ivy_drone::CostKind cost) {
  ivy_drone::Settings s;
  s.backend = backend_under_test();
  s.cost = cost;
  return s;
}

TEST(RobotDrone, OriginalCostMatchesTheOriginalLibrarysRun) {
  IVY_VISION_SKIP_ON_STUB();
  const nlohmann::json ref = original_run();
  const ivy_drone::Scene scene = ivy_drone::load_scene(ivy_drone::default_scene_path());
  const ivy_drone::PlanResult r =
      ivy_drone::plan(scene, settings(ivy_drone::CostKind::original), nullptr);
  ASSERT_TRUE(r.collision_free);
  ASSERT_EQ(r.iterations, ref.at("iterations").get<int>());
  const auto& per = ref.at("per_iteration");
  ASSERT_EQ(r.history.size(), per.size());
  for (std::size_t i = 0; i < per.size(); ++i) {
    // float32 on different engines: the cost (about 120) to 1e-5 relative, the terms and the
    // clearance to 2e-4 m.
    EXPECT_NEAR(r.history[i].cost, per[i].at("cost").get<double>(), 2e-3) << "iteration " << i;
    EXPECT_NEAR(r.history[i].length, per[i].at("length").get<double>(), 2e-3) << i;
    EXPECT_NEAR(r.history[i].collision, per[i].at("collision").get<double>(), 2e-4) << i;
    EXPECT_NEAR(r.history[i].min_sdf, per[i].at("min_sdf").get<double>(), 2e-4) << i;
  }
  // The final path's centre (body point 0 is at the drone's origin) is the poses' position.
  const auto& poses = ref.at("final_poses");
  ASSERT_EQ(static_cast<std::size_t>(r.final_path.samples), poses.size());
  for (int s = 0; s < r.final_path.samples; ++s)
    for (int k = 0; k < 3; ++k)
      EXPECT_NEAR(r.final_path.body[static_cast<std::size_t>(s * r.final_path.body_points) * 3 + k],
                  poses[s][k].get<double>(), 2e-4)
          << "sample " << s << " axis " << k;
}

TEST(RobotDrone, PathCostConvergesToTheClearance) {
  IVY_VISION_SKIP_ON_STUB();
  const ivy_drone::Scene scene = ivy_drone::load_scene(ivy_drone::default_scene_path());
  const ivy_drone::PlanResult r =
      ivy_drone::plan(scene, settings(ivy_drone::CostKind::path), nullptr);
  ASSERT_TRUE(r.collision_free);
  EXPECT_LT(r.iterations, 100);
  // The straight start collides; the result keeps the clearance at every sample; the cost fell.
  EXPECT_LT(r.history.front().min_sdf, 0.0);
  EXPECT_GE(r.history.back().min_sdf, 0.1);
  for (double d : r.final_path.sdf) EXPECT_GE(d, 0.1);
  EXPECT_LT(r.history.back().cost, r.history.front().cost);
  // The path still starts and ends at the scene's poses.
  const int last = (r.final_path.samples - 1) * r.final_path.body_points * 3;
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(r.final_path.body[static_cast<std::size_t>(k)], scene.start_pose[k], 1e-4);
    EXPECT_NEAR(r.final_path.body[static_cast<std::size_t>(last + k)], scene.target_pose[k], 1e-4);
  }
}

void expect_scene_error(const std::string& text, const std::string& field) {
  const std::string path = ::testing::TempDir() + "drone_scene_bad.json";
  std::ofstream(path) << text;
  try {
    ivy_drone::load_scene(path);
    ADD_FAILURE() << "no error for " << text;
  } catch (const ivy_drone::SceneError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
  }
  std::remove(path.c_str());
}

TEST(RobotDrone, BadSceneFilesNameTheFileAndField) {
  expect_scene_error("{", "not valid JSON");
  expect_scene_error("{}", "cuboid_inv_ext_mats");
  const std::string mats = R"("cuboid_inv_ext_mats": [[[1,0,0,0],[0,1,0,0],[0,0,1,0]]])";
  expect_scene_error("{" + mats + R"(, "cuboid_dims": [[1,1]]})", "cuboid_dims[0]");
  expect_scene_error("{" + mats + R"(, "cuboid_dims": [[1,1,1]], "rel_body_points": [[0,0,0]],
                      "start_pose_rot_vec": [0,0,0,0,0], "target_pose_rot_vec": [0,0,0,0,0,0]})",
                     "start_pose_rot_vec");
  expect_scene_error("{" + mats + R"(, "cuboid_dims": [[1,-1,1]]})", "cuboid_dims[0]");
  try {
    ivy_drone::load_scene("/nonexistent/drone.json");
    ADD_FAILURE() << "no error for a missing file";
  } catch (const ivy_drone::SceneError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/drone.json"), std::string::npos);
  }
}

}  // namespace
