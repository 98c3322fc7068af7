#include "ivy/split_func_call.hpp"

#include <string>
#include <string_view>

#include "ivy/core/errors.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy {
namespace {

constexpr std::string_view kFn = "split_func_call";

// The axis for item i of count items: axes holds one for all or one per item.
int axis_for(const std::vector<int>& axes, std::size_t i, std::size_t count, std::string_view what,
             std::string_view backend) {
  if (axes.size() != 1 && axes.size() != count)
    detail::raise<ValueError>(kFn, backend,
                              std::string(what) + " has " + std::to_string(axes.size()) +
                                  " axes for " + std::to_string(count) +
                                  " arrays (give one, or one per array)");
  return axes.size() == 1 ? axes[0] : axes[i];
}

}  // namespace

std::vector<Array> split_func_call(
    const std::function<std::vector<Array>(const std::vector<Array>&)>& f,
    const std::vector<Array>& inputs, std::int64_t chunk_size, const std::vector<int>& input_axes,
    const std::vector<int>& output_axes) {
  if (inputs.empty()) detail::raise<ValueError>(kFn, "-", "needs at least one input array");
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i].defined())
      detail::raise<ValueError>(kFn, "-", "input " + std::to_string(i) + " is undefined");
  const std::string backend(inputs[0].backend_name());
  if (chunk_size < 1)
    detail::raise<ValueError>(kFn, backend,
                              "chunk_size must be at least 1, got " + std::to_string(chunk_size));

  std::vector<int> axes;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    axes.push_back(
        detail::normalize_axis(axis_for(input_axes, i, inputs.size(), "input_axes", backend),
                               static_cast<int>(inputs[i].ndim()), kFn, backend));
  const std::int64_t length = inputs[0].shape()[static_cast<std::size_t>(axes[0])];
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    const std::int64_t n = inputs[i].shape()[static_cast<std::size_t>(axes[i])];
    if (n != length)
      detail::raise<ShapeError>(
          kFn, backend,
          "input " + std::to_string(i) + " " + shape_str(inputs[i].shape()) + " has length " +
              std::to_string(n) + " along axis " + std::to_string(axes[i]) + ", input 0 " +
              shape_str(inputs[0].shape()) + " has " + std::to_string(length));
  }
  if (chunk_size >= length) return f(inputs);

  std::vector<std::int64_t> sizes(static_cast<std::size_t>(length / chunk_size), chunk_size);
  if (length % chunk_size != 0) sizes.push_back(length % chunk_size);
  std::vector<std::vector<Array>> parts;  // parts[i]: the chunks of input i
  for (std::size_t i = 0; i < inputs.size(); ++i) parts.push_back(split(inputs[i], sizes, axes[i]));

  std::vector<std::vector<Array>> outputs;  // outputs[k]: output k of every call
  for (std::size_t c = 0; c < sizes.size(); ++c) {
    std::vector<Array> args;
    for (const auto& p : parts) args.push_back(p[c]);
    const std::vector<Array> outs = f(args);
    if (c == 0) outputs.resize(outs.size());
    if (outs.size() != outputs.size())
      detail::raise<ValueError>(kFn, backend,
                                "the call on part " + std::to_string(c) + " returned " +
                                    std::to_string(outs.size()) + " outputs, the first " +
                                    std::to_string(outputs.size()));
    for (std::size_t k = 0; k < outs.size(); ++k) outputs[k].push_back(outs[k]);
  }
  std::vector<Array> joined;
  const std::vector<int> out_axes = output_axes.empty() ? std::vector<int>{axes[0]} : output_axes;
  for (std::size_t k = 0; k < outputs.size(); ++k)
    joined.push_back(
        concat(outputs[k], axis_for(out_axes, k, outputs.size(), "output_axes", backend)));
  return joined;
}

}  // namespace ivy
