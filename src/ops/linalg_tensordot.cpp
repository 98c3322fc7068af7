// tensordot and vecdot: contractions written as one einsum (the engines' own contraction,
// differentiable through einsum's rule), once in C++ for every backend and for Python.
#include <algorithm>
#include <string>
#include <vector>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

std::string axes_str(const std::vector<int>& a) {
  std::string s = "[";
  for (std::size_t i = 0; i < a.size(); ++i) s += (i ? ", " : "") + std::to_string(a[i]);
  return s + "]";
}

// Normalised axes of one operand, each in range (IndexError) and distinct (ValueError).
std::vector<int> checked_axes(const std::vector<int>& axes, int ndim, const Backend& b) {
  std::vector<int> out;
  for (int a : axes) out.push_back(detail::normalize_axis(a, ndim, "tensordot", b.name));
  std::vector<int> sorted = out;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
    detail::raise<ValueError>("tensordot", b.name, "repeated axis in " + axes_str(axes));
  return out;
}

}  // namespace

Array tensordot(const Array& x1, const Array& x2, const std::vector<int>& axes1,
                const std::vector<int>& axes2) {
  const Backend& b = detail::common_backend("tensordot", {&x1, &x2});
  const int n1 = x1.ndim(), n2 = x2.ndim();
  if (axes1.size() != axes2.size())
    detail::raise<ValueError>(
        "tensordot", b.name,
        "axes " + axes_str(axes1) + " and " + axes_str(axes2) + " pair different numbers of axes");
  if (static_cast<std::size_t>(n1 + n2) > kLetters.size())
    detail::raise<ValueError>("tensordot", b.name,
                              "ranks " + std::to_string(n1) + " + " + std::to_string(n2) +
                                  " exceed " + std::to_string(kLetters.size()));
  const std::vector<int> a1 = checked_axes(axes1, n1, b), a2 = checked_axes(axes2, n2, b);
  std::string s1(kLetters.substr(0, n1)), s2(kLetters.substr(n1, n2));
  for (std::size_t i = 0; i < a1.size(); ++i) {
    if (x1.dim(a1[i]) != x2.dim(a2[i]))
      detail::raise<ShapeError>("tensordot", b.name,
                                "contracted axes differ: " + shape_str(x1.shape()) + " axis " +
                                    std::to_string(a1[i]) + " and " + shape_str(x2.shape()) +
                                    " axis " + std::to_string(a2[i]));
    s2[a2[i]] = s1[a1[i]];
  }
  std::string out;
  for (int k = 0; k < n1; ++k)
    if (std::find(a1.begin(), a1.end(), k) == a1.end()) out += s1[k];
  for (int k = 0; k < n2; ++k)
    if (std::find(a2.begin(), a2.end(), k) == a2.end()) out += s2[k];
  return einsum(s1 + "," + s2 + "->" + out, {x1, x2});
}

Array tensordot(const Array& x1, const Array& x2, int n) {
  const Backend& b = detail::common_backend("tensordot", {&x1, &x2});
  const int n1 = x1.ndim(), n2 = x2.ndim();
  if (n < 0 || n > std::min(n1, n2))
    detail::raise<ValueError>("tensordot", b.name,
                              "axes=" + std::to_string(n) + " must be in [0, " +
                                  std::to_string(std::min(n1, n2)) + "] for ranks " +
                                  std::to_string(n1) + " and " + std::to_string(n2));
  std::vector<int> a1, a2;
  for (int i = 0; i < n; ++i) {
    a1.push_back(n1 - n + i);
    a2.push_back(i);
  }
  return tensordot(x1, x2, a1, a2);
}

Array vecdot(const Array& x1, const Array& x2, int axis) {
  const Backend& b = detail::common_backend("vecdot", {&x1, &x2});
  const int nd = std::max(x1.ndim(), x2.ndim());
  const int ax = detail::normalize_axis(axis, nd, "vecdot", b.name);
  // The axis counts in the broadcast shape; each operand's own axis is offset by its rank.
  const auto length = [&](const Array& x) -> std::int64_t {
    const int own = ax - (nd - x.ndim());
    if (own < 0)
      detail::raise<IndexError>(
          "vecdot", b.name,
          "axis " + std::to_string(axis) + " is not an axis of shape " + shape_str(x.shape()));
    return x.dim(own);
  };
  if (length(x1) != length(x2))
    detail::raise<ShapeError>("vecdot", b.name,
                              "axis " + std::to_string(axis) + " has size " +
                                  std::to_string(length(x1)) + " in " + shape_str(x1.shape()) +
                                  " and " + std::to_string(length(x2)) + " in " +
                                  shape_str(x2.shape()));
  const Array prod = multiply(x1, x2);
  // ivy::sum widens integers to int64; the Array API keeps the promoted dtype.
  const Array s = sum(prod, Axes{ax}, false);
  return s.dtype() == prod.dtype() ? s : cast(s, prod.dtype());
}

}  // namespace ivy
