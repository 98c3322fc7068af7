#pragma once
// Shared by the per-backend benchmark programs: benchmark names, sizes, input data,
// registration, and a mode that runs one benchmark body under callgrind's instrumentation.
//
// Names are "<backend>/<function>/<path>/<elements>", path one of native, static, explicit,
// erased (and, for the wrapper-only benchmarks, framework and copy); run_benchmarks.py
// parses them.
#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace ivy_bench {

/** Element counts of every function benchmark (float32). */
inline const std::vector<std::int64_t> kSizes = {100, 10000, 1000000};

/** Element count of the wrapper-only benchmarks (a 10 x 10 array). */
inline constexpr std::int64_t kWrapperSize = 100;

/** Side of the square matrix holding n elements. */
inline std::int64_t side(std::int64_t n) {
  return static_cast<std::int64_t>(std::llround(std::sqrt(static_cast<double>(n))));
}

/** n values in [-1, 1], the same on every run. */
inline std::vector<float> values(std::int64_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(static_cast<std::size_t>(n));
  for (float& x : v) x = dist(gen);
  return v;
}

inline std::string name(std::string_view backend, std::string_view fn, std::string_view path,
                        std::int64_t n) {
  return std::string(backend) + "/" + std::string(fn) + "/" + std::string(path) + "/" +
         std::to_string(n);
}

/** Bodies by name, for the callgrind mode (one call each). */
inline std::map<std::string, std::function<void()>>& bodies() {
  static std::map<std::string, std::function<void()>> all;
  return all;
}

/**
 * Registers f (returning the op's result, destroyed inside the timed loop as a caller would)
 * as a benchmark. The timed loop calls f directly, so no indirection is added to any path.
 * Returns the benchmark, for settings such as the clock.
 */
template <class F>
benchmark::internal::Benchmark* add(const std::string& benchmark_name, F f) {
  benchmark::internal::Benchmark* b =
      benchmark::RegisterBenchmark(benchmark_name.c_str(), [f](benchmark::State& state) {
        for (auto _ : state) {
          auto result = f();
          benchmark::DoNotOptimize(result);
        }
      });
  bodies()[benchmark_name] = [f] {
    auto result = f();
    benchmark::DoNotOptimize(result);
  };
  return b;
}

/**
 * `--ivy_count=NAME:ITERS`: one warm-up call, then ITERS calls with callgrind's instrumentation
 * on, then a stats dump (run under `valgrind --tool=callgrind --instr-atstart=no`). Returns -1
 * when the flag is absent.
 */
inline int run_count_mode(int argc, char** argv) {
  constexpr std::string_view flag = "--ivy_count=";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.substr(0, flag.size()) != flag) continue;
    const std::string spec(arg.substr(flag.size()));
    const auto colon = spec.rfind(':');
    const std::string key = spec.substr(0, colon);
    const long iters = colon == std::string::npos ? 1000 : std::atol(spec.c_str() + colon + 1);
    const auto it = bodies().find(key);
    if (it == bodies().end()) {
      std::fprintf(stderr, "no benchmark named %s\n", key.c_str());
      return 2;
    }
    it->second();  // lazy initialisation stays out of the count
    CALLGRIND_START_INSTRUMENTATION;
    CALLGRIND_ZERO_STATS;
    for (long k = 0; k < iters; ++k) it->second();
    CALLGRIND_DUMP_STATS_AT(key.c_str());
    CALLGRIND_STOP_INSTRUMENTATION;
    return 0;
  }
  return -1;
}

/** Runs the count mode if asked, else Google Benchmark with the usual flags. */
inline int run(int argc, char** argv) {
  const int counted = run_count_mode(argc, argv);
  if (counted >= 0) return counted;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace ivy_bench
