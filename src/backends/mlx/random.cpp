#include <mlx/random.h>

#include <cmath>
#include <numbers>

#include "backends/mlx/float64_math.hpp"
#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

// MLX's global PRNG key is the mlx backend's state.
void seed(std::uint64_t value) { mx::random::seed(value); }

// MLX draws floats up to 32 bits; float64 uniforms are built from 53 random bits, centred in
// their interval so that 0 and 1 are never drawn (the logarithm below needs that).
mx::array uniform64_open(const mx::Shape& shape) {
  const mx::array hi =
      mx::astype(mx::right_shift(mx::random::bits(shape), mx::array(5u)), mx::float64);
  const mx::array lo =
      mx::astype(mx::right_shift(mx::random::bits(shape), mx::array(6u)), mx::float64);
  const mx::array k = mx::add(mx::multiply(hi, f64(67108864.0)), lo);  // hi * 2^26 + lo
  return mx::multiply(mx::add(k, f64(0.5)), f64(std::ldexp(1.0, -53)));
}

Array uniform(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_uniform");
  return guarded("random_uniform", [&] {
    const mx::Shape s = to_mlx_shape(shape, "random_uniform");
    if (d != DType::float64) return wrap(mx::random::uniform(s, to_mlx(d)));
    // [0, 1): the centred value is below 1 by half a step.
    return wrap(mx::subtract(uniform64_open(s), f64(std::ldexp(1.0, -54))));
  });
}

Array normal(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_normal");
  return guarded("random_normal", [&] {
    const mx::Shape s = to_mlx_shape(shape, "random_normal");
    if (d != DType::float64) return wrap(mx::random::normal(s, to_mlx(d)));
    // Box-Muller on two open-interval uniforms, with float64 log and cosine (MLX's erfinv has
    // float32 precision: u within 6e-8 of 0 or 1 would map to an infinite sample).
    const mx::array radius = mx::sqrt(mx::multiply(f64(-2.0), mx::log(uniform64_open(s))));
    const mx::array angle = mx::multiply(uniform64_open(s), f64(2.0 * std::numbers::pi));
    return wrap(mx::multiply(radius, cos64(angle)));
  });
}

Array randperm(std::int64_t n, const Device& dev) {
  require_cpu(dev, "shuffle");
  return guarded("shuffle", [&] {
    return wrap(mx::astype(mx::random::permutation(to_mlx_int(n, "shuffle")), mx::int64));
  });
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

}  // namespace ivy::backends::mlx_impl
