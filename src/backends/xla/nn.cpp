// The fused convolution: one stablehlo.convolution, channel-last input and [k..., Cin, Cout]
// filters, so core's im2col composite (and its many kernels) is not needed outside gradients.
#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

// "[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]" for n spatial axes.
std::string channel_last_dimensions(std::size_t n) {
  std::string spatial;
  for (std::size_t i = 0; i < n; ++i) spatial += std::to_string(i) + ", ";
  return "[b, " + spatial + "f]x[" + spatial + "i, o]->[b, " + spatial + "f]";
}

Array conv(const Array& x, const Array& filters, const std::vector<std::int64_t>& strides,
           const std::vector<std::int64_t>& dilations) {
  const std::size_t n = strides.size();
  const Shape xs = x.shape(), fs = filters.shape();
  Shape out{xs[0]};
  for (std::size_t i = 0; i < n; ++i)
    out.push_back((xs[i + 1] - (fs[i] - 1) * dilations[i] - 1) / strides[i] + 1);
  out.push_back(fs[n + 1]);
  return run1("conv", {x, filters}, [&](Builder& b, const std::vector<Value>& in) {
    std::string pad;
    for (std::size_t i = 0; i < n; ++i) pad += (i ? ", " : "") + std::string("[0, 0]");
    return b.op("stablehlo.convolution(" + in[0].name + ", " + in[1].name + ") dim_numbers = " +
                    channel_last_dimensions(n) + ", window = {stride = " + int_list(strides) +
                    ", pad = [" + pad + "], rhs_dilate = " + int_list(dilations) +
                    "} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (" +
                    tensor_type(in[0].dtype, in[0].shape) + ", " +
                    tensor_type(in[1].dtype, in[1].shape) + ") -> " + tensor_type(in[0].dtype, out),
                in[0].dtype, out);
  });
}

}  // namespace

const NNKernels& nn_kernels() {
  static const NNKernels k{conv};
  return k;
}

}  // namespace ivy::backends::xla_impl
