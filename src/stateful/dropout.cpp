#include "ivy/core/dtype.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/stateful/layers.hpp"

namespace ivy {

Dropout::Dropout(double p) : Module("Dropout"), p_(p) {
  if (!(p >= 0.0 && p <= 1.0))
    detail::raise<ValueError>("Dropout", "core", "p must be in [0, 1], got " + std::to_string(p));
}

Array Dropout::forward(const Array& x, const Container& /*v*/) {
  if (!training() || p_ == 0.0) return x;
  return dropout(x, p_);  // the functional dropout of ivy/ops/nn.hpp
}

}  // namespace ivy
