#pragma once
// Lowering of a checked, padded, channel-last convolution to the backend's fused kernel or to
// the im2col composite. Private to the library.
#include <cstdint>
#include <vector>

#include "ops/conv_geometry.hpp"

namespace ivy::detail {

/**
 * Unpadded cross-correlation of x [B, S1..Sn, Cin] with filters [k1..kn, Cin, Cout] (one float
 * dtype) with the given strides and dilations; out holds the n output sizes (all > 0, as B,
 * Cin and Cout). Returns [B, O1..On, Cout]. With spec.depthwise the filters are [k1..kn, C]
 * and the result [B, O1..On, C] (channel c correlated with filters[..., c] only).
 */
Array conv_valid(const ConvSpec& spec, const Array& x, const Array& filters,
                 const std::vector<std::int64_t>& strides,
                 const std::vector<std::int64_t>& dilations, const Shape& out);

/**
 * The whole forward convolution on channel-last x [..., S1..Sn, Cin] after the arguments are
 * checked: channel check, padding, batch flattening, zero-size results.
 */
Array conv_channels_last(const ConvSpec& spec, const Array& x, const Array& filters);

}  // namespace ivy::detail
