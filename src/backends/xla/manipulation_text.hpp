#pragma once
// MLIR text that the manipulation and indexing kernels share: dense array attributes and the
// block of a region (sort's comparator, scatter's combiner).
#include <string>
#include <vector>

#include "backends/xla/hlo.hpp"

namespace ivy::backends::xla_impl {

/** "array<i64: 0, 2>", MLIR's dense array attribute ("array<i64>" when empty). */
inline std::string i64_array(const std::vector<std::int64_t>& values) {
  std::string s = "array<i64";
  for (std::size_t i = 0; i < values.size(); ++i)
    s += (i ? ", " : ": ") + std::to_string(values[i]);
  return s + ">";
}

/** Opens a region's block, "^bb0(%a: tensor<f32>, ...):", with one 0-d argument per dtype. */
inline std::vector<Value> block_arguments(Builder& b, const std::vector<DType>& dtypes) {
  std::vector<Value> args;
  std::string line = "^bb0(";
  for (std::size_t i = 0; i < dtypes.size(); ++i) {
    args.push_back(Value{b.fresh(), dtypes[i], {}});
    line += (i ? ", " : "") + args.back().name + ": " + tensor_type(dtypes[i], {});
  }
  b.line(line + "):");
  return args;
}

}  // namespace ivy::backends::xla_impl
