// ivy's own work around the matrix decompositions (argument checks, the finiteness check, the
// sign conventions) against the LibTorch call it wraps: cholesky, eigh, qr (reduced) and svd
// (full_matrices=false), float32 and float64, on one 3x3 matrix, a batch of 1000 of them, and
// 64x64 and 256x256 matrices (one thread). Three paths:
//   native: at::linalg_cholesky / linalg_eigh / linalg_qr / linalg_svd;
//   erased: ivy::<fn> on ivy::Array of the torch backend;
//   static: ivy::<fn> on at::Tensor (the native overloads).
// Names are "linalg/<fn>/<path>/<dtype>/<shape>"; bench/linalg_table.py runs the program and
// writes the "linalg" section of docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "ivy/torch.hpp"

namespace {

const std::vector<std::vector<std::int64_t>> kShapes = {{3, 3}, {1000, 3, 3}, {64, 64}, {256, 256}};

std::string shape_name(const std::vector<std::int64_t>& s) {
  std::string out;
  for (std::int64_t d : s) out += (out.empty() ? "" : "x") + std::to_string(d);
  return out;
}

// Normal entries; with spd, a a^T + n I (symmetric positive definite, well conditioned).
at::Tensor input(const std::vector<std::int64_t>& shape, at::ScalarType dtype, bool spd) {
  const at::Tensor a = at::randn(shape, at::TensorOptions().dtype(at::kDouble));
  if (!spd) return a.to(dtype);
  const std::int64_t n = shape.back();
  return (at::matmul(a, a.transpose(-1, -2)) + n * at::eye(n, at::kDouble)).to(dtype);
}

// The results of one call, kept alive until the end of the loop body as a caller would.
template <class F>
void add(const std::string& name, at::Tensor x, F f) {
  benchmark::RegisterBenchmark(name.c_str(), [x, f](benchmark::State& state) {
    for (auto _ : state) {
      auto r = f(x);
      benchmark::DoNotOptimize(r);
    }
  });
}

// native, erased and static paths of one function on one input.
template <class Native, class Ivy>
void add_paths(const std::string& fn, const std::string& dtype, const std::vector<std::int64_t>& s,
               at::Tensor x, Native native, Ivy ivy_fn) {
  const std::string tail = "/" + dtype + "/" + shape_name(s);
  add("linalg/" + fn + "/native" + tail, x, native);
  const ivy::Array xa = ivy::from_native(x);
  benchmark::RegisterBenchmark(("linalg/" + fn + "/erased" + tail).c_str(),
                               [xa, ivy_fn](benchmark::State& state) {
                                 for (auto _ : state) {
                                   auto r = ivy_fn(xa);
                                   benchmark::DoNotOptimize(r);
                                 }
                               });
  add("linalg/" + fn + "/static" + tail, x, ivy_fn);
}

void register_all() {
  const std::vector<std::pair<at::ScalarType, std::string>> dtypes = {{at::kFloat, "float32"},
                                                                      {at::kDouble, "float64"}};
  for (const auto& [dtype, name] : dtypes) {
    for (const auto& s : kShapes) {
      const at::Tensor spd = input(s, dtype, true), general = input(s, dtype, false);
      add_paths(
          "cholesky", name, s, spd, [](const at::Tensor& x) { return at::linalg_cholesky(x); },
          [](const auto& x) { return ivy::cholesky(x); });
      add_paths(
          "eigh", name, s, spd, [](const at::Tensor& x) { return at::linalg_eigh(x); },
          [](const auto& x) { return ivy::eigh(x); });
      add_paths(
          "qr", name, s, general, [](const at::Tensor& x) { return at::linalg_qr(x); },
          [](const auto& x) { return ivy::qr(x); });
      add_paths(
          "svd", name, s, general,
          [](const at::Tensor& x) { return at::linalg_svd(x, /*full_matrices=*/false); },
          [](const auto& x) { return ivy::svd(x, false); });
    }
  }
}

// ivy's factors are LibTorch's up to the sign conventions: check the reconstructions once.
bool results_agree() {
  const at::Tensor spd = input({1000, 3, 3}, at::kDouble, true);
  const at::Tensor g = input({1000, 3, 3}, at::kDouble, false);
  const at::Tensor l = ivy::cholesky(spd);
  const auto e = ivy::eigh(spd);
  const auto qr = ivy::qr(g);
  const auto usv = ivy::svd(g, false);
  const at::Tensor v = e.eigenvectors;
  return at::allclose(at::matmul(l, l.transpose(-1, -2)), spd) &&
         at::allclose(at::matmul(v * e.eigenvalues.unsqueeze(-2), v.transpose(-1, -2)), spd) &&
         at::allclose(at::matmul(qr.q, qr.r), g) &&
         at::allclose(at::matmul(usv.u * usv.s.unsqueeze(-2), usv.vh), g);
}

}  // namespace

int main(int argc, char** argv) {
  at::set_num_threads(1);  // as the other torch benchmarks: stable timings on a small machine
  at::manual_seed(0);
  if (!results_agree()) {
    std::fprintf(stderr, "ivy_bench_linalg: ivy's factors do not reconstruct the inputs\n");
    return 1;
  }
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
