#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/nn.hpp"
#include "ops/conv_lowering.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// Channel-first layouts are handled by moving the channel axis, so that one channel-last
// lowering serves every data format and backend.
Array conv_nd(std::string_view fn, int n, const Array& x, const Array& filters,
              const SpatialInts& strides, std::string_view padding, std::string_view data_format,
              std::string_view channels_last, std::string_view channels_first,
              const SpatialInts& dilations, bool depthwise = false) {
  const Backend& b = detail::common_backend(fn, {&x, &filters});
  detail::ConvSpec spec = detail::parse_conv_spec(fn, b, n, strides, padding, data_format,
                                                  channels_last, channels_first, dilations);
  spec.depthwise = depthwise;
  const DType d = detail::conv_dtype(spec, x, filters);
  detail::check_conv_ranks(spec, x, filters);
  const Array xl = spec.channels_first ? detail::channels_to_last(x, n) : x;
  const Array y = detail::conv_channels_last(spec, cast(xl, d), cast(filters, d));
  return spec.channels_first ? detail::channels_to_first(y, n) : y;
}

}  // namespace

Array conv1d(const Array& x, const Array& filters, const SpatialInts& strides,
             std::string_view padding, std::string_view data_format, const SpatialInts& dilations) {
  return conv_nd("conv1d", 1, x, filters, strides, padding, data_format, "NWC", "NCW", dilations);
}

Array conv2d(const Array& x, const Array& filters, const SpatialInts& strides,
             std::string_view padding, std::string_view data_format, const SpatialInts& dilations) {
  return conv_nd("conv2d", 2, x, filters, strides, padding, data_format, "NHWC", "NCHW", dilations);
}

Array conv3d(const Array& x, const Array& filters, const SpatialInts& strides,
             std::string_view padding, std::string_view data_format, const SpatialInts& dilations) {
  return conv_nd("conv3d", 3, x, filters, strides, padding, data_format, "NDHWC", "NCDHW",
                 dilations);
}

Array depthwise_conv2d(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, std::string_view data_format,
                       const SpatialInts& dilations) {
  return conv_nd("depthwise_conv2d", 2, x, filters, strides, padding, data_format, "NHWC", "NCHW",
                 dilations, true);
}

}  // namespace ivy
