#pragma once
/// Variable initializers (the original ivy.Initializer family): a function of the variable's
/// shape, its fans and the creation Options. Random ones draw from ivy's random functions, so
/// ivy::seed(n) makes them reproducible on a backend.
#include <cstdint>
#include <functional>
#include <string>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"
#include "ivy/core/shape.hpp"

namespace ivy {

/** The number of inputs and outputs feeding one unit (Glorot's and He's fan_in / fan_out). */
struct Fans {
  std::int64_t fan_in = 1;
  std::int64_t fan_out = 1;
};

/**
 * A named function (shape, fans, opts) -> Array. opts without a dtype give float32, without a
 * backend the current one.
 *
 *     ivy::Initializer init = ivy::Initializer::glorot_uniform();
 *     ivy::Array w = init({64, 3}, {3, 64},
 * ivy::Options(ivy::float64).on(ivy::backend("xtensor")));
 */
class Initializer {
 public:
  using Fn = std::function<Array(const Shape&, const Fans&, const Options&)>;
  Initializer(std::string name, Fn fn) : name_(std::move(name)), fn_(std::move(fn)) {}

  /** The values; fans that are not positive are a ValueError (for the fan-based ones). */
  Array operator()(const Shape& shape, const Fans& fans, const Options& opts = {}) const;
  const std::string& name() const { return name_; }

  /** All zeros / all ones / all `value`. */
  static Initializer zeros();
  static Initializer ones();
  static Initializer constant(double value);
  /** U[low, high); ValueError if low > high. */
  static Initializer uniform(double low = -0.05, double high = 0.05);
  /** N(mean, std^2); ValueError if std < 0. */
  static Initializer normal(double mean = 0.0, double std = 0.05);
  /** Glorot (Xavier) uniform: U(+-sqrt(6 / (fan_in + fan_out))). */
  static Initializer glorot_uniform();
  /** Glorot (Xavier) normal: N(0, 2 / (fan_in + fan_out)) (not truncated). */
  static Initializer glorot_normal();
  /** He (Kaiming) uniform: U(+-sqrt(6 / fan_in)). */
  static Initializer he_uniform();
  /** He (Kaiming) normal: N(0, 2 / fan_in) (not truncated). */
  static Initializer he_normal();

 private:
  std::string name_;
  Fn fn_;
};

/**
 * The fans of a dense weight or a convolution filter, Keras' rule: a [out, in] weight has
 * fan_in = in and fan_out = out; a filter [k..., a, b] has receptive field prod(k) and fans
 * prod(k) * a and prod(k) * b.
 */
Fans dense_fans(std::int64_t in, std::int64_t out);
Fans filter_fans(const Shape& filter_shape);

}  // namespace ivy
