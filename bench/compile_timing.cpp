// Timing of ivy::compile_fn on one backend: a 3-layer MLP (32 -> 64 -> 64 -> 1, tanh, tanh,
// sigmoid, mean; weights as arguments, float32), uncompiled against compiled, and the same with
// its gradients (execute_with_gradients inside the function: traced through ivy's tape), at
// batch 8 and 256; plus the time of compile_fn and its first call (trace and the engine's
// compilation). Written for docs/benchmarks.md ("compile_fn" section).
//
//   ./build-bench/bench/ivy_compile_timing xla      # or mxnet, tensorflow, torch, mlx ...
//
// Each per-call figure is the median over 5 rounds of CALLS calls (default 2000, after 20
// warm-up calls) of the CPU time of the whole process per call (the engines' own threads
// included; robust to other jobs on a shared machine), with the wall time in brackets; every
// call reads its output on the host, so lazy and asynchronous engines finish their work inside
// the round. The ratio is of CPU times. The first-call figures are wall time. "first call, cold" is
// compile_fn plus the first call before the function ran uncompiled at that batch (engines that
// compile each eager kernel, such as xla, compile those too); "first call, warm" is the same with a
// new compile_fn after the uncompiled rounds.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "ivy/ivy.hpp"

namespace {

using ivy::Array;
using Clock = std::chrono::steady_clock;

std::vector<Array> mlp(const std::vector<Array>& a) {
  const Array h1 = ivy::tanh(ivy::add(ivy::matmul(a[0], a[1]), a[2]));
  const Array h2 = ivy::tanh(ivy::add(ivy::matmul(h1, a[3]), a[4]));
  return {ivy::mean(ivy::sigmoid(ivy::add(ivy::matmul(h2, a[5]), a[6])))};
}

std::vector<Array> mlp_gradients(const std::vector<Array>& a) {
  const std::vector<Array> weights(a.begin() + 1, a.end());
  const ivy::GradResult r = ivy::execute_with_gradients(
      [&](const std::vector<Array>& w) {
        std::vector<Array> all{a[0]};
        all.insert(all.end(), w.begin(), w.end());
        return mlp(all);
      },
      weights);
  std::vector<Array> out{r.value};
  out.insert(out.end(), r.grads.begin(), r.grads.end());
  return out;
}

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/** CPU time of the whole process (every thread of the engine), in milliseconds. */
double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

struct PerCall {
  double cpu_us, wall_us;  // medians over the rounds
};

PerCall per_call(const ivy::ArrayFunction& f, const std::vector<Array>& args, int calls) {
  for (int i = 0; i < 20; ++i) (void)f(args)[0].to_vector<float>();
  std::vector<double> cpu, wall;
  for (int r = 0; r < 5; ++r) {
    const auto start = Clock::now();
    const double cpu_start = process_cpu_ms();
    for (int i = 0; i < calls; ++i) (void)f(args)[0].to_vector<float>();
    cpu.push_back((process_cpu_ms() - cpu_start) * 1000.0 / calls);
    wall.push_back(milliseconds_since(start) * 1000.0 / calls);
  }
  std::sort(cpu.begin(), cpu.end());
  std::sort(wall.begin(), wall.end());
  return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

/** compile_fn and the first call: the compiled function and the time in milliseconds. */
std::pair<ivy::CompiledFunction, double> first_call(const ivy::ArrayFunction& f,
                                                    const std::vector<Array>& args) {
  const auto start = Clock::now();
  ivy::CompiledFunction fast = ivy::compile_fn(f, args);
  (void)fast(args)[0].to_vector<float>();
  return {fast, milliseconds_since(start)};
}

/** Largest |a - b| over the outputs of the two functions. */
double difference(const std::vector<Array>& a, const std::vector<Array>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::vector<float> x = a[i].to_vector<float>(), y = b[i].to_vector<float>();
    for (std::size_t j = 0; j < x.size(); ++j)
      worst = std::max(worst, static_cast<double>(std::abs(x[j] - y[j])));
  }
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s BACKEND [CALLS]   (e.g. xla, mxnet, tensorflow, torch)\n",
                 argv[0]);
    return 2;
  }
  const std::string backend = argv[1];
  const int calls = argc > 2 ? std::atoi(argv[2]) : 2000;
  const ivy::Backend& b = ivy::backend(backend);
  const ivy::Options f32 = ivy::Options(ivy::float32).on(b);
  (void)ivy::zeros({1}, f32).to_vector<float>();  // loads the engine before anything is timed
  std::mt19937 gen(1);  // the same inputs on every backend, made on the host
  auto normal = [&](double stddev, const ivy::Shape& s) {
    std::normal_distribution<float> dist(0.0f, static_cast<float>(stddev));
    std::vector<float> v(static_cast<std::size_t>(ivy::numel(s)));
    for (float& x : v) x = dist(gen);
    return ivy::array(v, s, f32);
  };
  std::printf(
      "| backend | batch | function | uncompiled, CPU (wall) | compiled, CPU (wall) "
      "| uncompiled / compiled | first call, cold | first call, warm | compiled by |\n");
  std::printf("|---|---:|---|---:|---:|---:|---:|---:|---|\n");
  for (const std::int64_t batch : {8, 256}) {
    const std::vector<Array> args{normal(1.0, {batch, 32}), normal(0.1, {32, 64}),
                                  ivy::zeros({64}, f32),    normal(0.1, {64, 64}),
                                  ivy::zeros({64}, f32),    normal(0.1, {64, 1}),
                                  ivy::zeros({1}, f32)};
    for (auto [name, fn] :
         {std::pair{"forward", &mlp}, std::pair{"forward+gradients", &mlp_gradients}}) {
      const ivy::ArrayFunction f = fn;
      const double cold = first_call(f, args).second;
      const PerCall eager = per_call(f, args, calls);
      const auto [fast, warm] = first_call(f, args);
      const double diff = difference(f(args), fast(args));
      if (diff > 1e-4) {
        std::fprintf(stderr, "%s: compiled and uncompiled outputs differ by %g\n", name, diff);
        return 1;
      }
      const PerCall compiled =
          per_call([&](const std::vector<Array>& a) { return fast(a); }, args, calls);
      std::printf(
          "| %s | %lld | %s | %.1f us (%.1f) | %.1f us (%.1f) | %.2f | %.1f ms | %.1f ms "
          "| %s |\n",
          backend.c_str(), static_cast<long long>(batch), name, eager.cpu_us, eager.wall_us,
          compiled.cpu_us, compiled.wall_us, eager.cpu_us / compiled.cpu_us, cold, warm,
          std::string(fast.engine()).c_str());
      std::fflush(stdout);
    }
  }
}
