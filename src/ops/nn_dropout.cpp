// The original Ivy's functional dropout: a random mask from random_uniform.
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/ops/random.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array dropout(const Array& x, double prob, bool scale) {
  constexpr std::string_view fn = "dropout";
  const Backend& b = detail::backend_of(fn, x);
  if (!(prob >= 0.0 && prob <= 1.0))
    detail::raise<ValueError>(fn, b.name, "prob must be in [0, 1], got " + std::to_string(prob));
  if (is_bool(x.dtype())) detail::raise<DTypeError>(fn, b.name, "x must be numeric, got bool");
  const Array xf = is_floating(x.dtype()) ? x : cast(x, DType::float32);
  if (prob == 0.0) return xf;
  const Options opts = Options(xf.dtype()).on(b).to(xf.device());
  if (prob == 1.0) return zeros(xf.shape(), opts);
  // Dropped where u < prob, as the original: kept with probability 1 - prob.
  const Array keep = greater_equal(random_uniform(0.0, 1.0, xf.shape(), opts), prob);
  return where(keep, scale ? divide(xf, 1.0 - prob) : xf, 0.0);
}

}  // namespace ivy
