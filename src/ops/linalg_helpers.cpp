#include "ops/linalg_helpers.hpp"

#include <string>

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

void require_finite(const Array& x, std::string_view fn, const Backend& b) {
  if (x.size() > 0 && !all(isfinite(x)).item<bool>())
    raise<ValueError>(
        fn, b.name, "the matrix of shape " + shape_str(x.shape()) + " has NaN or infinite entries");
}

namespace {
// True where column - row <= k (lower) or >= k (upper), [m, n].
Array triangle_mask(const Array& x, std::int64_t k, bool lower) {
  const Options opts = Options(DType::int64).on(x.backend()).to(x.device());
  const Array rows = expand_dims(arange(x.dim(-2), opts), -1);
  const Array cols = arange(x.dim(-1), opts);
  const Array offset = subtract(cols, rows);
  return lower ? less_equal(offset, k) : greater_equal(offset, k);
}
}  // namespace

Array tril(const Array& x, std::int64_t k) { return where(triangle_mask(x, k, true), x, 0.0); }
Array triu(const Array& x, std::int64_t k) { return where(triangle_mask(x, k, false), x, 0.0); }

Array slice_axis(const Array& x, int axis, std::int64_t start, std::int64_t stop) {
  const Shape s = x.shape();
  std::vector<SliceRange> ranges;
  for (std::int64_t d : s) ranges.push_back({0, d, 1});
  const int a = normalize_axis(axis, static_cast<int>(s.size()), "slice_axis", x.backend().name);
  ranges[static_cast<std::size_t>(a)] = {start, stop, 1};
  return slice_ranges(x, ranges);
}

Array matrix_diagonal(const Array& x) {
  const Array id = eye(x.dim(-1), -1, 0, Options(x.dtype()).on(x.backend()).to(x.device()));
  return sum(multiply(x, id), {-1});
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
