#pragma once
// The training demo's task: data, model and initial weights, the same on every backend.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"

namespace ivy_demo {

/** A regression data set on the host: inputs [n, 2] and targets [n, 1], row-major. */
struct HostData {
  std::int64_t n = 0;
  std::vector<float> x, y;
};

/**
 * n points uniform in [-1, 1]^2 from a fixed-seed std::mt19937 (its raw 32-bit outputs, which
 * the standard fixes, not a distribution, whose algorithm it does not), with targets
 * sin(pi x0) cos(pi x1) / 2 + x0 x1 / 4.
 */
HostData make_data(std::int64_t n, std::uint32_t seed);

/** 2 -> hidden -> hidden -> 1 with tanh between the layers. */
class Mlp : public ivy::Module {
 public:
  explicit Mlp(std::int64_t hidden);
  ivy::Array forward(const ivy::Array& x, const ivy::Container& v) override;

 private:
  std::shared_ptr<ivy::Linear> l0_, l1_, l2_;
};

/**
 * Glorot-uniform weights and zero biases for every leaf of `layout` (a built model's v()),
 * drawn on the host from a fixed-seed generator in key-chain order and created on `backend`:
 * every backend gets the same values.
 */
ivy::Container host_initial_weights(const ivy::Container& layout, const std::string& backend,
                                    std::uint32_t seed);

}  // namespace ivy_demo
