// Shape kernels as StableHLO: each one operation (reshape, broadcast_in_dim, transpose,
// concatenate, reverse, slice, pad). Sorting is in manipulation_sort.cpp.
#include <vector>

#include "backends/host_value.hpp"
#include "backends/xla/hlo.hpp"
#include "backends/xla/manipulation_sort.hpp"
#include "backends/xla/manipulation_text.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

Array reshape(const Array& x, const Shape& s) {
  if (x.shape() == s) return x;
  return run1("reshape", {x},
              [&](Builder& b, const std::vector<Value>& in) { return b.reshape(in[0], s); });
}

Array broadcast_to(const Array& x, const Shape& s) {
  if (x.shape() == s) return x;
  return run1("broadcast_to", {x},
              [&](Builder& b, const std::vector<Value>& in) { return b.broadcast(in[0], s); });
}

Array transpose(const Array& x, const std::vector<int>& perm) {
  const std::vector<std::int64_t> p(perm.begin(), perm.end());
  return run1("transpose", {x},
              [&](Builder& b, const std::vector<Value>& in) { return b.transpose(in[0], p); });
}

Array concat(const std::vector<Array>& xs, int axis) {
  if (xs.size() == 1) return xs[0];
  return run1("concat", xs, [&](Builder& b, const std::vector<Value>& in) {
    Shape s = in[0].shape;
    s[static_cast<std::size_t>(axis)] = 0;
    std::string names, types;
    for (std::size_t i = 0; i < in.size(); ++i) {
      s[static_cast<std::size_t>(axis)] += in[i].shape[static_cast<std::size_t>(axis)];
      names += (i ? ", " : "") + in[i].name;
      types += (i ? ", " : "") + tensor_type(in[i].dtype, in[i].shape);
    }
    return b.op("\"stablehlo.concatenate\"(" + names + ") {dimension = " + std::to_string(axis) +
                    " : i64} : (" + types + ") -> " + tensor_type(in[0].dtype, s),
                in[0].dtype, s);
  });
}

Array flip(const Array& x, const std::vector<int>& axes) {
  if (axes.empty()) return x;
  const std::vector<std::int64_t> dims(axes.begin(), axes.end());
  return run1("flip", {x}, [&](Builder& b, const std::vector<Value>& in) {
    const std::string t = tensor_type(in[0].dtype, in[0].shape);
    return b.op("\"stablehlo.reverse\"(" + in[0].name + ") {dimensions = " + i64_array(dims) +
                    "} : (" + t + ") -> " + t,
                in[0].dtype, in[0].shape);
  });
}

Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  if (ranges.empty()) return x;
  std::vector<std::int64_t> starts, limits, strides;
  Shape s;
  for (const SliceRange& r : ranges) {
    starts.push_back(r.start);
    limits.push_back(r.stop);
    strides.push_back(r.step);
    s.push_back((r.stop - r.start + r.step - 1) / r.step);
  }
  return run1("slice", {x}, [&](Builder& b, const std::vector<Value>& in) {
    return b.op("\"stablehlo.slice\"(" + in[0].name + ") {start_indices = " + i64_array(starts) +
                    ", limit_indices = " + i64_array(limits) + ", strides = " + i64_array(strides) +
                    "} : (" + tensor_type(in[0].dtype, in[0].shape) + ") -> " +
                    tensor_type(in[0].dtype, s),
                in[0].dtype, s);
  });
}

// The pad value is an input (a 0-d array), not a constant of the module, so that one
// executable serves every value; the half types travel as float64 and are rounded once by XLA.
Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  if (widths.empty()) return x;
  const DType d = x.dtype();
  const DType host = d == DType::float16 || d == DType::bfloat16 ? DType::float64 : d;
  unsigned char bytes[8] = {};
  write_value(value, host, bytes, "xla");
  const Array v = from_bytes(bytes, host, {}, "pad");
  std::vector<std::int64_t> low, high;
  Shape s = x.shape();
  for (std::size_t i = 0; i < widths.size(); ++i) {
    low.push_back(widths[i].first);
    high.push_back(widths[i].second);
    s[i] += widths[i].first + widths[i].second;
  }
  const std::vector<std::int64_t> interior(widths.size(), 0);
  return run1("pad", {x, v}, [&](Builder& b, const std::vector<Value>& in) {
    const Value fill = b.convert(in[1], d);
    return b.op("stablehlo.pad " + in[0].name + ", " + fill.name + ", low = " + int_list(low) +
                    ", high = " + int_list(high) + ", interior = " + int_list(interior) + " : (" +
                    tensor_type(d, in[0].shape) + ", " + tensor_type(d, {}) + ") -> " +
                    tensor_type(d, s),
                d, s);
  });
}

}  // namespace

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{reshape, broadcast_to, transpose, concat, flip,
                                     slice,   pad,          sort,      argsort};
  return k;
}

}  // namespace ivy::backends::xla_impl
