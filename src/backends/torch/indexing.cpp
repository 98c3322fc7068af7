#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

Array take(const Array& x, const Array& idx, int axis) {
  return guarded("take", [&] {
    const at::Tensor& t = tensor(x);
    const at::Tensor& i = tensor(idx);
    std::vector<int64_t> shape(t.sizes().begin(), t.sizes().begin() + axis);
    shape.insert(shape.end(), i.sizes().begin(), i.sizes().end());
    shape.insert(shape.end(), t.sizes().begin() + axis + 1, t.sizes().end());
    return wrap(at::index_select(t, axis, i.reshape({-1})).reshape(shape));
  });
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k = [] {
    IndexingKernels t;
    t.take = take;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::torch_impl
