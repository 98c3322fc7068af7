#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

// MLX convolves channel-last like ivy; only the filters move from [k.., Cin, Cout] to MLX's
// [Cout, k.., Cin].
// MLX's float64 convolution has float32 precision: float64 goes through im2col and a matmul,
// which MLX computes in full float64. Each kernel offset contributes one strided slice of x.
mx::array conv_by_matmul(const mx::array& x, const mx::array& w, const std::vector<int>& strides,
                         const std::vector<int>& dilations) {
  const int n = static_cast<int>(strides.size());
  mx::Shape out_shape{x.shape(0)};
  for (int i = 0; i < n; ++i)
    out_shape.push_back((x.shape(i + 1) - (w.shape(i) - 1) * dilations[i] - 1) / strides[i] + 1);
  std::vector<mx::array> patches;
  std::vector<int> offset(n, 0);
  while (true) {
    mx::Shape start(x.ndim(), 0), stop = x.shape(), step(x.ndim(), 1);
    for (int i = 0; i < n; ++i) {
      start[i + 1] = offset[i] * dilations[i];
      stop[i + 1] = start[i + 1] + (out_shape[i + 1] - 1) * strides[i] + 1;
      step[i + 1] = strides[i];
    }
    patches.push_back(mx::slice(x, start, stop, step));  // [B, O1..On, Cin]
    int axis = n - 1;
    while (axis >= 0 && ++offset[axis] == w.shape(axis)) offset[axis--] = 0;
    if (axis < 0) break;
  }
  const int cin = x.shape(-1), cout = w.shape(-1);
  const int k = static_cast<int>(patches.size());
  // [B, O.., K, Cin] against filters [K, Cin, Cout] flattened to [K * Cin, Cout].
  const mx::array cols = mx::stack(patches, -2);
  mx::Shape rows_shape = out_shape;
  rows_shape.push_back(k * cin);
  const mx::array y = mx::matmul(mx::reshape(cols, rows_shape), mx::reshape(w, {k * cin, cout}));
  return y;
}

Array conv(const Array& x, const Array& filters, const std::vector<std::int64_t>& strides,
           const std::vector<std::int64_t>& dilations) {
  return guarded("conv", [&] {
    const int n = static_cast<int>(strides.size());
    std::vector<int> w_perm{n + 1};
    for (int i = 0; i <= n; ++i) w_perm.push_back(i);
    const std::vector<int> s(strides.begin(), strides.end()), d(dilations.begin(), dilations.end());
    if (native(x).dtype() == mx::float64)
      return wrap(conv_by_matmul(native(x), native(filters), s, d));
    const std::vector<int> zeros(n, 0), ones(n, 1);
    return wrap(mx::conv_general(native(x), mx::transpose(native(filters), w_perm), s, zeros, zeros,
                                 d, ones, 1, false));
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

}  // namespace ivy::backends::mlx_impl
