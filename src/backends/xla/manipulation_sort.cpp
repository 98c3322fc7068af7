// Sorting as one stablehlo.sort with is_stable = true: NaN after every number ascending and
// before them descending, equal keys in input order. XLA's TOTALORDER comparison is not that
// order (it puts -NaN first), and its CPU code compares floats with subnormals taken as zero
// (denormals-are-zero), so floats are sorted by an integer key made from their bits.
#include "backends/xla/manipulation_sort.hpp"

#include <string>
#include <vector>

#include "backends/xla/hlo.hpp"
#include "backends/xla/manipulation_text.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

// The operands sorted along axis by keys (the first operand), stably.
std::vector<Value> sorted(Builder& b, const std::vector<Value>& operands, int axis,
                          bool descending) {
  std::string names, types;
  std::vector<std::pair<DType, Shape>> results;
  std::vector<DType> compared;  // the comparator's arguments: two elements of each operand
  for (std::size_t i = 0; i < operands.size(); ++i) {
    names += (i ? ", " : "") + operands[i].name;
    types += (i ? ", " : "") + tensor_type(operands[i].dtype, operands[i].shape);
    results.emplace_back(operands[i].dtype, operands[i].shape);
    compared.insert(compared.end(), 2, operands[i].dtype);
  }
  // The operation's first line; the comparator's region and the attributes follow.
  const std::vector<Value> out = b.ops("\"stablehlo.sort\"(" + names + ") ({", results);
  const std::vector<Value> args = block_arguments(b, compared);
  const Value before =
      descending ? b.compare("GT", args[0], args[1]) : b.compare("LT", args[0], args[1]);
  b.line("stablehlo.return " + before.name + " : " + tensor_type(DType::bool_, {}));
  b.line("}) {dimension = " + std::to_string(axis) + " : i64, is_stable = true} : (" + types +
         ") -> (" + types + ")");
  return out;
}

// x sorted along axis, then the int64 positions the sort moved.
std::vector<Value> sort_with_positions(Builder& b, const Value& x, int axis, bool descending) {
  const Value positions = b.op("\"stablehlo.iota\"() {iota_dimension = " + std::to_string(axis) +
                                   " : i64} : () -> " + tensor_type(DType::int64, x.shape),
                               DType::int64, x.shape);
  if (!is_floating(x.dtype)) return sorted(b, {x, positions}, axis, descending);
  const std::vector<Value> out = sorted(b, {order_key(b, x), x, positions}, axis, descending);
  return {out[1], out[2]};
}

}  // namespace

Array sort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0) return x;
  return run1("sort", {x}, [&](Builder& b, const std::vector<Value>& in) {
    if (!is_floating(in[0].dtype)) return sorted(b, {in[0]}, axis, descending)[0];
    return sorted(b, {order_key(b, in[0]), in[0]}, axis, descending)[1];
  });
}

Array argsort(const Array& x, int axis, bool descending) {
  if (x.ndim() == 0)
    return run1("argsort", {}, [](Builder& b, const std::vector<Value>&) {
      return b.constant(Scalar(0), DType::int64);
    });
  return run1("argsort", {x}, [&](Builder& b, const std::vector<Value>& in) {
    return sort_with_positions(b, in[0], axis, descending)[1];
  });
}

}  // namespace ivy::backends::xla_impl
