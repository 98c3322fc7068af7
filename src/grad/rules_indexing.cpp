// Vector-Jacobian products of the indexing kernels: a gather's cotangent is added back at the
// gathered positions; a scatter's cotangent is gathered from the rows its updates landed on.
#include "grad/record.hpp"
#include "grad/scatter_back.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy::detail {
namespace {

// v [m] reshaped to [m, 1, ...] so that it broadcasts against rows of shape like's.
Array per_row(const Array& v, const Array& like) {
  Shape s(like.shape().size(), 1);
  s[0] = v.shape()[0];
  return reshape(v, s);
}

// Weights of the updates in a min/max/replace scatter: which update each output row took.
Array update_weights(ScatterReduction red, const Array& idx, const Array& updates, const Array& y) {
  const std::int64_t m = idx.shape()[0];
  if (red == ScatterReduction::replace) {
    // The last update in order wins: the largest update number landing on each row.
    const Array order = arange(m, Options(DType::int64).on(idx.backend()).to(idx.device()));
    const Array winner = scatter_flat(idx, order, y.shape()[0], "max");
    return per_row(cast(equal(take(winner, idx, 0), order), updates.dtype()), updates);
  }
  // min/max: every update equal to its row's result shares the row's cotangent evenly.
  const Array hit = cast(equal(updates, take(y, idx, 0)), updates.dtype());
  const Array count = scatter_nd(reshape(idx, {m, 1}), hit, y.shape(), "sum");
  return divide(hit, take(count, idx, 0));
}

}  // namespace

void record_take_along_axis(const Array& x, const Array& idx, int axis, Array& y) {
  record(y, {&x}, [idx = detached(idx), axis, xs = x.shape()](const Array& g, const Needs&) {
    return std::vector<Array>{scatter_back(gather(positions(g, xs), idx, axis), g, xs)};
  });
}

void record_take(const Array& x, const Array& idx, int axis, Array& y) {
  record(y, {&x}, [idx = detached(idx), axis, xs = x.shape()](const Array& g, const Needs&) {
    return std::vector<Array>{scatter_back(take(positions(g, xs), idx, axis), g, xs)};
  });
}

void record_scatter_rows(const Array& idx, const Array& updates, ScatterReduction reduction,
                         Array& y) {
  record(y, {&updates},
         [idx = detached(idx), u = detached(updates), y0 = detached(y), reduction](const Array& g,
                                                                                   const Needs&) {
           const Array rows = take(g, idx, 0);
           if (reduction == ScatterReduction::sum) return std::vector<Array>{rows};
           return std::vector<Array>{multiply(rows, update_weights(reduction, idx, u, y0))};
         });
}

}  // namespace ivy::detail
