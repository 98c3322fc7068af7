#pragma once
// The hooks src/ops calls right after each primitive kernel call, so that inside a gradient
// computation the call lands on the tape with its vector-Jacobian product:
//
//   Array y = k.unary(op, x);
//   IVY_RECORD(record_unary(op, x, y));
//   return y;
//
// Outside a gradient computation IVY_RECORD costs one predictable branch. Private to the
// library; the rules live in src/grad/rules_<family>.cpp.
#include <cstdint>
#include <utility>
#include <vector>

#include "grad/tape.hpp"
#include "ivy/backend/contract.hpp"

#define IVY_RECORD(call)                \
  do {                                  \
    if (::ivy::detail::recording()) {   \
      [[unlikely]] ::ivy::detail::call; \
    }                                   \
  } while (0)

namespace ivy::detail {

void record_cast(const Array& x, Array& y);
void record_unary(UnaryOp op, const Array& x, Array& y);
void record_binary(BinaryOp op, const Array& a, const Array& b, Array& y);
void record_where(const Array& cond, const Array& a, const Array& b, Array& y);

void record_reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims,
                   Array& y);
void record_scan(ScanOp op, const Array& x, int axis, Array& y);

void record_reshape(const Array& x, Array& y);
void record_broadcast_to(const Array& x, Array& y);
void record_transpose(const Array& x, const std::vector<int>& perm, Array& y);
void record_concat(const std::vector<Array>& xs, int axis, Array& y);
void record_flip(const Array& x, const std::vector<int>& axes, Array& y);
void record_slice(const Array& x, const std::vector<SliceRange>& ranges, Array& y);
void record_pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
                Array& y);
void record_sort(const Array& x, int axis, bool descending, Array& y);

void record_take_along_axis(const Array& x, const Array& idx, int axis, Array& y);
void record_take(const Array& x, const Array& idx, int axis, Array& y);
void record_scatter_rows(const Array& idx, const Array& updates, ScatterReduction reduction,
                         Array& y);

void record_matmul(const Array& a, const Array& b, Array& y);
void record_inv(const Array& x, Array& y);
void record_det(const Array& x, Array& y);
void record_solve(const Array& a, const Array& b, Array& y);
void record_svd(const Array& x, SvdResult& r, bool full_matrices);
void record_cholesky(const Array& x, Array& l);
void record_eigh(const Array& x, EighResult& r);
void record_qr(const Array& x, QrResult& r, bool complete);

void record_to_device(const Array& x, Array& y);
void record_to_backend(const Array& x, Array& y);

}  // namespace ivy::detail
