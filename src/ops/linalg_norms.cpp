// vector_norm and matrix_norm: composites of element-wise ops, reductions and svd.
#include <cmath>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"
#include "ops/linalg_helpers.hpp"

namespace ivy {
namespace {

bool any_zero_size(const Shape& s, const std::vector<int>& axes) {
  for (int a : axes)
    if (s[a] == 0) return true;
  return false;
}

// matrix_norm's checked input: x as floats and its two (distinct, normalised) matrix axes.
struct MatrixAxes {
  Array xf;
  int rows, cols;
};

MatrixAxes matrix_axes(const Array& x, std::pair<int, int> axes, const Backend& b) {
  detail::require_matrices(x, "matrix_norm", b, false);
  Array xf = detail::as_float(x, "matrix_norm", b);
  const int nd = xf.ndim();
  const int r = detail::normalize_axis(axes.first, nd, "matrix_norm", b.name);
  const int c = detail::normalize_axis(axes.second, nd, "matrix_norm", b.name);
  if (r == c)
    detail::raise<ValueError>("matrix_norm", b.name,
                              "the two axes are the same: " + std::to_string(r));
  return {std::move(xf), r, c};
}

// The numeric orders and "nuc" (nuc = true; ord unused).
Array norm_by_order(const Array& x, double ord, bool nuc, std::pair<int, int> axes, bool keepdims) {
  const Backend& b = detail::backend_of("matrix_norm", x);
  const auto [xf, r, c] = matrix_axes(x, axes, b);
  const int nd = xf.ndim();
  const Shape s = xf.shape();
  if (s[r] == 0 || s[c] == 0)
    detail::raise<ValueError>("matrix_norm", b.name, "zero-size matrices of shape " + shape_str(s));
  Array out;
  if (nuc || ord == 2 || ord == -2) {
    // Singular values of the matrices moved to the last two axes.
    std::vector<int> perm;
    for (int i = 0; i < nd; ++i)
      if (i != r && i != c) perm.push_back(i);
    perm.push_back(r);
    perm.push_back(c);
    const Array sv = svd(transpose(xf, perm)).s;
    out = nuc ? sum(sv, {-1}) : ord > 0 ? max(sv, {-1}) : min(sv, {-1});
    if (keepdims) {
      out = expand_dims(out, std::min(r, c));
      out = expand_dims(out, std::max(r, c));
    }
    return out;
  }
  // 1 / -1: extreme column sum; inf / -inf: extreme row sum.
  const bool by_column = std::abs(ord) == 1;
  const int summed = by_column ? r : c, picked = by_column ? c : r;
  const Array sums = sum(abs(xf), {summed}, true);
  out = ord > 0 ? max(sums, {picked}, true) : min(sums, {picked}, true);
  return keepdims ? out : squeeze(out, {r, c});
}

}  // namespace

Array vector_norm(const Array& x, double ord, const Axes& axes, bool keepdims) {
  const Backend& b = detail::backend_of("vector_norm", x);
  const Array xf = detail::as_float(x, "vector_norm", b);
  const Shape s = xf.shape();
  const auto ax = detail::normalize_axes(axes, static_cast<int>(s.size()), "vector_norm", b.name);
  const Axes red(ax);
  if (std::isnan(ord)) detail::raise<ValueError>("vector_norm", b.name, "ord is NaN");
  if (std::isinf(ord)) {
    if (any_zero_size(s, ax))
      detail::raise<ValueError>("vector_norm", b.name,
                                "ord=+-inf over a zero-size axis of shape " + shape_str(s));
    return ord > 0 ? max(abs(xf), red, keepdims) : min(abs(xf), red, keepdims);
  }
  if (ord == 0) return sum(cast(not_equal(xf, 0.0), xf.dtype()), red, keepdims);
  if (ord == 1) return sum(abs(xf), red, keepdims);
  if (ord == 2) return sqrt(sum(multiply(xf, xf), red, keepdims));
  return pow(sum(pow(abs(xf), ord), red, keepdims), 1.0 / ord);
}

Array matrix_norm(const Array& x, std::string_view ord, std::pair<int, int> axes, bool keepdims) {
  const Backend& b = detail::backend_of("matrix_norm", x);
  if (ord != "fro" && ord != "nuc")
    detail::raise<ValueError>(
        "matrix_norm", b.name,
        "ord must be \"fro\", \"nuc\" or a number, got \"" + std::string(ord) + "\"");
  const auto [xf, r, c] = matrix_axes(x, axes, b);
  if (ord == "fro") return sqrt(sum(multiply(xf, xf), {r, c}, keepdims));
  return norm_by_order(x, 0.0, true, axes, keepdims);
}

Array matrix_norm(const Array& x, double ord, std::pair<int, int> axes, bool keepdims) {
  const Backend& b = detail::backend_of("matrix_norm", x);
  if (ord != 1 && ord != -1 && ord != 2 && ord != -2 && !std::isinf(ord))
    detail::raise<ValueError>(
        "matrix_norm", b.name,
        "ord must be 1, -1, 2, -2, inf, -inf, \"fro\" or \"nuc\", got " + std::to_string(ord));
  return norm_by_order(x, ord, false, axes, keepdims);
}

}  // namespace ivy
