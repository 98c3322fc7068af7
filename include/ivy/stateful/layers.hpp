#pragma once
/// Layers without learned spatial structure: Dropout, LayerNorm and Sequential.
#include <concepts>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ivy/stateful/initializers.hpp"
#include "ivy/stateful/module.hpp"

namespace ivy {

/**
 * In training mode, each element is zeroed with probability p and the others are scaled by
 * 1 / (1 - p) (inverted dropout, so the expectation is unchanged); p = 1 gives zeros. In
 * evaluation mode (eval()) it is the identity. No variables; a p outside [0, 1] is a
 * ValueError. The mask is drawn with ivy::random_uniform (ivy::seed makes it reproducible).
 */
class Dropout : public Module {
 public:
  explicit Dropout(double p);
  Array forward(const Array& x, const Container& v) override;
  double p() const { return p_; }

 private:
  double p_;
};

/**
 * (x - mean) / sqrt(var + eps) * weight + bias over the trailing dimensions given by
 * normalized_shape (population variance). Variables weight (ones) and bias (zeros) of
 * normalized_shape when elementwise_affine. Trailing dimensions that differ are a ShapeError
 * naming the layer; an empty normalized_shape or a negative eps a ValueError.
 */
class LayerNorm : public Module {
 public:
  explicit LayerNorm(Shape normalized_shape, double eps = 1e-5, bool elementwise_affine = true);
  Array forward(const Array& x, const Container& v) override;

 protected:
  Container create_variables(const Options& opts) override;

 private:
  Shape shape_;
  double eps_;
  bool affine_;
};

/**
 * The modules applied in turn. Child i's variables are under "layer<i>", i zero-padded to the
 * width of the largest index (layer00 ... layer11 for 12 modules) so that key order is layer
 * order.
 *
 *     ivy::Sequential net(ivy::Linear(3, 8), ivy::Dropout(0.1), ivy::Linear(8, 1));
 */
class Sequential : public Module {
 public:
  explicit Sequential(std::vector<std::shared_ptr<Module>> modules);
  template <class... M>
  requires(std::derived_from<M, Module>&&...) explicit Sequential(M... modules)
      : Sequential(
            std::vector<std::shared_ptr<Module>>{std::make_shared<M>(std::move(modules))...}) {}

  Array forward(const Array& x, const Container& v) override;
  /** The key of child i in v(). */
  const std::string& key(std::size_t i) const { return keys_.at(i); }
  std::size_t size() const { return keys_.size(); }

 private:
  std::vector<std::string> keys_;
};

}  // namespace ivy
