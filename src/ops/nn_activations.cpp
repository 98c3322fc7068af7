#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// Like the element-wise functions of floats: integer and bool inputs are computed in float32.
Array as_float(const Array& x, std::string_view fn) {
  detail::backend_of(fn, x);
  return is_floating(x.dtype()) ? x : cast(x, DType::float32);
}

}  // namespace

Array relu(const Array& x) {
  const Backend& b = detail::backend_of("relu", x);
  if (is_bool(x.dtype()))
    detail::raise<DTypeError>("relu", b.name, "needs a numeric dtype, got bool");
  return maximum(x, 0);
}

Array leaky_relu(const Array& x, double alpha) {
  const Array xf = as_float(x, "leaky_relu");
  return where(greater(xf, 0), xf, multiply(xf, alpha));
}

Array softmax(const Array& x, int axis) {
  const Backend& b = detail::backend_of("softmax", x);
  const int ax = detail::normalize_axis(axis, x.ndim(), "softmax", b.name);
  const Array xf = as_float(x, "softmax");
  // max of a zero-size axis is an error, and there is nothing to normalise.
  if (xf.size() == 0) return xf;
  const Array e = exp(subtract(xf, max(xf, ax, true)));
  return divide(e, sum(e, ax, true));
}

Array softplus(const Array& x) {
  const Array xf = as_float(x, "softplus");
  // x + log1p(e^-x) for x > 0 and log1p(e^x) otherwise: no overflow, and no kink (max, abs)
  // whose derivative at 0 depends on how an engine's autodiff splits ties. Each branch sees 0
  // where it is not taken, so its unused gradient stays finite.
  const Array positive = greater(xf, 0);
  const Array xp = where(positive, xf, 0), xn = where(positive, 0, xf);
  return where(positive, add(xp, log1p(exp(negative(xp)))), log1p(exp(xn)));
}

}  // namespace ivy

namespace ivy {

Array gelu(const Array& x, bool approximate) {
  const Array xf = as_float(x, "gelu");
  if (approximate) {
    // 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))
    const double k = 0.7978845608028654;  // sqrt(2 / pi)
    const Array inner = multiply(add(xf, multiply(multiply(multiply(xf, xf), xf), 0.044715)), k);
    return multiply(multiply(xf, 0.5), add(tanh(inner), 1));
  }
  const double r = 0.7071067811865476;  // 1 / sqrt(2)
  return multiply(multiply(xf, 0.5), add(erf(multiply(xf, r)), 1));
}

}  // namespace ivy
