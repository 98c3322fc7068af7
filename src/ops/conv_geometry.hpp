#pragma once
// The arguments every convolution shares (strides, dilations, padding, data format), checked
// once, and the TensorFlow rules for output sizes and SAME padding. Private to the library.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "ivy/backend/contract.hpp"
#include "ivy/ops/nn.hpp"

namespace ivy::detail {

enum class ConvPadding { same, valid };

/** The checked window of an n-d convolution: strides and dilations hold n positive values. */
struct ConvSpec {
  std::string_view fn;
  const Backend* backend = nullptr;
  int n = 0;  // spatial dimensions
  std::vector<std::int64_t> strides, dilations;
  ConvPadding padding = ConvPadding::valid;
  bool channels_first = false;
  // Filters [k1..kn, C] instead of [k1..kn, Cin, Cout]: each channel with its own filter.
  bool depthwise = false;
};

/**
 * Checks padding ("SAME" | "VALID"), data_format (channels_last or channels_first, e.g. "NHWC"
 * and "NCHW") and the strides and dilations (ValueError for a bad string, count or value).
 */
ConvSpec parse_conv_spec(std::string_view fn, const Backend& b, int n, const SpatialInts& strides,
                         std::string_view padding, std::string_view data_format,
                         std::string_view channels_last, std::string_view channels_first,
                         const SpatialInts& dilations);

/** The dtype of the convolution of x and filters: their promoted float dtype, else DTypeError. */
DType conv_dtype(const ConvSpec& spec, const Array& x, const Array& filters);

/** ShapeError unless x has rank >= n + 2 and filters rank n + 2 (n + 1 when depthwise). */
void check_conv_ranks(const ConvSpec& spec, const Array& x, const Array& filters);

/** x with its channel axis last ([..., C, S...] -> [..., S..., C]), or back. */
Array channels_to_last(const Array& x, int n);
Array channels_to_first(const Array& x, int n);

/** Dilated filter extent: (k - 1) * d + 1. */
inline std::int64_t effective_size(std::int64_t k, std::int64_t d) { return (k - 1) * d + 1; }

/** Output size and (before, after) padding of one spatial axis of a forward convolution. */
struct AxisPlan {
  std::int64_t out = 0;
  std::pair<std::int64_t, std::int64_t> pad;
};
/** The plan of spatial axis i for input size in and filter size k; ShapeError when VALID
 * leaves no room for the filter. */
AxisPlan plan_axis(const ConvSpec& spec, int i, std::int64_t in, std::int64_t k);

}  // namespace ivy::detail
