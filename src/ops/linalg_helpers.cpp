#include "ops/linalg_helpers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
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

bool all_finite(const Array& x) {
  if (x.size() == 0) return true;
  // 0 * x is +-0 where x is finite and NaN where it is not, so the sum is finite exactly when
  // every entry is (no overflow: only zeros are added). Two passes and one host read, where
  // all(isfinite(x)) costs five passes on LibTorch (its isfinite is four operations).
  const Array total = sum(multiply(x, 0.0));
  return x.dtype() == DType::float32 ? std::isfinite(total.item<float>())
                                     : std::isfinite(total.item<double>());
}

void require_finite(const Array& x, std::string_view fn, const Backend& b) {
  if (!all_finite(x))
    raise<ValueError>(
        fn, b.name, "the matrix of shape " + shape_str(x.shape()) + " has NaN or infinite entries");
}

Array narrowed(const Array& r, DType d) { return cast(r, d); }
SvdResult narrowed(SvdResult r, DType d) { return {cast(r.u, d), cast(r.s, d), cast(r.vh, d)}; }
EighResult narrowed(EighResult r, DType d) {
  return {cast(r.eigenvalues, d), cast(r.eigenvectors, d)};
}
QrResult narrowed(QrResult r, DType d) { return {cast(r.q, d), cast(r.r, d)}; }

Array slice_axis(const Array& x, int axis, std::int64_t start, std::int64_t stop) {
  const Shape s = x.shape();
  std::vector<SliceRange> ranges;
  for (std::int64_t d : s) ranges.push_back({0, d, 1});
  const int a = normalize_axis(axis, static_cast<int>(s.size()), "slice_axis", x.backend().name);
  ranges[static_cast<std::size_t>(a)] = {start, stop, 1};
  return slice_ranges(x, ranges);
}

Array matrix_diagonal(const Array& x) {
  // Entry (i, i) of a row-major [r, n] matrix is element i * (n + 1) of its flattened form: a
  // reshape and a strided slice, exact and cheap (no multiplication by an identity matrix).
  const Shape s = x.shape();
  const std::int64_t rows = s[s.size() - 2], n = s.back(), k = std::min(rows, n);
  Shape flat(s.begin(), s.end() - 2);
  flat.push_back(rows * n);
  std::vector<SliceRange> ranges;
  for (std::size_t d = 0; d + 1 < flat.size(); ++d) ranges.push_back({0, flat[d], 1});
  ranges.push_back({0, k == 0 ? 0 : (k - 1) * (n + 1) + 1, n + 1});
  return slice_ranges(reshape(x, flat), ranges);
}

Array batched_eye(const Array& x, const Shape& batch, std::int64_t n, std::int64_t m) {
  Shape s = batch;
  s.insert(s.end(), {n, m});
  return broadcast_to(eye(n, m, 0, Options(x.dtype()).on(x.backend()).to(x.device())), s);
}

const LinalgKernels& linalg(const Backend& b, std::string_view fn) {
  return family(b, &Backend::linalg, fn);
}

}  // namespace ivy::detail
