#include "ivy/core/dtype.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/random.hpp"
#include "ivy/stateful/layers.hpp"

namespace ivy {

Dropout::Dropout(double p) : Module("Dropout"), p_(p) {
  if (!(p >= 0.0 && p <= 1.0))
    detail::raise<ValueError>("Dropout", "core", "p must be in [0, 1], got " + std::to_string(p));
}

Array Dropout::forward(const Array& x, const Container& /*v*/) {
  if (!training() || p_ == 0.0) return x;
  const DType d = is_floating(x.dtype()) ? x.dtype() : kDefaultFloat;
  const Options opts = Options(d).on(x.backend()).to(x.device());
  if (p_ == 1.0) return zeros(x.shape(), opts);
  const Array keep = greater_equal(random_uniform(0.0, 1.0, x.shape(), opts), p_);
  return where(keep, divide(x, 1.0 - p_), 0.0);
}

}  // namespace ivy
