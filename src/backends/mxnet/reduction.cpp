#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

const char* reduce_name(ReduceOp op) {
  switch (op) {
    case ReduceOp::sum:
      return "_np_sum";
    case ReduceOp::prod:
      return "_np_prod";
    case ReduceOp::mean:
      return "_npi_mean";
    case ReduceOp::min:
      return "_np_min";
    case ReduceOp::max:
      return "_np_max";
    case ReduceOp::all:
      return "_np_all";
    case ReduceOp::any:
      return "_np_any";
  }
  return "_np_sum";
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  const DType d = x.dtype();
  Op o(reduce_name(op), "reduce");
  o.input(x).param("axis", tuple(std::vector<std::int64_t>(axes.begin(), axes.end())));
  o.param("keepdims", keepdims ? "True" : "False");
  NDArray r = o.run1();
  // Sums and products keep the dtype core chose (MXNet widens small integers).
  if (op == ReduceOp::sum || op == ReduceOp::prod || op == ReduceOp::min || op == ReduceOp::max)
    r = cast_to(r, d, "reduce");
  return wrap(std::move(r));
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  const char* name = op == ArgReduceOp::argmax ? "_npi_argmax" : "_npi_argmin";
  NDArray r = run(name, "arg_reduce", {native(x)},
                  {{"axis", std::to_string(axis)}, {"keepdims", keepdims ? "True" : "False"}});
  return wrap(cast_to(r, DType::int64, "arg_reduce"));
}

Array scan(ScanOp op, const Array& x, int axis) {
  if (op == ScanOp::cumsum)
    return wrap(cast_to(run("_np_cumsum", "scan", {native(x)}, {{"axis", std::to_string(axis)}}),
                        x.dtype(), "scan"));
  detail::raise<UnsupportedError>("cumprod", "mxnet", "MXNet 1.9.1 has no cumulative product");
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
