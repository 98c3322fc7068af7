#include "train_task.hpp"

#include <cmath>
#include <numbers>
#include <random>

namespace ivy_demo {

namespace {

// A float in [0, 1) from the generator's 32 raw bits: the same on every standard library.
float unit(std::mt19937& gen) { return static_cast<float>(gen() >> 8) * 0x1p-24f; }

float target(float x0, float x1) {
  const float pi = std::numbers::pi_v<float>;
  return 0.5f * std::sin(pi * x0) * std::cos(pi * x1) + 0.25f * x0 * x1;
}

}  // namespace

HostData make_data(std::int64_t n, std::uint32_t seed) {
  std::mt19937 gen(seed);
  HostData d{n, {}, {}};
  for (std::int64_t i = 0; i < n; ++i) {
    const float x0 = 2.0f * unit(gen) - 1.0f;
    const float x1 = 2.0f * unit(gen) - 1.0f;
    d.x.push_back(x0);
    d.x.push_back(x1);
    d.y.push_back(target(x0, x1));
  }
  return d;
}

Mlp::Mlp(std::int64_t hidden)
    : ivy::Module("Mlp"),
      l0_(register_module("linear0", std::make_shared<ivy::Linear>(2, hidden))),
      l1_(register_module("linear1", std::make_shared<ivy::Linear>(hidden, hidden))),
      l2_(register_module("linear2", std::make_shared<ivy::Linear>(hidden, 1))) {}

ivy::Array Mlp::forward(const ivy::Array& x, const ivy::Container& v) {
  const ivy::Array h0 = ivy::tanh((*l0_)(x, v["linear0"]));
  const ivy::Array h1 = ivy::tanh((*l1_)(h0, v["linear1"]));
  return (*l2_)(h1, v["linear2"]);
}

ivy::Container host_initial_weights(const ivy::Container& layout, const std::string& backend,
                                    std::uint32_t seed) {
  std::mt19937 gen(seed);
  ivy::Container out;
  for (const auto& [key_chain, leaf] : layout.flatten()) {
    const ivy::Shape shape = leaf.array().shape();
    std::int64_t size = 1;
    for (const std::int64_t d : shape) size *= d;
    std::vector<float> values(static_cast<std::size_t>(size), 0.0f);
    if (shape.size() == 2) {  // a weight [out, in]
      const float limit = std::sqrt(6.0f / static_cast<float>(shape[0] + shape[1]));
      for (float& w : values) w = limit * (2.0f * unit(gen) - 1.0f);
    }
    out.set_at_key_chain(key_chain, ivy::array(values, shape, ivy::backend(backend)));
  }
  return out;
}

}  // namespace ivy_demo
