// The Array API's set functions (unique_values, unique_counts, unique_inverse, unique_all),
// once in C++ for every backend and for Python: one stable argsort, then run boundaries.
#include <utility>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

UniqueResult unique_of(const Array& x, std::string_view fn) {
  const Backend& b = detail::backend_of(fn, x);
  const Options i64 = Options(DType::int64).on(b).to(x.device());
  const std::int64_t n = x.size();
  const Array flat = reshape(x, {n});
  if (n == 0) {
    const Array empty = zeros({0}, i64);
    return {flat, empty, reshape(empty, x.shape()), empty};
  }
  // Stable: the first of equal values comes first, so a run's start is its first occurrence.
  const Array order = argsort(flat, 0, false, true);
  const Array sorted = take(flat, order, 0);
  const Array next = slice(sorted, {Slice{1, std::nullopt, 1}});
  Array differs = not_equal(next, slice(sorted, {Slice{std::nullopt, n - 1, 1}}));
  if (is_floating(x.dtype())) differs = logical_or(differs, isnan(next));  // NaNs are distinct
  const Array starts = concat({ones({1}, Options(DType::bool_).on(b).to(x.device())), differs});
  const Array where = indices_where(starts);  // [runs, 1]: run starts in sorted order
  const Array positions = reshape(where, {where.dim(0)});
  const Array ends = concat({slice(positions, {Slice{1, std::nullopt, 1}}), full({1}, n, i64)});
  // Each sorted element's run: the inclusive count of starts so far, minus one.
  const Array run = subtract(cumsum(cast(starts, DType::int64), 0), std::int64_t{1});
  const Array inverse = scatter_flat(order, run, n, "replace");
  return {take(sorted, positions, 0), take(order, positions, 0), reshape(inverse, x.shape()),
          subtract(ends, positions)};
}

}  // namespace

UniqueResult unique_all(const Array& x) { return unique_of(x, "unique_all"); }

Array unique_values(const Array& x) { return unique_of(x, "unique_values").values; }

std::pair<Array, Array> unique_counts(const Array& x) {
  UniqueResult r = unique_of(x, "unique_counts");
  return {std::move(r.values), std::move(r.counts)};
}

std::pair<Array, Array> unique_inverse(const Array& x) {
  UniqueResult r = unique_of(x, "unique_inverse");
  return {std::move(r.values), std::move(r.inverse_indices)};
}

}  // namespace ivy
