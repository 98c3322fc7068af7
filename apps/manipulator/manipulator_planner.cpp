#include "manipulator_planner.hpp"

#include <algorithm>
#include <numbers>
#include <stdexcept>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/robot.hpp"
#include "ivy/stateful.hpp"
#include "ivy/vision.hpp"
#include "planning_loop.hpp"

namespace ivy_manipulator {
namespace {

using ivy::Array;
using ivy::Slice;

/** The cuboids as the world-to-cuboid transforms [NC,3,4] and sides [NC,3] of a PrimitiveScene
 * (an axis-aligned box at c: [I | -c]). */
ivy::vision::PrimitiveScene obstacles(const Scene& scene, const ivy::Options& o) {
  std::vector<double> ext, dims;
  for (const Cuboid& c : scene.cuboids) {
    ext.insert(ext.end(), {1, 0, 0, -c.centre[0], 0, 1, 0, -c.centre[1], 0, 0, 1, -c.centre[2]});
    dims.insert(dims.end(), c.dims.begin(), c.dims.end());
  }
  const auto nc = static_cast<std::int64_t>(scene.cuboids.size());
  ivy::vision::PrimitiveScene s;
  s.cuboid_ext_mats = ivy::array(ext, {nc, 3, 4}, o);
  s.cuboid_dims = ivy::array(dims, {nc, 3}, o);
  return s;
}

struct Problem {
  ivy::robot::MicoManipulator mico;
  ivy::vision::PrimitiveScene scene;
  Array anchor_points, query_points, start, target;
  double samples_per_metre;
};

/**
 * The original demo's cost of the learnable anchors [NA, 6]: the path length of every link
 * sample (summed along the path, averaged over the samples) plus 10 times the negated mean
 * signed distance of all samples. Returns {cost, length, collision, sdf [NS, NL],
 * points [NS, NL, 3], joints [NS, 6]}.
 */
std::vector<Array> evaluate(const Problem& p, const Array& anchors) {
  const Array all = ivy::concat({p.start, anchors, p.target}, 0);
  const Array joints = ivy::robot::sample_spline_path(p.anchor_points, all, p.query_points);
  const Array points = p.mico.sample_links(joints, std::nullopt, p.samples_per_metre);
  const std::int64_t ns = points.shape()[0], nl = points.shape()[1];
  // Each link sample's path over the configurations, averaged over the samples (the floor in
  // polyline_length keeps the gradient finite for the base's samples, which do not move).
  const Array length = ivy::divide(ivy_demo::polyline_length(points, 0), static_cast<double>(nl));
  const Array sdf = ivy::reshape(p.scene.sdf(ivy::reshape(points, {ns * nl, 3})), {ns, nl});
  const Array collision = ivy::negative(ivy::mean(sdf));
  const Array cost = ivy::add(length, ivy::multiply(collision, 10.0));
  return {cost, length, collision, sdf, points, joints};
}

PathSnapshot snapshot(const Array& joints, const Array& points, const Array& sdf) {
  PathSnapshot s;
  s.configurations = static_cast<int>(points.shape()[0]);
  s.link_samples = static_cast<int>(points.shape()[1]);
  s.joints = joints.to_vector<double>();
  s.points = points.to_vector<double>();
  s.sdf = sdf.to_vector<double>();
  return s;
}

}  // namespace

Scene default_scene() {
  const double deg = std::numbers::pi / 180;
  Scene s;
  s.cuboids = {{{-0.40, 0, 0.22}, {0.08, 0.44, 0.44}},   // the wall, 44 cm high
               {{0, 0, -0.06}, {1.6, 1.6, 0.1}, true}};  // the floor, its top 1 cm down
  s.start = {100 * deg, 100 * deg, 240 * deg, 180 * deg, 180 * deg, 120 * deg};
  s.target = {260 * deg, 100 * deg, 220 * deg, 0, 180 * deg, 45 * deg};
  return s;
}

PlanResult plan(const Scene& scene, const Settings& settings,
                const std::function<void(const IterationRecord&)>& progress) {
  if (settings.learnable_anchors < 1) throw std::invalid_argument("anchors must be >= 1");
  if (settings.samples < 2) throw std::invalid_argument("the path needs at least 2 samples");
  if (settings.max_iterations < 1) throw std::invalid_argument("--iterations must be >= 1");
  if (!(settings.lr > 0)) throw std::invalid_argument("--lr must be > 0");
  const ivy::Options o = ivy_demo::float32_on(settings.backend);
  const int na = settings.learnable_anchors;
  const Problem p{
      ivy::robot::MicoManipulator(),
      obstacles(scene, o),
      ivy_demo::unit_interval(na + 2, o),
      ivy_demo::unit_interval(settings.samples, o),
      ivy::array(std::vector<double>(scene.start.begin(), scene.start.end()), {1, 6}, o),
      ivy::array(std::vector<double>(scene.target.begin(), scene.target.end()), {1, 6}, o),
      settings.samples_per_metre};
  // The anchors start on the straight joint-space line: linspace(start, target, NA + 2)[1:-1].
  const Array fractions = ivy::slice(p.anchor_points, {Slice{1, na + 1}});
  ivy::Container variables{
      {"anchors", ivy::add(p.start, ivy::multiply(fractions, ivy::subtract(p.target, p.start)))}};
  ivy::SGD optimizer(settings.lr);

  PlanResult result;
  result.backend = std::string(p.start.backend_name());
  int too_close = 0;
  double min_sdf = 0, seconds = 0;
  ivy_demo::DescentStep step;
  result.iterations = ivy_demo::descend(
      settings.max_iterations,
      [&](bool may_step) {
        step = ivy_demo::descent_step(
            variables, optimizer,
            // The terms come back as extras: arrays made inside the differentiated function
            // belong to its transform on some backends (MLX) and are read only through the result.
            [&](const ivy::Container& v) { return evaluate(p, v["anchors"].array()); },
            [&](const ivy::ContainerGradResult& g) {
              const Array checked =
                  ivy::slice(g.extras[2], {Slice{}, Slice{kUncheckedBaseSamples, {}}});
              // One read to the host gives both the count and the minimum.
              const std::vector<double> distances = checked.to_vector<double>();
              min_sdf = *std::min_element(distances.begin(), distances.end());
              too_close =
                  static_cast<int>(std::count_if(distances.begin(), distances.end(),
                                                 [&](double d) { return d < settings.clearance; }));
              return too_close == 0;
            },
            may_step);
        return step.converged;
      },
      [&](int it, bool converged, bool last, double elapsed) {
        const ivy::ContainerGradResult& g = step.result;
        IterationRecord r;
        r.iteration = it;
        r.cost = g.value.item<double>();
        r.length = g.extras[0].item<double>();
        r.collision = g.extras[1].item<double>();
        r.min_sdf = min_sdf;
        r.colliding = too_close;
        r.iterations_per_second = (it + 1) / elapsed;
        if (it == 0) result.initial = snapshot(g.extras[4], g.extras[3], g.extras[2]);
        if (last) {
          result.collision_free = converged;
          result.final_path = snapshot(g.extras[4], g.extras[3], g.extras[2]);
        }
        result.history.push_back(r);
        seconds = elapsed;
        if (progress) progress(r);
      });
  result.seconds_per_iteration = seconds / result.iterations;
  return result;
}

}  // namespace ivy_manipulator
