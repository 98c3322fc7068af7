#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

const char* reduce_name(ReduceOp op) {
  switch (op) {
    case ReduceOp::sum:
      return "Sum";
    case ReduceOp::prod:
      return "Prod";
    case ReduceOp::mean:
      return "Mean";
    case ReduceOp::min:
      return "Min";
    case ReduceOp::max:
      return "Max";
    case ReduceOp::all:
      return "All";
    case ReduceOp::any:
      return "Any";
  }
  return "Sum";
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  const Tensor indices = int32_vector(std::vector<std::int64_t>(axes.begin(), axes.end()));
  return wrap(
      Op(reduce_name(op), "reduce").input(x).input(indices).boolean("keep_dims", keepdims).run1());
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  const char* name = op == ArgReduceOp::argmax ? "ArgMax" : "ArgMin";
  const Tensor dim = int32_scalar(axis);
  Tensor r = Op(name, "arg_reduce").input(x).input(dim).type("output_type", DType::int64).run1();
  if (keepdims) r = run("ExpandDims", "arg_reduce", {r, int32_scalar(axis)});
  return wrap(std::move(r));
}

Array scan(ScanOp op, const Array& x, int axis) {
  const char* name = op == ScanOp::cumsum ? "Cumsum" : "Cumprod";
  return wrap(run(name, "scan", {native(x), int32_scalar(axis)}));
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
