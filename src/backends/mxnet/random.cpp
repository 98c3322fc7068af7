#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

// MXNet takes a 31-bit seed: every bit of the 64 reaches it (folded), so seeds that differ only in
// their high half still draw differently.
void seed(std::uint64_t value) {
  untraceable("seeding");
  const std::uint64_t folded = value ^ (value >> 31) ^ (value >> 62);
  check(api().MXRandomSeed(static_cast<int>(folded & 0x7fffffff)), "seed");
}

Array uniform(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_uniform");
  untraceable("a random draw");
  return wrap(cast_to(run("_npi_uniform", "random_uniform", {},
                          {{"low", "0"},
                           {"high", "1"},
                           {"size", tuple(shape)},
                           {"dtype", d == DType::float64 ? "float64" : "float32"}}),
                      d, "random_uniform"));
}

Array normal(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_normal");
  untraceable("a random draw");
  return wrap(cast_to(run("_npi_normal", "random_normal", {},
                          {{"loc", "0"},
                           {"scale", "1"},
                           {"size", tuple(shape)},
                           {"dtype", d == DType::float64 ? "float64" : "float32"}}),
                      d, "random_normal"));
}

Array randperm(std::int64_t n, const Device& dev) {
  require_cpu(dev, "shuffle");
  untraceable("a random draw");
  const NDArray range = host_array({n}, DType::int64, [&](void* dst, std::size_t) {
    auto* out = static_cast<std::int64_t*>(dst);
    for (std::int64_t i = 0; i < n; ++i) out[i] = i;
  });
  return wrap(run("_npi_shuffle", "shuffle", {range}));
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

}  // namespace ivy::backends::mxnet_impl
