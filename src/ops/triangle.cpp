// tril and triu: the triangles of the matrices in the last two axes, as the Array API defines
// them (creation functions on an array argument).
#include <algorithm>
#include <cstdint>
#include <vector>

#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// True where column - row <= k (lower) or >= k (upper), [m, n]. Built on the host and copied
// once: one operation instead of the five an arange-based mask costs on every call.
Array triangle_mask(const Array& x, std::int64_t k, bool lower) {
  const std::int64_t m = x.dim(-2), n = x.dim(-1);
  // Beyond these bounds every k gives the same mask; clamping keeps i + k from overflowing.
  k = std::clamp<std::int64_t>(k, -m - 1, n + 1);
  // Row i is true on columns [0, i + k] (lower) or [i + k, n) (upper).
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(m * n), lower ? 0 : 1);
  for (std::int64_t i = 0; i < m; ++i) {
    const std::int64_t edge = std::clamp<std::int64_t>(i + k + (lower ? 1 : 0), 0, n);
    std::fill_n(mask.begin() + i * n, edge, lower ? 1 : 0);
  }
  return from_buffer(mask.data(), {m, n}, DType::bool_,
                     Options(DType::bool_).on(x.backend()).to(x.device()));
}

Array triangle(const Array& x, std::int64_t k, bool lower, std::string_view fn) {
  const Backend& b = detail::backend_of(fn, x);
  if (x.ndim() < 2)
    detail::raise<ShapeError>(fn, b.name,
                              "needs matrices [..., m, n], got shape " + shape_str(x.shape()));
  return where(triangle_mask(x, k, lower), x, zeros_like(x));
}

}  // namespace

Array tril(const Array& x, std::int64_t k) { return triangle(x, k, true, "tril"); }
Array triu(const Array& x, std::int64_t k) { return triangle(x, k, false, "triu"); }

}  // namespace ivy
