#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

// ivy's channel-last layouts in, LibTorch's channel-first convolution inside.
Array conv(const Array& x, const Array& filters, const std::vector<std::int64_t>& strides,
           const std::vector<std::int64_t>& dilations) {
  return guarded("conv", [&] {
    const auto n = static_cast<std::int64_t>(strides.size());
    std::vector<std::int64_t> x_perm{0, n + 1}, w_perm{n + 1, n}, y_perm{0};
    for (std::int64_t i = 0; i < n; ++i) {
      x_perm.push_back(i + 1);
      w_perm.push_back(i);
      y_perm.push_back(i + 2);
    }
    y_perm.push_back(1);
    const std::vector<std::int64_t> zeros(n, 0);
    const at::Tensor y = at::convolution(tensor(x).permute(x_perm), tensor(filters).permute(w_perm),
                                         {}, strides, zeros, dilations, false, zeros, 1);
    return wrap(y.permute(y_perm).contiguous());
  });
}

}  // namespace

const NNKernels& nn_kernels() {
  static const NNKernels k = [] {
    NNKernels t;
    t.conv = conv;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::torch_impl
