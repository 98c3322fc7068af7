#include "ops/linalg_helpers.hpp"

#include <string>

#include "ivy/ops/conversion.hpp"
#include "ops/dispatch.hpp"

namespace ivy::detail {

Array as_float(const Array& x, std::string_view fn, const Backend& b) {
  if (is_bool(x.dtype()))
    raise<DTypeError>(fn, b.name,
                      "needs a numeric dtype, got bool of shape " + shape_str(x.shape()));
  return is_floating(x.dtype()) ? x : cast(x, kDefaultFloat);
}

void require_matrices(const Array& x, std::string_view fn, const Backend& b, bool square) {
  const Shape s = x.shape();
  if (s.size() < 2)
    raise<ShapeError>(fn, b.name, "needs matrices [..., m, n], got shape " + shape_str(s));
  if (square && s[s.size() - 1] != s[s.size() - 2])
    raise<ShapeError>(fn, b.name, "needs square matrices [..., n, n], got shape " + shape_str(s));
}

const LinalgKernels& linalg(const Backend& b, std::string_view fn) {
  return family(b, &Backend::linalg, fn);
}

}  // namespace ivy::detail
