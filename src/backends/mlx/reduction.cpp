#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  return guarded("reduce", [&] {
    const mx::array& t = native(x);
    switch (op) {
      case ReduceOp::sum:  // MLX widens small integers; ivy keeps the dtype core chose
        return wrap(mx::astype(mx::sum(t, axes, keepdims), t.dtype()));
      case ReduceOp::prod:
        return wrap(mx::astype(mx::prod(t, axes, keepdims), t.dtype()));
      case ReduceOp::mean:
        return wrap(mx::mean(t, axes, keepdims));
      case ReduceOp::min:
        return wrap(mx::min(t, axes, keepdims));
      case ReduceOp::max:
        return wrap(mx::max(t, axes, keepdims));
      case ReduceOp::all:
        return wrap(mx::all(t, axes, keepdims));
      case ReduceOp::any:
        return wrap(mx::any(t, axes, keepdims));
    }
    return wrap(t);
  });
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  return guarded("arg_reduce", [&] {
    const mx::array& t = native(x);
    const mx::array i =
        op == ArgReduceOp::argmax ? mx::argmax(t, axis, keepdims) : mx::argmin(t, axis, keepdims);
    return wrap(mx::astype(i, mx::int64));  // MLX returns uint32
  });
}

Array scan(ScanOp op, const Array& x, int axis) {
  return guarded("scan", [&] {
    const mx::array& t = native(x);
    const mx::array r = op == ScanOp::cumsum ? mx::cumsum(t, axis) : mx::cumprod(t, axis);
    return wrap(mx::astype(r, t.dtype()));
  });
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::mlx_impl
