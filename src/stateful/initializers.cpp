#include "ivy/stateful/initializers.hpp"

#include <cmath>

#include "ivy/core/dtype.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/random.hpp"

namespace ivy {

namespace {

Options resolved(const Options& opts) {
  Options o = opts;
  if (!o.dtype) o.dtype = kDefaultFloat;
  if (!o.backend) o.backend = &current_backend();
  return o;
}

void require_positive(const std::string& name, const Fans& f, const Options& o) {
  if (f.fan_in <= 0 || f.fan_out <= 0)
    detail::raise<ValueError>("Initializer::" + name, backend_name(*o.backend),
                              "fans must be positive, got fan_in " + std::to_string(f.fan_in) +
                                  " and fan_out " + std::to_string(f.fan_out));
}

Initializer uniform_limit(const std::string& name, double (*limit)(const Fans&)) {
  return Initializer(name, [name, limit](const Shape& s, const Fans& f, const Options& o) {
    require_positive(name, f, o);
    const double a = limit(f);
    return random_uniform(-a, a, s, o);
  });
}

Initializer normal_std(const std::string& name, double (*std_of)(const Fans&)) {
  return Initializer(name, [name, std_of](const Shape& s, const Fans& f, const Options& o) {
    require_positive(name, f, o);
    return random_normal(0.0, std_of(f), s, o);
  });
}

}  // namespace

Array Initializer::operator()(const Shape& shape, const Fans& fans, const Options& opts) const {
  return fn_(shape, fans, resolved(opts));
}

Initializer Initializer::zeros() {
  return Initializer(
      "zeros", [](const Shape& s, const Fans&, const Options& o) { return ivy::zeros(s, o); });
}

Initializer Initializer::ones() {
  return Initializer("ones",
                     [](const Shape& s, const Fans&, const Options& o) { return ivy::ones(s, o); });
}

Initializer Initializer::constant(double value) {
  return Initializer("constant", [value](const Shape& s, const Fans&, const Options& o) {
    return full(s, value, o);
  });
}

Initializer Initializer::uniform(double low, double high) {
  return Initializer("uniform", [low, high](const Shape& s, const Fans&, const Options& o) {
    return random_uniform(low, high, s, o);
  });
}

Initializer Initializer::normal(double mean, double std) {
  return Initializer("normal", [mean, std](const Shape& s, const Fans&, const Options& o) {
    return random_normal(mean, std, s, o);
  });
}

Initializer Initializer::glorot_uniform() {
  return uniform_limit("glorot_uniform", [](const Fans& f) {
    return std::sqrt(6.0 / static_cast<double>(f.fan_in + f.fan_out));
  });
}

Initializer Initializer::glorot_normal() {
  return normal_std("glorot_normal", [](const Fans& f) {
    return std::sqrt(2.0 / static_cast<double>(f.fan_in + f.fan_out));
  });
}

Initializer Initializer::he_uniform() {
  return uniform_limit(
      "he_uniform", [](const Fans& f) { return std::sqrt(6.0 / static_cast<double>(f.fan_in)); });
}

Initializer Initializer::he_normal() {
  return normal_std("he_normal",
                    [](const Fans& f) { return std::sqrt(2.0 / static_cast<double>(f.fan_in)); });
}

Fans dense_fans(std::int64_t in, std::int64_t out) { return Fans{in, out}; }

Fans filter_fans(const Shape& filter_shape) {
  if (filter_shape.size() < 2)
    detail::raise<ShapeError>(
        "filter_fans", "core",
        "a filter shape needs at least 2 dimensions, got " + shape_str(filter_shape));
  std::int64_t field = 1;
  for (std::size_t i = 0; i + 2 < filter_shape.size(); ++i) field *= filter_shape[i];
  return Fans{field * filter_shape[filter_shape.size() - 2],
              field * filter_shape[filter_shape.size() - 1]};
}

}  // namespace ivy
