// clip_vector_norm and clip_matrix_norm: the original Ivy's gradient-clipping helpers, x scaled
// down by max_norm / (norm + 1e-12) where its norm exceeds max_norm, unchanged elsewhere.
#include <cmath>
#include <sstream>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ops/dispatch.hpp"
#include "ops/linalg_helpers.hpp"

namespace ivy {
namespace {

std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

void check_max_norm(double max_norm, std::string_view fn, const Backend& b) {
  if (!(max_norm >= 0))  // also NaN
    detail::raise<ValueError>(fn, b.name, "max_norm must be >= 0, got " + num(max_norm));
}

// x times max_norm / (norm + 1e-12) where that ratio is below 1 (the original's stable_divide
// with its default min_denominator), else x.
Array scaled_down(const Array& xf, const Array& norm, double max_norm) {
  const Array ratio = divide(max_norm, add(norm, 1e-12));
  return where(less(ratio, 1), multiply(xf, ratio), xf);
}

}  // namespace

Array clip_vector_norm(const Array& x, double max_norm, double p) {
  constexpr std::string_view fn = "clip_vector_norm";
  const Backend& b = detail::backend_of(fn, x);
  const Array xf = detail::as_float(x, fn, b);
  check_max_norm(max_norm, fn, b);
  if (std::isnan(p)) detail::raise<ValueError>(fn, b.name, "p must not be NaN");
  if (xf.size() == 0) return xf;
  // One norm of all elements, as the original (vector_norm of the whole array), with |x|.
  return scaled_down(xf, vector_norm(xf, p, Axes::all(), true), max_norm);
}

Array clip_matrix_norm(const Array& x, double max_norm, double p) {
  constexpr std::string_view fn = "clip_matrix_norm";
  const Backend& b = detail::backend_of(fn, x);
  detail::require_matrices(x, fn, b, false);
  const Array xf = detail::as_float(x, fn, b);
  check_max_norm(max_norm, fn, b);
  if (!(p == 1 || p == -1 || p == 2 || p == -2 || std::isinf(p)))
    detail::raise<ValueError>(fn, b.name,
                              "p must be 1, -1, 2, -2, inf or -inf (numpy.linalg.norm's matrix "
                              "orders), got " +
                                  num(p));
  if (xf.size() == 0) return xf;
  // Each matrix of the last two axes by its own norm.
  return scaled_down(xf, matrix_norm(xf, p, {-2, -1}, true), max_norm);
}

}  // namespace ivy
