// The paper's Table 3 row for the vision library: warping camera 2's image into camera 1 from
// camera 1's depth, the core of every reprojection and photometric loss, in two cases:
//   reproject: depth1 -> world points (P1^-1) -> depth-scaled pixels of camera 2 (P2) -> pixels;
//   warp: the same, then a bilinear sample of image 2 at those pixels,
// on batches of 1, 8 and 64 images of 64 x 64 pixels (float32, one thread), two ways:
//   erased: ivy::vision on ivy::Array of the torch backend;
//   native: the same computation written by hand with LibTorch's own functions (grid_sampler).
// bench/vision_table.py runs it and writes the "vision" section of docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "ivy/torch.hpp"
#include "ivy/vision.hpp"

namespace {

constexpr std::int64_t kH = 64, kW = 64, kChannels = 3;

/** The inputs of one batch: depth [B,H,W,1], image [B,H,W,3], P1^-1 and P2 [B,4,4]. */
struct Inputs {
  at::Tensor depth, image, inv_full1, full2;
};

/** A homogeneous full matrix P = K [R | -R c] for a camera at c turned by yaw about the y axis. */
at::Tensor full_mat(double yaw, double cx) {
  const at::TensorOptions f32 = at::TensorOptions().dtype(at::kFloat);
  const at::Tensor k =
      at::tensor({60.0, 0.0, 31.5, 0.0, 60.0, 31.5, 0.0, 0.0, 1.0}, f32).view({3, 3});
  const double c = std::cos(yaw), s = std::sin(yaw);
  const at::Tensor r = at::tensor({c, 0.0, -s, 0.0, 1.0, 0.0, s, 0.0, c}, f32).view({3, 3});
  const at::Tensor centre = at::tensor({cx, 0.0, 0.0}, f32).view({3, 1});
  const at::Tensor ext = at::cat({r, -at::matmul(r, centre)}, 1);
  const at::Tensor bottom = at::tensor({0.0, 0.0, 0.0, 1.0}, f32).view({1, 4});
  return at::cat({at::matmul(k, ext), bottom}, 0);
}

Inputs inputs(std::int64_t batch) {
  const at::TensorOptions f32 = at::TensorOptions().dtype(at::kFloat);
  const at::Tensor p1 = full_mat(0.0, 0.0), p2 = full_mat(0.1, 0.3);
  return {at::rand({batch, kH, kW, 1}, f32) * 4 + 2, at::rand({batch, kH, kW, kChannels}, f32),
          at::inverse(p1).expand({batch, 4, 4}).contiguous(),
          p2.expand({batch, 4, 4}).contiguous()};
}

// ---- the warp written by hand in LibTorch ----

/** Camera 2's pixel coordinates [B, H * W, 2] of camera 1's pixels. */
at::Tensor native_reproject(const Inputs& in) {
  const std::int64_t b = in.depth.size(0);
  const at::TensorOptions f32 = at::TensorOptions().dtype(at::kFloat);
  const std::vector<at::Tensor> grid =
      at::meshgrid({at::arange(kH, f32), at::arange(kW, f32)}, "ij");
  const at::Tensor pixels = at::stack({grid[1], grid[0], at::ones_like(grid[0])}, -1);  // [H,W,3]
  const at::Tensor ds = (pixels * in.depth).view({b, kH * kW, 3});
  const at::Tensor ds_homo = at::cat({ds, at::ones({b, kH * kW, 1}, f32)}, -1);
  const at::Tensor world = at::matmul(ds_homo, in.inv_full1.narrow(1, 0, 3).transpose(1, 2));
  const at::Tensor world_homo = at::cat({world, at::ones({b, kH * kW, 1}, f32)}, -1);
  const at::Tensor ds2 = at::matmul(world_homo, in.full2.narrow(1, 0, 3).transpose(1, 2));
  return ds2.narrow(-1, 0, 2) / ds2.narrow(-1, 2, 1);
}

at::Tensor native_warp(const Inputs& in) {
  const std::int64_t b = in.depth.size(0);
  const at::TensorOptions f32 = at::TensorOptions().dtype(at::kFloat);
  const at::Tensor xy = native_reproject(in);
  // grid_sampler's normalised coordinates: -1 and 1 are the centres of the border pixels.
  const at::Tensor scale = at::tensor({2.0 / (kW - 1), 2.0 / (kH - 1)}, f32);
  const at::Tensor normalised = (xy * scale - 1).view({b, kH, kW, 2});
  const at::Tensor sampled = at::grid_sampler(in.image.permute({0, 3, 1, 2}), normalised,
                                              /*bilinear*/ 0, /*border*/ 1, /*align_corners*/ true);
  return sampled.permute({0, 2, 3, 1});
}

// ---- the warp through ivy::vision ----

/** Camera 2's pixel coordinates [B, H, W, 2] of camera 1's pixels. */
ivy::Array ivy_reproject(const ivy::Array& depth, const ivy::Array& inv_full1,
                         const ivy::Array& full2) {
  namespace vision = ivy::vision;
  const ivy::Array world = vision::depth_to_world_coords(depth, inv_full1);
  const ivy::Array ds2 = vision::world_to_ds_pixel_coords(world, full2);
  const std::vector<ivy::Array> parts = ivy::split(ds2, std::vector<std::int64_t>{2, 1}, -1);
  return ivy::divide(parts[0], parts[1]);
}

ivy::Array ivy_warp(const ivy::Array& depth, const ivy::Array& image, const ivy::Array& inv_full1,
                    const ivy::Array& full2) {
  return ivy::vision::bilinearly_interpolate_image(image, ivy_reproject(depth, inv_full1, full2));
}

struct ErasedInputs {
  ivy::Array depth, image, inv_full1, full2;
};
ErasedInputs erased(const Inputs& in) {
  return {ivy::from_native(in.depth), ivy::from_native(in.image), ivy::from_native(in.inv_full1),
          ivy::from_native(in.full2)};
}

void bench_native_reproject(benchmark::State& state) {
  const Inputs in = inputs(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(native_reproject(in));
}
void bench_erased_reproject(benchmark::State& state) {
  const ErasedInputs in = erased(inputs(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ivy_reproject(in.depth, in.inv_full1, in.full2));
}
void bench_native_warp(benchmark::State& state) {
  const Inputs in = inputs(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(native_warp(in));
}
void bench_erased_warp(benchmark::State& state) {
  const ErasedInputs in = erased(inputs(state.range(0)));
  for (auto _ : state)
    benchmark::DoNotOptimize(ivy_warp(in.depth, in.image, in.inv_full1, in.full2));
}

// Both paths compute the same pixel coordinates and warped images.
bool paths_agree() {
  const Inputs in = inputs(4);
  const ErasedInputs e = erased(in);
  const at::Tensor xy =
      ivy::native_traits<at::Tensor>::from_array(ivy_reproject(e.depth, e.inv_full1, e.full2));
  const at::Tensor warped =
      ivy::native_traits<at::Tensor>::from_array(ivy_warp(e.depth, e.image, e.inv_full1, e.full2));
  return at::allclose(native_reproject(in), xy.view({4, kH * kW, 2}), 1e-3, 1e-3) &&
         at::allclose(native_warp(in), warped, 1e-3, 1e-4);
}

}  // namespace

BENCHMARK(bench_native_reproject)->Name("vision/reproject/native")->Arg(1)->Arg(8)->Arg(64);
BENCHMARK(bench_erased_reproject)->Name("vision/reproject/erased")->Arg(1)->Arg(8)->Arg(64);
BENCHMARK(bench_native_warp)->Name("vision/warp/native")->Arg(1)->Arg(8)->Arg(64);
BENCHMARK(bench_erased_warp)->Name("vision/warp/erased")->Arg(1)->Arg(8)->Arg(64);

int main(int argc, char** argv) {
  at::set_num_threads(1);
  at::manual_seed(0);
  if (!paths_agree()) {
    std::fprintf(stderr, "ivy_bench_vision: the native and ivy paths disagree\n");
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
