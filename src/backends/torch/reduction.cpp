#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

// Reduces one axis at a time, highest first, for the reductions LibTorch takes one dim for.
template <class F>
at::Tensor per_axis(at::Tensor t, const std::vector<int>& axes, bool keepdims, F f) {
  for (auto it = axes.rbegin(); it != axes.rend(); ++it) t = f(t, *it, keepdims);
  return t;
}

const char* reduce_name(ReduceOp op) {
  static constexpr const char* names[] = {"sum", "prod", "mean", "min", "max", "all", "any"};
  return names[static_cast<int>(op)];
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  return guarded(reduce_name(op), [&] {
    const at::Tensor& t = tensor(x);
    const c10::SmallVector<int64_t, 8> dims(axes.begin(), axes.end());  // no heap for <= 8 axes
    switch (op) {
      case ReduceOp::sum:
        return wrap(at::sum(t, dims, keepdims, t.scalar_type()));
      case ReduceOp::mean:
        return wrap(at::mean(t, dims, keepdims));
      case ReduceOp::min:
        return wrap(at::amin(t, dims, keepdims));
      case ReduceOp::max:
        return wrap(at::amax(t, dims, keepdims));
      case ReduceOp::prod:
        return wrap(narrowed(per_axis(widened(t), axes, keepdims,
                                      [&](const at::Tensor& u, int a, bool k) {
                                        return at::prod(u, a, k, u.scalar_type());
                                      }),
                             t));
      case ReduceOp::all:
        return wrap(per_axis(t, axes, keepdims,
                             [](const at::Tensor& u, int a, bool k) { return at::all(u, a, k); }));
      case ReduceOp::any:
        return wrap(per_axis(t, axes, keepdims,
                             [](const at::Tensor& u, int a, bool k) { return at::any(u, a, k); }));
    }
    return wrap(t);
  });
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  return guarded(op == ArgReduceOp::argmax ? "argmax" : "argmin", [&] {
    const at::Tensor& t = tensor(x);
    return wrap(op == ArgReduceOp::argmax ? at::argmax(t, axis, keepdims)
                                          : at::argmin(t, axis, keepdims));
  });
}

Array scan(ScanOp op, const Array& x, int axis) {
  return guarded(op == ScanOp::cumsum ? "cumsum" : "cumprod", [&] {
    const at::Tensor& t = tensor(x);
    const at::Tensor w = widened(t);
    return wrap(narrowed(op == ScanOp::cumsum ? at::cumsum(w, axis, w.scalar_type())
                                              : at::cumprod(w, axis, w.scalar_type()),
                         t));
  });
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::torch_impl
