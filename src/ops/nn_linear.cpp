#include <string>

#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/nn.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array linear(const Array& x, const Array& weight, const std::optional<Array>& bias) {
  const Backend& b = bias ? detail::common_backend("linear", {&x, &weight, &*bias})
                          : detail::common_backend("linear", {&x, &weight});
  DType d = promote_types(x.dtype(), weight.dtype());
  if (bias) d = promote_types(d, bias->dtype());
  if (is_bool(d)) detail::raise<DTypeError>("linear", b.name, "needs numeric dtypes, got bool");
  const Shape xs = x.shape(), ws = weight.shape();
  if (xs.empty() || ws.size() != 2 || xs.back() != ws[1])
    detail::raise<ShapeError>("linear", b.name,
                              "needs x [..., in] and weight [out, in], got x " + shape_str(xs) +
                                  " and weight " + shape_str(ws));
  if (bias && bias->shape() != Shape{ws[0]})
    detail::raise<ShapeError>(
        "linear", b.name,
        "bias must be [" + std::to_string(ws[0]) + "], got " + shape_str(bias->shape()));
  const Array y = matmul(x, swapaxes(weight, 0, 1));
  return bias ? add(y, *bias) : y;
}

}  // namespace ivy
