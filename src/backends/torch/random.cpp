#include <ATen/ops/rand.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/randperm.h>

#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

// LibTorch's default generators (CPU and, when present, CUDA) are torch's state.
// LibTorch's CPU generator (mt19937) keeps only the low 32 bits of a seed, so seeds 2^32 apart
// gave one stream: fold the high half in (seeds below 2^32 keep their streams).
void seed(std::uint64_t value) { at::manual_seed((value ^ (value >> 32)) & 0xffffffffULL); }

Array uniform(const Shape& shape, DType d, const Device& device) {
  return guarded("random_uniform", [&] { return wrap(at::rand(shape, options(d, device))); });
}

Array normal(const Shape& shape, DType d, const Device& device) {
  return guarded("random_normal", [&] { return wrap(at::randn(shape, options(d, device))); });
}

Array randperm(std::int64_t n, const Device& device) {
  return guarded("shuffle", [&] { return wrap(at::randperm(n, options(DType::int64, device))); });
}

}  // namespace

const RandomKernels& random_kernels() {
  static const RandomKernels k = [] {
    RandomKernels t;
    t.seed = seed;
    t.uniform = uniform;
    t.normal = normal;
    t.randperm = randperm;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::torch_impl
