// The drone demo's iteration (apps/drone) against the same algorithm written by hand in LibTorch:
// one iteration = the cost of the spline path (data/drone_scene.json, 100 samples, 3 learnable
// anchors, float32), its gradients w.r.t. the anchors, the collision check (min sdf read on the
// host, with the cost's terms) and the SGD step (lr 0.05), on one thread, four ways:
//   erased: ivy_drone::Planner::iterate, the demo's own iteration (ivy::Array on torch,
//           ivy::execute_with_gradients, ivy::SGD);
//   static: ivy_drone::evaluate<at::Tensor> (the same template on LibTorch's tensors) with
//           LibTorch's autograd and an in-place SGD step;
//   compiled: the demo's iteration with its cost compiled by ivy::compile_fn (TorchScript);
//   native: bench/drone_libtorch.hpp, written with ATen calls only.
// for the path cost ("path") and the original demo's cost ("original"). Every kRestart
// iterations the anchors start over (outside the timing), so each timed iteration is one of
// the demo's first, all of which still collide and take their step.
//
// At start-up native, static and erased must give the same cost and gradient at the first
// iteration, and all four the same costs and minimum signed distances over kRestart iterations
// (printed to stderr; exit 1 if not).
// --drone_ops prints, instead of running the benchmarks, the ATen operators one iteration of
// each way calls (counted with at::RecordFunction callbacks) as JSON.
// bench/drone_table.py runs it and writes the "drone" section of docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

// ivy/torch.hpp first: the drone templates then find the at::Tensor overloads.
#include "ivy/torch.hpp"
// clang-format off
#include "drone_libtorch.hpp"
#include "drone_planner.hpp"
#include "drone_scene.hpp"
#include "ivy/compile.hpp"
#include "ivy/grad.hpp"
// clang-format on

namespace {

using ivy_drone::CostKind;

constexpr int kRestart = 10;  // the demo needs 15 (path) and 13 (original) iterations
constexpr int kSamples = 100;

const ivy_drone::Scene& scene() {
  static const ivy_drone::Scene s = ivy_drone::load_scene(ivy_drone::default_scene_path());
  return s;
}

ivy_drone::Settings settings(CostKind kind, int samples) {
  ivy_drone::Settings s;
  s.backend = "torch";
  s.samples = samples;
  s.cost = kind;
  return s;
}

at::Tensor tensor(const ivy::Array& a) { return ivy::native_traits<at::Tensor>::from_array(a); }

/** A leaf copy of the demo's initial anchors that requires gradients. */
at::Tensor initial_leaf(const ivy_drone::Settings& s) {
  return tensor(ivy_drone::initial_anchors(scene(), s)).clone().requires_grad_(true);
}

/** What every way's iteration reports (the demo's IterationRecord without the bookkeeping). */
struct Record {
  double cost = 0, length = 0, collision = 0, min_sdf = 0;
};

// ---- the three ways ----

struct ErasedPath {
  ivy_drone::Planner planner;
  ErasedPath(CostKind kind, int samples) : planner(scene(), settings(kind, samples)) {}
  Record iterate() {
    const ivy_drone::Planner::Outcome o = planner.iterate(true);
    return {o.record.cost, o.record.length, o.record.collision, o.record.min_sdf};
  }
};

struct StaticPath {
  ivy_drone::Problem<at::Tensor> problem;
  at::Tensor anchors;
  double lr, clearance;
  StaticPath(CostKind kind, int samples) {
    const ivy_drone::Settings s = settings(kind, samples);
    const ivy_drone::Problem<ivy::Array> p = ivy_drone::make_problem(scene(), s);
    problem = {tensor(p.anchor_points),   tensor(p.query_points),
               tensor(p.start_pose),      tensor(p.target_pose),
               tensor(p.rel_body_points), tensor(p.cuboid_ext_mats),
               tensor(p.cuboid_dims),     p.cost_kind};
    anchors = initial_leaf(s);
    lr = s.lr;
    clearance = s.clearance;
  }
  Record iterate() {
    const ivy_drone::Evaluation<at::Tensor> e = ivy_drone::evaluate(problem, anchors);
    e.cost.backward();
    const at::NoGradGuard no_grad;
    const Record r{e.cost.item<double>(), e.length.item<double>(), e.collision.item<double>(),
                   e.sdf.min().item<double>()};
    if (r.min_sdf < clearance) anchors.sub_(anchors.grad(), lr);
    anchors.mutable_grad().reset();
    return r;
  }
};

struct NativePath {
  drone_libtorch::Inputs inputs;
  at::Tensor anchors;
  double lr, clearance;
  NativePath(CostKind kind, int samples) {
    const ivy_drone::Settings s = settings(kind, samples);
    const ivy_drone::Problem<ivy::Array> p = ivy_drone::make_problem(scene(), s);
    inputs = {tensor(p.anchor_points), tensor(p.query_points),    tensor(p.start_pose),
              tensor(p.target_pose),   tensor(p.rel_body_points), tensor(p.cuboid_ext_mats),
              tensor(p.cuboid_dims),   kind == CostKind::path};
    anchors = initial_leaf(s);
    lr = s.lr;
    clearance = s.clearance;
  }
  Record iterate() {
    const drone_libtorch::Record r = drone_libtorch::iterate(inputs, anchors, lr, clearance);
    return {r.cost, r.length, r.collision, r.min_sdf};
  }
};

/** The demo's iteration with the cost compiled by ivy::compile_fn (TorchScript tracing on torch):
 * the traced graph is kept across restarts, only the anchors start over. */
struct CompiledPath {
  ivy_drone::Problem<ivy::Array> problem;
  ivy::CompiledFunction cost;
  ivy::SGD optimizer;
  ivy::Container variables;
  double clearance;
  /** One trace per cost (and sample count), made on first use. */
  static ivy::CompiledFunction compiled(const ivy_drone::Problem<ivy::Array>& p,
                                        const ivy::Array& example) {
    static std::map<std::pair<CostKind, std::int64_t>, ivy::CompiledFunction> traces;
    const auto key = std::make_pair(p.cost_kind, p.query_points.shape()[0]);
    auto it = traces.find(key);
    if (it == traces.end()) {
      ivy::CompiledFunction f = ivy::compile_fn(
          [p](const std::vector<ivy::Array>& a) -> std::vector<ivy::Array> {
            const ivy_drone::Evaluation<ivy::Array> e = ivy_drone::evaluate(p, a[0]);
            return {e.cost, e.length, e.collision, e.sdf, e.body};
          },
          {example});
      it = traces.emplace(key, f).first;
    }
    return it->second;
  }
  CompiledPath(CostKind kind, int samples)
      : problem(ivy_drone::make_problem(scene(), settings(kind, samples))),
        cost(compiled(problem, ivy_drone::initial_anchors(scene(), settings(kind, samples)))),
        optimizer(settings(kind, samples).lr),
        variables{{"anchors", ivy_drone::initial_anchors(scene(), settings(kind, samples))}},
        clearance(settings(kind, samples).clearance) {}
  Record iterate() {
    const ivy::ContainerGradResult g = ivy::execute_with_gradients(
        [&](const ivy::Container& v) { return cost({v["anchors"].array()}); }, variables);
    const Record r{g.value.item<double>(), g.extras[0].item<double>(), g.extras[1].item<double>(),
                   ivy::min(g.extras[2]).item<double>()};
    if (r.min_sdf < clearance) variables = optimizer.step(variables, g.grads);
    return r;
  }
};

template <class Path>
void bench_iteration(benchmark::State& state, CostKind kind) {
  const int samples = static_cast<int>(state.range(0));
  std::unique_ptr<Path> path;
  int n = 0;
  for (auto _ : state) {
    if (n++ % kRestart == 0) {
      state.PauseTiming();
      path = std::make_unique<Path>(kind, samples);
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(path->iterate());
  }
}

// The cost of one small operator, for reading the op counts: a + b on [100, 6] float32, without
// and with a tensor that requires gradients (then autograd records a node), and through ivy.
void bench_native_add(benchmark::State& state) {
  const at::Tensor a = at::rand({100, 6}), b = at::rand({100, 6});
  for (auto _ : state) benchmark::DoNotOptimize(a + b);
}
void bench_native_add_graph(benchmark::State& state) {
  const at::Tensor a = at::rand({100, 6}).requires_grad_(true), b = at::rand({100, 6});
  for (auto _ : state) benchmark::DoNotOptimize(a + b);
}
void bench_erased_add(benchmark::State& state) {
  const ivy::Array a = ivy::from_native(at::rand({100, 6})),
                   b = ivy::from_native(at::rand({100, 6}));
  for (auto _ : state) benchmark::DoNotOptimize(ivy::add(a, b));
}

// ---- the agreement check ----

/** Cost and gradient at the initial anchors, by the three ways. */
struct FirstGradient {
  double cost;
  at::Tensor grad;
};

FirstGradient erased_first(CostKind kind) {
  const ivy_drone::Settings s = settings(kind, kSamples);
  const ivy_drone::Problem<ivy::Array> p = ivy_drone::make_problem(scene(), s);
  const ivy::GradResult g = ivy::execute_with_gradients(
      [&](const std::vector<ivy::Array>& v) { return ivy_drone::evaluate(p, v[0]).cost; },
      std::vector<ivy::Array>{ivy_drone::initial_anchors(scene(), s)});
  return {g.value.item<double>(), tensor(g.grads[0])};
}

FirstGradient static_first(CostKind kind) {
  StaticPath path(kind, kSamples);
  const at::Tensor cost = ivy_drone::evaluate(path.problem, path.anchors).cost;
  cost.backward();
  return {cost.item<double>(), path.anchors.grad()};
}

FirstGradient native_first(CostKind kind) {
  NativePath path(kind, kSamples);
  const at::Tensor cost = drone_libtorch::cost(path.inputs, path.anchors).cost;
  cost.backward();
  return {cost.item<double>(), path.anchors.grad()};
}

template <class Path>
std::vector<Record> run_iterations(CostKind kind) {
  Path path(kind, kSamples);
  std::vector<Record> out;
  for (int i = 0; i < kRestart; ++i) out.push_back(path.iterate());
  return out;
}

bool close(double a, double b, double tol) { return std::abs(a - b) <= tol * (1 + std::abs(b)); }

/** The ways agree to float32 tolerance: prints what it compared and returns whether they do. */
bool ways_agree(CostKind kind, const char* name) {
  const FirstGradient e = erased_first(kind), s = static_first(kind), n = native_first(kind);
  const double scale = n.grad.abs().max().item<double>();
  const double de = (e.grad - n.grad).abs().max().item<double>();
  const double ds = (s.grad - n.grad).abs().max().item<double>();
  bool ok = close(e.cost, n.cost, 1e-5) && close(s.cost, n.cost, 1e-5) && de <= 1e-4 * scale &&
            ds <= 1e-4 * scale;
  std::fprintf(stderr,
               "drone check (%s cost): first iteration cost native %.7f, static %.7f, erased "
               "%.7f; gradient [3, 6] max |native| %.5f, max |static - native| %.2e, max "
               "|erased - native| %.2e\n",
               name, n.cost, s.cost, e.cost, scale, ds, de);
  const std::vector<Record> re = run_iterations<ErasedPath>(kind);
  const std::vector<Record> rs = run_iterations<StaticPath>(kind);
  const std::vector<Record> rn = run_iterations<NativePath>(kind);
  const std::vector<Record> rc = run_iterations<CompiledPath>(kind);
  double worst = 0;
  for (int i = 0; i < kRestart; ++i) {
    worst = std::max({worst, std::abs(re[i].min_sdf - rn[i].min_sdf),
                      std::abs(rs[i].min_sdf - rn[i].min_sdf),
                      std::abs(rc[i].min_sdf - rn[i].min_sdf)});
    ok = ok && close(re[i].cost, rn[i].cost, 1e-4) && close(rs[i].cost, rn[i].cost, 1e-4) &&
         close(rc[i].cost, rn[i].cost, 1e-4);
  }
  ok = ok && worst <= 1e-4;
  std::fprintf(stderr,
               "drone check (%s cost): %d iterations, min sdf native %.5f -> %.5f, max |min sdf "
               "difference| %.2e: %s\n",
               name, kRestart, rn.front().min_sdf, rn.back().min_sdf, worst,
               ok ? "agree" : "DISAGREE");
  return ok;
}

// ---- counting the ATen operators of one iteration ----

struct OpCounts {
  long forward = 0;         // ATen operators the iteration calls itself (not from another one)
  long all = 0;             // every ATen operator, with those composite operators call
  long backward_nodes = 0;  // autograd nodes run by backward()
  long backward = 0;  // ATen operators the backward pass calls (the nodes, adding up gradients)
  std::map<std::string, long> forward_names;
};

std::mutex count_mutex;
OpCounts* counting = nullptr;

/** What an open record is: an ATen operator, an autograd node, the autograd engine's record
 * around a node (which also adds up the gradients flowing into one tensor), or another. */
enum class Opened { op, node, engine, other };
thread_local std::vector<Opened> open_records;

Opened kind_of(const at::RecordFunction& fn) {
  if (fn.scope() == at::RecordScope::BACKWARD_FUNCTION) return Opened::node;
  if (std::strncmp(fn.name(), "aten::", 6) == 0) return Opened::op;
  if (std::strncmp(fn.name(), "autograd::engine::", 18) == 0) return Opened::engine;
  return Opened::other;
}

std::unique_ptr<at::ObserverContext> on_start(const at::RecordFunction& fn) {
  const Opened kind = kind_of(fn);
  const std::lock_guard<std::mutex> lock(count_mutex);
  if (counting != nullptr) {
    Opened parent = Opened::other;
    for (auto it = open_records.rbegin(); it != open_records.rend(); ++it)
      if (*it != Opened::other) {
        parent = *it;
        break;
      }
    if (kind == Opened::node) ++counting->backward_nodes;
    if (kind == Opened::op) {
      ++counting->all;
      if (parent == Opened::other) {
        ++counting->forward;
        ++counting->forward_names[fn.name()];
      } else if (parent != Opened::op) {
        ++counting->backward;
      }
    }
  }
  open_records.push_back(kind);
  return nullptr;
}

void on_end(const at::RecordFunction&, at::ObserverContext*) {
  if (!open_records.empty()) open_records.pop_back();
}

/** The ATen operators f() calls. */
template <class F>
OpCounts count_call(F&& f) {
  OpCounts c;
  const at::CallbackHandle handle = at::addGlobalCallback(
      at::RecordFunctionCallback(on_start, on_end)
          .needsInputs(false)
          .scopes({at::RecordScope::FUNCTION, at::RecordScope::BACKWARD_FUNCTION}));
  {
    const std::lock_guard<std::mutex> lock(count_mutex);
    counting = &c;
  }
  f();
  {
    const std::lock_guard<std::mutex> lock(count_mutex);
    counting = nullptr;
  }
  at::removeCallback(handle);
  return c;
}

template <class Path>
OpCounts count_ops(CostKind kind) {
  Path path(kind, kSamples);
  path.iterate();  // warm: first-call initialisations are not part of an iteration
  return count_call([&] { path.iterate(); });
}

/** The ATen calls (all, nested included) of each stage of the path cost's forward pass, at the
 * initial anchors, written by hand and through ivy: {stage, native, erased}. */
std::vector<std::tuple<std::string, long, long>> stage_counts() {
  const ivy_drone::Settings s = settings(CostKind::path, kSamples);
  const ivy_drone::Problem<ivy::Array> p = ivy_drone::make_problem(scene(), s);
  const NativePath n(CostKind::path, kSamples);
  const drone_libtorch::Inputs& in = n.inputs;
  const at::Tensor vals = at::cat({in.start_pose, n.anchors.detach(), in.target_pose}, 0);
  const ivy::Array vals_a = ivy::from_native(vals);
  const at::Tensor poses = drone_libtorch::sample_spline(in.anchor_points, vals, in.query_points);
  const ivy::Array poses_a = ivy::from_native(poses);
  const at::Tensor rot = drone_libtorch::rot_vec_to_rot_mat(poses.narrow(1, 3, 3));
  const at::Tensor body =
      at::matmul(in.rel_body_points, rot.transpose(1, 2)) + poses.narrow(1, 0, 3).unsqueeze(1);
  const ivy::Array body_a = ivy::from_native(body);
  const at::Tensor points = body.view({-1, 3});
  const ivy::Array points_a = ivy::from_native(points);
  const ivy::robot::RigidMobile robot(p.rel_body_points);
  const auto all = [](auto&& f) { return count_call(f).all; };
  return {
      {"spline",
       all([&] { drone_libtorch::sample_spline(in.anchor_points, vals, in.query_points); }),
       all([&] { ivy::robot::sample_spline_path(p.anchor_points, vals_a, p.query_points); })},
      {"poses and body points", all([&] {
         const at::Tensor r = drone_libtorch::rot_vec_to_rot_mat(poses.narrow(1, 3, 3));
         (void)(at::matmul(in.rel_body_points, r.transpose(1, 2)) +
                poses.narrow(1, 0, 3).unsqueeze(1));
       }),
       all([&] { robot.sample_body(ivy::mech::rot_vec_pose_to_mat_pose(poses_a)); })},
      {"signed distances",
       all([&] { drone_libtorch::cuboid_sdf(in.cuboid_ext_mats, in.cuboid_dims, points); }),
       all([&] {
         ivy::vision::cuboid_signed_distances(p.cuboid_ext_mats, p.cuboid_dims, points_a);
       })},
      {"path length", all([&] { drone_libtorch::polyline_length(body, 0); }),
       all([&] { ivy_demo::polyline_length(body_a, 0); })},
  };
}

void print_counts(const char* way, const char* cost, const OpCounts& c, bool last) {
  std::printf(
      "  {\"way\": \"%s\", \"cost\": \"%s\", \"forward\": %ld, \"all\": %ld, "
      "\"backward_nodes\": %ld, \"backward\": %ld, \"forward_names\": {",
      way, cost, c.forward, c.all, c.backward_nodes, c.backward);
  std::vector<std::pair<long, std::string>> names;
  for (const auto& [name, n] : c.forward_names) names.emplace_back(n, name);
  std::sort(names.rbegin(), names.rend());
  for (std::size_t i = 0; i < names.size(); ++i)
    std::printf("%s\"%s\": %ld", i ? ", " : "", names[i].second.c_str(), names[i].first);
  std::printf("}}%s\n", last ? "" : ",");
}

void print_op_counts() {
  std::printf("{\"iterations\": [\n");
  const std::pair<CostKind, const char*> kinds[] = {{CostKind::path, "path"},
                                                    {CostKind::original, "original"}};
  for (const auto& [kind, name] : kinds) {
    print_counts("native", name, count_ops<NativePath>(kind), false);
    print_counts("static", name, count_ops<StaticPath>(kind), false);
    print_counts("erased", name, count_ops<ErasedPath>(kind), false);
    print_counts("compiled", name, count_ops<CompiledPath>(kind), kind == CostKind::original);
  }
  std::printf("], \"stages\": [\n");
  const auto stages = stage_counts();
  for (std::size_t i = 0; i < stages.size(); ++i)
    std::printf("  {\"stage\": \"%s\", \"native\": %ld, \"erased\": %ld}%s\n",
                std::get<0>(stages[i]).c_str(), std::get<1>(stages[i]), std::get<2>(stages[i]),
                i + 1 < stages.size() ? "," : "");
  std::printf("]}\n");
}

}  // namespace

BENCHMARK(bench_native_add)->Name("drone/add/native/600");
BENCHMARK(bench_native_add_graph)->Name("drone/add_graph/native/600");
BENCHMARK(bench_erased_add)->Name("drone/add/erased/600");

int main(int argc, char** argv) {
  at::set_num_threads(1);
  at::manual_seed(0);
  const bool ops = argc > 1 && std::strcmp(argv[1], "--drone_ops") == 0;
  if (!ways_agree(CostKind::path, "path") || !ways_agree(CostKind::original, "original")) {
    std::fprintf(stderr,
                 "ivy_bench_drone: the hand-written LibTorch and ivy iterations disagree\n");
    return 1;
  }
  if (ops) {
    print_op_counts();
    return 0;
  }
  const std::pair<CostKind, std::string> kinds[] = {{CostKind::path, "path"},
                                                    {CostKind::original, "original"}};
  for (const auto& [kind, name] : kinds) {
    const std::string prefix = "drone/" + name + "/";
    benchmark::RegisterBenchmark((prefix + "native").c_str(), bench_iteration<NativePath>, kind)
        ->Arg(kSamples);
    benchmark::RegisterBenchmark((prefix + "static").c_str(), bench_iteration<StaticPath>, kind)
        ->Arg(kSamples);
    benchmark::RegisterBenchmark((prefix + "erased").c_str(), bench_iteration<ErasedPath>, kind)
        ->Arg(kSamples);
    benchmark::RegisterBenchmark((prefix + "compiled").c_str(), bench_iteration<CompiledPath>, kind)
        ->Arg(kSamples);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
