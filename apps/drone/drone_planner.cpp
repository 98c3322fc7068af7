#include "drone_planner.hpp"

#include <stdexcept>

#include "ivy/grad.hpp"
#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "planning_loop.hpp"

namespace ivy_drone {
namespace {

using ivy::Array;

Array matrix(const std::vector<std::vector<double>>& rows, std::int64_t cols,
             const ivy::Options& o) {
  std::vector<double> flat;
  for (const auto& r : rows) flat.insert(flat.end(), r.begin(), r.end());
  return ivy::array(flat, {static_cast<std::int64_t>(rows.size()), cols}, o);
}

PathSnapshot snapshot(const Array& body, const Array& sdf) {
  PathSnapshot s;
  s.body = body.to_vector<double>();
  s.sdf = sdf.to_vector<double>();
  s.samples = static_cast<int>(body.shape()[0]);
  s.body_points = static_cast<int>(body.shape()[1]);
  return s;
}

std::unique_ptr<ivy::Optimizer> make_optimizer(const Settings& s) {
  if (s.optimizer == "sgd") return std::make_unique<ivy::SGD>(s.lr);
  if (s.optimizer == "adam") return std::make_unique<ivy::Adam>(s.lr);
  throw std::invalid_argument("unknown optimizer '" + s.optimizer + "' (sgd or adam)");
}

}  // namespace

Problem<Array> make_problem(const Scene& scene, const Settings& settings) {
  const ivy::Options o = ivy_demo::float32_on(settings.backend);
  const auto nc = static_cast<std::int64_t>(scene.cuboid_dims.size());
  // The original's cuboid frames: ext = inv(homogeneous(inv_ext))[..., :3, :].
  const Array inv_ext = ivy::reshape(matrix(scene.cuboid_inv_ext_mats, 12, o), {nc, 3, 4});
  const Array ext = ivy::inv(ivy::mech::make_transformation_homogeneous(inv_ext));
  Problem<Array> p;
  p.anchor_points = ivy_demo::unit_interval(settings.learnable_anchors + 2, o);
  p.query_points = ivy_demo::unit_interval(settings.samples, o);
  p.start_pose = ivy::array(scene.start_pose, {1, 6}, o);
  p.target_pose = ivy::array(scene.target_pose, {1, 6}, o);
  p.rel_body_points = matrix(scene.rel_body_points, 3, o);
  p.cuboid_ext_mats = ivy::slice(ext, {ivy::Slice{}, ivy::Slice{0, 3}, ivy::Slice{}});
  p.cuboid_dims = matrix(scene.cuboid_dims, 3, o);
  p.cost_kind = settings.cost;
  return p;
}

Array initial_anchors(const Scene& scene, const Settings& settings) {
  // linspace(start, target, NL + 2)[1:-1], as the original, in float32.
  const ivy::Options o = ivy_demo::float32_on(settings.backend);
  const Array start = ivy::array(scene.start_pose, {1, 6}, o);
  const Array target = ivy::array(scene.target_pose, {1, 6}, o);
  const int n = settings.learnable_anchors;
  const Array fractions = ivy::slice(ivy_demo::unit_interval(n + 2, o),
                                     {ivy::Slice{1, n + 1}, ivy::Slice{}});  // NL x 1
  return ivy::add(start, ivy::multiply(fractions, ivy::subtract(target, start)));
}

Planner::Planner(const Scene& scene, const Settings& settings)
    : clearance_(settings.clearance),
      problem_(make_problem(scene, settings)),
      optimizer_(make_optimizer(settings)),
      variables_{{"anchors", initial_anchors(scene, settings)}} {
  if (!settings.compile) return;
  // An engine with autodiff of its own differentiates the compiled cost (TorchScript cannot
  // trace a backward pass, and MLX would compile one per call); with ivy's tape the whole
  // gradient step is compiled, backward pass included (one XLA executable per iteration).
  if (ivy::gradient_engine(anchors().backend()) == "native")
    compiled_cost_ = ivy::compile_fn(
        [p = problem_](const std::vector<Array>& a) -> std::vector<Array> {
          const Evaluation<Array> e = evaluate(p, a[0]);
          return {e.cost, e.length, e.collision, e.sdf, e.body};
        },
        {anchors()});
  else
    compiled_step_ = ivy::compile_fn(
        [p = problem_](const std::vector<Array>& a) -> std::vector<Array> {
          const ivy::GradResult g = ivy::execute_with_gradients(
              [&](const std::vector<Array>& v) -> std::vector<Array> {
                const Evaluation<Array> e = evaluate(p, v[0]);
                return {e.cost, e.length, e.collision, e.sdf, e.body};
              },
              {a[0]});
          std::vector<Array> out{g.value, g.grads[0]};
          out.insert(out.end(), g.extras.begin(), g.extras.end());
          return out;
        },
        {anchors()});
}

const Array& Planner::anchors() const { return variables_["anchors"].array(); }

ivy::ContainerGradResult Planner::compiled_evaluation() const {
  const std::vector<Array> outs = (*compiled_step_)({anchors()});
  ivy::Container grads;
  grads["anchors"] = outs[1];
  return {outs[0], grads, std::vector<Array>(outs.begin() + 2, outs.end())};
}

Planner::Outcome Planner::iterate(bool may_step) {
  Outcome out;
  const auto converged = [&](const ivy::ContainerGradResult& g) {
    out.record.min_sdf = ivy::min(g.extras[2]).item<double>();
    return out.record.min_sdf >= clearance_;
  };
  const ivy_demo::DescentStep step =
      compiled_step_
          ? ivy_demo::step_from(compiled_evaluation(), variables_, *optimizer_, converged, may_step)
          : ivy_demo::descent_step(
                variables_, *optimizer_,
                // The terms come back as extras: arrays made inside the
                // differentiated function are the transform's own on some backends
                // (MLX) and must not be read outside it.
                [&](const ivy::Container& v) -> std::vector<Array> {
                  if (compiled_cost_) return (*compiled_cost_)({v["anchors"].array()});
                  const Evaluation<Array> e = evaluate(problem_, v["anchors"].array());
                  return {e.cost, e.length, e.collision, e.sdf, e.body};
                },
                converged, may_step);
  const ivy::ContainerGradResult& g = step.result;
  out.sdf = g.extras[2];
  out.body = g.extras[3];
  out.record.cost = g.value.item<double>();
  out.record.length = g.extras[0].item<double>();
  out.record.collision = g.extras[1].item<double>();
  out.colliding = !step.converged;
  return out;
}

PlanResult plan(const Scene& scene, const Settings& settings,
                const std::function<void(const IterationRecord&)>& progress) {
  if (settings.learnable_anchors < 1) throw std::invalid_argument("--anchors must be >= 1");
  if (settings.samples < 2) throw std::invalid_argument("the path needs at least 2 samples");
  if (settings.max_iterations < 1) throw std::invalid_argument("--iterations must be >= 1");
  Planner planner(scene, settings);

  PlanResult result;
  result.backend = std::string(planner.problem().start_pose.backend_name());
  Planner::Outcome o;
  double seconds = 0;
  result.iterations = ivy_demo::descend(
      settings.max_iterations,
      [&](bool may_step) {
        o = planner.iterate(may_step);
        return !o.colliding;
      },
      [&](int it, bool converged, bool last, double elapsed) {
        IterationRecord r = o.record;
        r.iteration = it;
        r.iterations_per_second = (it + 1) / elapsed;
        if (it == 0) result.initial = snapshot(o.body, o.sdf);
        if (last) {
          result.collision_free = converged;
          result.final_path = snapshot(o.body, o.sdf);
          result.final_anchors = planner.anchors().to_vector<double>();
        }
        result.history.push_back(r);
        seconds = elapsed;
        if (progress) progress(r);
      });
  result.seconds_per_iteration = seconds / result.iterations;
  return result;
}

}  // namespace ivy_drone
