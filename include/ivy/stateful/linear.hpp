#pragma once
/// ivy::Linear: the dense layer (the original ivy.Linear).
#include <cstdint>

#include "ivy/stateful/initializers.hpp"
#include "ivy/stateful/module.hpp"

namespace ivy {

/**
 * y = x @ w^T + b with variables w [out, in] (Glorot-uniform by default) and b [out] (zeros),
 * as ivy::linear. x is [..., in]; another last dimension is a ShapeError naming the layer.
 */
class Linear : public Module {
 public:
  Linear(std::int64_t in_channels, std::int64_t out_channels, bool bias = true,
         Initializer weight_init = Initializer::glorot_uniform(),
         Initializer bias_init = Initializer::zeros());

  Array forward(const Array& x, const Container& v) override;
  std::int64_t in_channels() const { return in_; }
  std::int64_t out_channels() const { return out_; }

 protected:
  Container create_variables(const Options& opts) override;

 private:
  std::int64_t in_;
  std::int64_t out_;
  bool bias_;
  Initializer weight_init_;
  Initializer bias_init_;
};

}  // namespace ivy
