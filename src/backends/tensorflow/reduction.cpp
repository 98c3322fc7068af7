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

Tensor arg(const char* name, const Tensor& x, int axis) {
  const Tensor dim = int32_scalar(axis);
  return Op(name, "arg_reduce").input(x).input(dim).type("output_type", DType::int64).run1();
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  constexpr std::string_view fn = "arg_reduce";
  Tensor r = arg(op == ArgReduceOp::argmax ? "ArgMax" : "ArgMin", native(x), axis);
  if (is_floating(x.dtype())) {
    // TensorFlow skips NaN; NumPy's extreme is the first NaN, where a lane has one.
    const Tensor nan = run("IsNan", fn, {native(x)});
    const Tensor first_nan = arg("ArgMax", cast_to(nan, DType::uint8, fn), axis);
    const Tensor has_nan = run("Any", fn, {nan, int32_scalar(axis)});
    r = run("SelectV2", fn, {has_nan, first_nan, r});
  }
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
