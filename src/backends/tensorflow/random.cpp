#include <atomic>
#include <random>

#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

// TensorFlow's stateful random ops keep their generator in a kernel cached per seed attribute,
// so re-seeding with the same value would continue, not restart, the stream. The backend uses
// the stateless ops instead: each draw's seed input is (seed, draw number), which makes a
// seeded sequence of draws reproducible and needs no kernel per seed.
std::atomic<std::int64_t> base_seed{static_cast<std::int64_t>(std::random_device{}())};
std::atomic<std::int64_t> draw_number{0};

void seed(std::uint64_t value) {
  base_seed = static_cast<std::int64_t>(value);
  draw_number = 0;
}

Tensor next_seed() { return int64_vector({base_seed.load(), draw_number++}); }

Tensor draw(const char* op, const Shape& shape, DType d, std::string_view fn) {
  // A draw inside a traced function would be one constant of the graph, the same every call.
  forbid_while_tracing("a random draw (it would be one constant of the graph)");
  const Tensor s = int64_vector(shape);
  const Tensor key = next_seed();
  return Op(op, fn).input(s).input(key).type("dtype", d).run1();
}

Array uniform(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_uniform");
  return wrap(draw("StatelessRandomUniform", shape, d, "random_uniform"));
}

Array normal(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_normal");
  return wrap(draw("StatelessRandomNormal", shape, d, "random_normal"));
}

// The order of n uniform float64 keys: a uniformly random permutation (ties have probability
// about n^2 / 2^53).
Array randperm(std::int64_t n, const Device& dev) {
  require_cpu(dev, "shuffle");
  const Tensor keys = draw("StatelessRandomUniform", {n}, DType::float64, "shuffle");
  const Tensor k = int32_scalar(n);
  std::vector<Tensor> top = Op("TopKV2", "shuffle").input(keys).input(k).run(2);
  return wrap(cast_to(top[1], DType::int64, "shuffle"));
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

}  // namespace ivy::backends::tensorflow_impl
