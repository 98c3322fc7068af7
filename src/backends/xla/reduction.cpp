// Reductions and scans as StableHLO: stablehlo.reduce with one combiner, a variadic reduce over
// (value, index) for argmax/argmin, and reduce_window for the inclusive scans. Sums and
// products of float16/bfloat16 accumulate in float32 and round once, as NumPy's results do.
#include <algorithm>
#include <limits>

#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

bool is_half(DType d) { return d == DType::float16 || d == DType::bfloat16; }

// The dtype's largest (or, with lowest, smallest) value: infinities for floats.
Scalar extreme_value(DType d, bool lowest) {
  if (is_floating(d))
    return Scalar(lowest ? -std::numeric_limits<double>::infinity()
                         : std::numeric_limits<double>::infinity());
  switch (d) {
    case DType::bool_:
      return Scalar(!lowest);
    case DType::uint8:
      return Scalar(std::int64_t{lowest ? 0 : 255});
    case DType::int8:
      return Scalar(std::int64_t{lowest ? -128 : 127});
    case DType::int16:
      return Scalar(std::int64_t{lowest ? -32768 : 32767});
    case DType::int32:
      return Scalar(std::int64_t{lowest ? std::numeric_limits<std::int32_t>::min()
                                        : std::numeric_limits<std::int32_t>::max()});
    default:
      return Scalar(lowest ? std::numeric_limits<std::int64_t>::min()
                           : std::numeric_limits<std::int64_t>::max());
  }
}

// The StableHLO combiner of op and its identity (the reduce's init value).
const char* combiner(ReduceOp op) {
  switch (op) {
    case ReduceOp::sum:
    case ReduceOp::mean:
      return "add";
    case ReduceOp::prod:
      return "multiply";
    case ReduceOp::min:
      return "minimum";
    case ReduceOp::max:
      return "maximum";
    case ReduceOp::all:
      return "and";
    case ReduceOp::any:
      return "or";
  }
  return "add";
}

Scalar identity(ReduceOp op, DType d) {
  switch (op) {
    case ReduceOp::prod:
    case ReduceOp::all:
      return is_bool(d) ? Scalar(true) : Scalar(std::int64_t{1});
    case ReduceOp::min:
      return extreme_value(d, false);
    case ReduceOp::max:
      return extreme_value(d, true);
    default:
      return is_bool(d) ? Scalar(false) : Scalar(std::int64_t{0});
  }
}

Shape without(const Shape& s, const std::vector<std::int64_t>& dims) {
  Shape out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (std::find(dims.begin(), dims.end(), static_cast<std::int64_t>(i)) == dims.end())
      out.push_back(s[i]);
  return out;
}

// x's shape after reducing axes: without them, or with them as 1s (keepdims).
Shape reduced_shape(const Shape& s, const std::vector<std::int64_t>& dims, bool keepdims) {
  if (!keepdims) return without(s, dims);
  Shape out = s;
  for (std::int64_t a : dims) out[static_cast<std::size_t>(a)] = 1;
  return out;
}

Value reduce_with(Builder& b, const char* comb, const Value& x, const Value& init,
                  const std::vector<std::int64_t>& dims) {
  const Shape out = without(x.shape, dims);
  return b.op("stablehlo.reduce(" + x.name + " init: " + init.name + ") applies stablehlo." + comb +
                  " across dimensions = " + int_list(dims) + " : (" +
                  tensor_type(x.dtype, x.shape) + ", " + tensor_type(init.dtype, {}) + ") -> " +
                  tensor_type(x.dtype, out),
              x.dtype, out);
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  const std::vector<std::int64_t> dims(axes.begin(), axes.end());
  return run1("reduce", {x}, [&](Builder& b, const std::vector<Value>& in) {
    Value v = in[0];
    const DType d = v.dtype;
    if (op == ReduceOp::all || op == ReduceOp::any) {
      // NumPy's truth of a number: non-zero (NaN included).
      if (!is_bool(d)) v = b.compare("NE", v, b.constant(Scalar(std::int64_t{0}), d, v.shape));
    } else if (is_half(d) && op != ReduceOp::min && op != ReduceOp::max) {
      v = b.convert(v, DType::float32);
    }
    Value r = reduce_with(b, combiner(op), v, b.constant(identity(op, v.dtype), v.dtype), dims);
    if (op == ReduceOp::mean) {
      std::int64_t count = 1;
      for (std::int64_t a : dims) count *= v.shape[static_cast<std::size_t>(a)];
      // The mean of nothing is 0 / 0: NaN.
      r = b.binary("divide", r, b.constant(Scalar(static_cast<double>(count)), r.dtype, r.shape));
    }
    if (is_half(d)) r = b.convert(r, d);
    return b.reshape(r, reduced_shape(x.shape(), dims, keepdims));
  });
}

// Whether the candidate (a, ia) beats (c, ic) for op: NaN is the extreme (as in NumPy) and ties
// go to the lower index. The choice is symmetric, so the reduce's order does not matter.
Value first_extreme_wins(Builder& b, ArgReduceOp op, const Value& a, const Value& ia,
                         const Value& c, const Value& ic) {
  Value better = b.compare(op == ArgReduceOp::argmax ? "GT" : "LT", a, c);
  Value tie = b.compare("EQ", a, c);
  if (is_floating(a.dtype)) {
    const Value a_nan = b.compare("NE", a, a);
    const Value c_nan = b.compare("NE", c, c);
    better = b.binary("or", better, b.binary("and", a_nan, b.unary("not", c_nan)));
    tie = b.binary("or", tie, b.binary("and", a_nan, c_nan));
  }
  return b.binary("or", better, b.binary("and", tie, b.compare("LT", ia, ic)));
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  return run1("arg_reduce", {x}, [&](Builder& b, const std::vector<Value>& in) {
    const Value& v = in[0];
    const Shape out = without(v.shape, {axis});
    const Value index = b.op(
        "stablehlo.iota dim = " + std::to_string(axis) + " : " + tensor_type(DType::int64, v.shape),
        DType::int64, v.shape);
    // The init loses to every element: the opposite extreme with the largest index.
    const Value init = b.constant(extreme_value(v.dtype, op == ArgReduceOp::argmax), v.dtype);
    const Value init_index =
        b.constant(Scalar(std::numeric_limits<std::int64_t>::max()), DType::int64);
    const std::string value_t = tensor_type(v.dtype, v.shape);
    const std::string index_t = tensor_type(DType::int64, v.shape);
    const std::string scalar_t = tensor_type(v.dtype, {});
    const std::string scalar_index_t = tensor_type(DType::int64, {});
    const std::vector<Value> r = b.ops("\"stablehlo.reduce\"(" + v.name + ", " + index.name + ", " +
                                           init.name + ", " + init_index.name + ") ({",
                                       {{v.dtype, out}, {DType::int64, out}});
    const Value a{b.fresh(), v.dtype, {}}, ia{b.fresh(), DType::int64, {}};
    const Value c{b.fresh(), v.dtype, {}}, ic{b.fresh(), DType::int64, {}};
    b.line("^bb0(" + a.name + ": " + scalar_t + ", " + ia.name + ": " + scalar_index_t + ", " +
           c.name + ": " + scalar_t + ", " + ic.name + ": " + scalar_index_t + "):");
    const Value pick_a = first_extreme_wins(b, op, a, ia, c, ic);
    const Value best = b.select(pick_a, a, c);
    const Value best_index = b.select(pick_a, ia, ic);
    b.line("\"stablehlo.return\"(" + best.name + ", " + best_index.name + ") : (" + scalar_t +
           ", " + scalar_index_t + ") -> ()");
    b.line("}) {dimensions = array<i64: " + std::to_string(axis) + ">} : (" + value_t + ", " +
           index_t + ", " + scalar_t + ", " + scalar_index_t + ") -> (" +
           tensor_type(v.dtype, out) + ", " + tensor_type(DType::int64, out) + ")");
    return b.reshape(r[1], reduced_shape(v.shape, {axis}, keepdims));
  });
}

// Inclusive scan: a window of the whole axis, padded in front with the identity, ending at
// each position.
Array scan(ScanOp op, const Array& x, int axis) {
  if (numel(x.shape()) == 0) return x;
  return run1("scan", {x}, [&](Builder& b, const std::vector<Value>& in) {
    const Value& v = in[0];
    const DType d = v.dtype;
    const bool sum = op == ScanOp::cumsum;
    const Value init = b.constant(Scalar(std::int64_t{sum ? 0 : 1}), d);
    const std::int64_t n = v.shape[static_cast<std::size_t>(axis)];
    std::vector<std::int64_t> window(v.shape.size(), 1);
    window[static_cast<std::size_t>(axis)] = n;
    // Pad n - 1 identities before the axis: the window ending at position k covers 0..k.
    std::vector<std::string> widths(v.shape.size(), "[0, 0]");
    widths[static_cast<std::size_t>(axis)] = std::string("[") + std::to_string(n - 1) + ", 0]";
    std::string padding;
    for (std::size_t i = 0; i < widths.size(); ++i) padding += (i ? ", " : "") + widths[i];
    const std::string t = tensor_type(d, v.shape), scalar_t = tensor_type(d, {});
    const Value r =
        b.op("\"stablehlo.reduce_window\"(" + v.name + ", " + init.name + ") ({", d, v.shape);
    const Value p{b.fresh(), d, {}}, q{b.fresh(), d, {}};
    b.line("^bb0(" + p.name + ": " + scalar_t + ", " + q.name + ": " + scalar_t + "):");
    const Value combined = b.binary(sum ? "add" : "multiply", p, q);
    b.line("\"stablehlo.return\"(" + combined.name + ") : (" + scalar_t + ") -> ()");
    std::string window_dims = "array<i64";
    for (std::size_t i = 0; i < window.size(); ++i)
      window_dims += (i ? ", " : ": ") + std::to_string(window[i]);
    b.line("}) {window_dimensions = " + window_dims + ">, padding = dense<[" + padding +
           "]> : tensor<" + std::to_string(v.shape.size()) + "x2xi64>} : (" + t + ", " + scalar_t +
           ") -> " + t);
    return r;
  });
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::xla_impl
