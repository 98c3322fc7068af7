// layer_norm: the original Ivy's functional layer normalisation, as a composite of mean, var
// and the element-wise functions.
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view kFn = "layer_norm";

// scale and offset multiply and add element-wise: they may broadcast to x's shape, not grow it.
void check_affine(const Array& x, const std::optional<Array>& p, const char* what,
                  const Backend& b) {
  if (!p) return;
  detail::common_backend(kFn, {&x, &*p});
  if (detail::broadcast_shapes(x.shape(), p->shape(), kFn, b.name) != x.shape())
    detail::raise<ShapeError>(kFn, b.name,
                              std::string(what) + " of shape " + shape_str(p->shape()) +
                                  " does not broadcast to x's shape " + shape_str(x.shape()));
  if (is_bool(p->dtype()))
    detail::raise<DTypeError>(kFn, b.name, std::string(what) + " must be numeric, got bool");
}

}  // namespace

Array layer_norm(const Array& x, const Axes& normalized_idxs, double epsilon,
                 const std::optional<Array>& scale, const std::optional<Array>& offset) {
  const Backend& b = detail::backend_of(kFn, x);
  if (!normalized_idxs.is_all() && normalized_idxs.values().empty())
    detail::raise<ValueError>(kFn, b.name, "normalized_idxs is empty");
  if (!(epsilon >= 0))
    detail::raise<ValueError>(kFn, b.name,
                              "epsilon must be non-negative, got " + std::to_string(epsilon));
  const std::vector<int> axes = detail::normalize_axes(normalized_idxs, x.ndim(), kFn, b.name);
  if (is_bool(x.dtype())) detail::raise<DTypeError>(kFn, b.name, "x must be numeric, got bool");
  check_affine(x, scale, "scale", b);
  check_affine(x, offset, "offset", b);
  const Array xf = is_floating(x.dtype()) ? x : cast(x, DType::float32);
  const Array mu = mean(xf, axes, true);
  const Array centred = subtract(xf, mu);
  // var is mean((x - mu)^2), computed from the centred values that are already there.
  const Array v = mean(multiply(centred, centred), axes, true);
  Array y = divide(centred, sqrt(add(v, epsilon)));
  if (scale) y = multiply(y, *scale);
  if (offset) y = add(y, *offset);
  return y;
}

}  // namespace ivy
