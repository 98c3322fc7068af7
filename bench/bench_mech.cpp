// The paper's Table 3 row for the mechanics library: one chain of conversions,
// Euler (zyx) -> rotation matrix -> quaternion -> axis-angle -> rotation matrix, on batches of
// 10^2..10^4 rotations (float32, one thread), three ways:
//   erased: ivy::mech on ivy::Array of the torch backend (the templates compiled in the library);
//   static: the same templates instantiated on at::Tensor (backend fixed at compile time);
//   native: the same algorithms written by hand with LibTorch's own functions.
// bench/mech_table.py runs it and writes the "mech" section of docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ivy/torch.hpp"
// After the engine header, so the templates see the at::Tensor overloads.
#include "ivy/mech.hpp"

namespace {

// ---- the chain written by hand in LibTorch ----

at::Tensor elementary(int axis, const at::Tensor& angle) {
  const at::Tensor c = angle.cos(), s = angle.sin();
  const at::Tensor zero = at::zeros_like(angle), one = at::ones_like(angle);
  std::vector<at::Tensor> e(9, zero);
  const int p = (axis + 1) % 3, q = (axis + 2) % 3;
  e[axis * 4] = one;
  e[p * 4] = c;
  e[q * 4] = c;
  e[p * 3 + q] = -s;
  e[q * 3 + p] = s;
  return at::stack(e, -1).unflatten(-1, {3, 3});
}

at::Tensor euler_zyx_to_rot_mat(const at::Tensor& e) {
  return at::matmul(elementary(0, e.select(-1, 2)),
                    at::matmul(elementary(1, e.select(-1, 1)), elementary(2, e.select(-1, 0))));
}

at::Tensor rot_mat_to_quaternion(const at::Tensor& m) {
  const at::Tensor flat = m.flatten(-2);
  const auto at_ = [&](int i) { return flat.select(-1, i); };
  const at::Tensor m00 = at_(0), m01 = at_(1), m02 = at_(2), m10 = at_(3), m11 = at_(4);
  const at::Tensor m12 = at_(5), m20 = at_(6), m21 = at_(7), m22 = at_(8);
  const at::Tensor tr = m00 + m11 + m22;
  const auto four = [](const at::Tensor& x) { return (x + 1).clamp_min(1e-6).sqrt() * 2; };
  const at::Tensor sw = four(tr), sx = four(m00 - m11 - m22), sy = four(m11 - m00 - m22),
                   sz = four(m22 - m00 - m11);
  const at::Tensor dx = m21 - m12, dy = m02 - m20, dz = m10 - m01;
  const at::Tensor pxy = m01 + m10, pxz = m02 + m20, pyz = m12 + m21;
  const at::Tensor qw = at::stack({dx / sw, dy / sw, dz / sw, sw * 0.25}, -1);
  const at::Tensor qx = at::stack({sx * 0.25, pxy / sx, pxz / sx, dx / sx}, -1);
  const at::Tensor qy = at::stack({pxy / sy, sy * 0.25, pyz / sy, dy / sy}, -1);
  const at::Tensor qz = at::stack({pxz / sz, pyz / sz, sz * 0.25, dz / sz}, -1);
  const at::Tensor use_w = tr >= at::maximum(at::maximum(m00, m11), m22);
  const at::Tensor use_x = (m00 >= m11).logical_and(m00 >= m22);
  const at::Tensor use_y = m11 >= m22;
  at::Tensor q =
      at::where(use_w.unsqueeze(-1), qw,
                at::where(use_x.unsqueeze(-1), qx, at::where(use_y.unsqueeze(-1), qy, qz)));
  q = at::where((q.select(-1, 3) < 0).unsqueeze(-1), -q, q);
  return q / q.norm(2, -1, true);
}

at::Tensor quaternion_to_axis_angle(const at::Tensor& quat) {
  const at::Tensor q = at::where((quat.select(-1, 3) < 0).unsqueeze(-1), -quat, quat);
  const at::Tensor v = q.narrow(-1, 0, 3);
  const at::Tensor n = v.norm(2, -1, true);
  const at::Tensor big = n > 1e-12;
  const at::Tensor safe = n.clamp_min(1e-12);
  const at::Tensor fallback = at::cat({at::zeros_like(v.narrow(-1, 0, 2)), at::ones_like(n)}, -1);
  const at::Tensor axis = at::where(big, v / safe, fallback);
  return at::cat({axis, at::atan2(n, q.narrow(-1, 3, 1)) * 2}, -1);
}

at::Tensor axis_angle_to_rot_mat(const at::Tensor& aa) {
  const at::Tensor x = aa.select(-1, 0), y = aa.select(-1, 1), z = aa.select(-1, 2);
  const at::Tensor theta = aa.select(-1, 3);
  const at::Tensor c = theta.cos(), s = theta.sin(), t = (theta * 0.5).sin().square() * 2;
  return at::stack(
             {c + t * x * x, t * x * y - s * z, t * x * z + s * y, t * x * y + s * z, c + t * y * y,
              t * y * z - s * x, t * x * z - s * y, t * y * z + s * x, c + t * z * z},
             -1)
      .unflatten(-1, {3, 3});
}

at::Tensor native_chain(const at::Tensor& euler) {
  return axis_angle_to_rot_mat(
      quaternion_to_axis_angle(rot_mat_to_quaternion(euler_zyx_to_rot_mat(euler))));
}

// ---- the chain through ivy::mech: one template, two instantiations ----

template <class A>
auto ivy_chain(const A& euler) {
  namespace mech = ivy::mech;
  return mech::axis_angle_to_rot_mat(mech::quaternion_to_axis_angle(
      mech::rot_mat_to_quaternion(mech::euler_to_rot_mat(euler, "zyx"))));
}

at::Tensor euler_input(std::int64_t n) {
  return at::rand({n, 3}, at::TensorOptions().dtype(at::kFloat)) * 6.2 - 3.1;
}

void bench_native(benchmark::State& state) {
  const at::Tensor e = euler_input(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(native_chain(e));
}

void bench_static(benchmark::State& state) {
  const at::Tensor e = euler_input(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(ivy_chain(e));
}

void bench_erased(benchmark::State& state) {
  const ivy::Array e = ivy::from_native(euler_input(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ivy_chain(e));
}

// The three paths compute the same matrices.
bool chains_agree() {
  const at::Tensor e = euler_input(1000);
  const at::Tensor a = native_chain(e);
  const at::Tensor b = ivy_chain(e);
  const at::Tensor c = ivy::native_traits<at::Tensor>::from_array(ivy_chain(ivy::from_native(e)));
  return at::allclose(a, b, 1e-4, 1e-5) && at::allclose(a, c, 1e-4, 1e-5) &&
         at::allclose(a, euler_zyx_to_rot_mat(e), 1e-4, 1e-5);
}

}  // namespace

BENCHMARK(bench_native)->Name("mech/chain/native")->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(bench_static)->Name("mech/chain/static")->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(bench_erased)->Name("mech/chain/erased")->Arg(100)->Arg(1000)->Arg(10000);

int main(int argc, char** argv) {
  at::set_num_threads(1);
  at::manual_seed(0);
  if (!chains_agree()) {
    std::fprintf(stderr, "ivy_bench_mech: the three chains disagree\n");
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
