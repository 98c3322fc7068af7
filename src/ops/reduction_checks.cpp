// Whole-array checks that answer one question: has_nans and array_equal (the original Ivy's
// general functions), composed of element-wise tests and all/any.
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array has_nans(const Array& x, bool include_infs) {
  const Backend& b = detail::backend_of("has_nans", x);
  // Integers and bools hold no NaN or infinity.
  if (!is_floating(x.dtype()))
    return full(Shape{}, false, Options(DType::bool_).on(b).to(x.device()));
  // Element by element, not the original's isnan(sum(x)): a sum of large finite values
  // overflows to inf and would be reported.
  return any(include_infs ? logical_not(isfinite(x)) : isnan(x));
}

bool array_equal(const Array& x, const Array& y) {
  detail::common_backend("array_equal", {&x, &y});
  if (x.shape() != y.shape()) return false;  // numpy.array_equal: no broadcasting, no error
  if (x.size() == 0) return true;
  return all(equal(x, y)).item<bool>();
}

}  // namespace ivy
