#pragma once
// The planning problem of ivy-manipulator (the original ivy_robot demo
// manipulator_spline_planning): a Kinova Mico's joint-space spline from a start to a target
// configuration, whose learnable anchors gradient descent moves until every point sampled on
// the arm's links keeps a clearance from the cuboid obstacles.
#include <array>
#include <functional>
#include <string>
#include <vector>

namespace ivy_manipulator {

/** An axis-aligned box: its centre and side lengths (m). The floor is drawn differently. */
struct Cuboid {
  std::array<double, 3> centre, dims;
  bool floor = false;
};

struct Scene {
  std::vector<Cuboid> cuboids;
  std::array<double, 6> start, target;  // joint angles (rad), Kinova's convention
};

/** A wall behind the arm's base and the floor; the original demo's start and target
 * configurations, whose straight joint-space path swings the arm through the wall. */
Scene default_scene();

struct Settings {
  std::string backend;  // empty: ivy's default
  double lr = 0.5;
  int max_iterations = 300;
  double clearance = 0.04;  // m
  int learnable_anchors = 3;
  int samples = 100;  // configurations along the path
  double samples_per_metre = 25;
};

struct IterationRecord {
  int iteration = 0;
  double cost = 0, length = 0, collision = 0;
  double min_sdf = 0;  // over the checked link samples of every configuration
  int colliding = 0;   // checked link samples closer than the clearance
  double iterations_per_second = 0;
};

/** One path: per configuration its joint angles and its link samples with their distances. */
struct PathSnapshot {
  int configurations = 0, link_samples = 0;
  std::vector<double> joints;  // configurations x 6
  std::vector<double> points;  // configurations x link_samples x 3
  std::vector<double> sdf;     // configurations x link_samples
};

struct PlanResult {
  std::string backend;
  std::vector<IterationRecord> history;
  PathSnapshot initial, final_path;
  int iterations = 0;
  bool collision_free = false;
  double seconds_per_iteration = 0;
};

/**
 * The link samples next to the base (on its first link, at the floor) are not checked against
 * the clearance, as in the original demo: the base stands on the floor.
 */
constexpr int kUncheckedBaseSamples = 2;

/** Runs gradient descent (SGD) until the path is collision-free or max_iterations; progress is
 * called once per iteration. std::invalid_argument for settings out of range. */
PlanResult plan(const Scene& scene, const Settings& settings,
                const std::function<void(const IterationRecord&)>& progress);

}  // namespace ivy_manipulator
