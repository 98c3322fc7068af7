#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

Array take_along_axis(const Array& x, const Array& idx, int axis) {
  return guarded("gather", [&] { return wrap(at::gather(tensor(x), axis, tensor(idx))); });
}

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

// Only the last update of each row survives: it is the one whose position equals the largest
// position scattered to its row. Writing those alone (no duplicates) keeps CUDA deterministic.
void replace_rows(at::Tensor& out, const at::Tensor& idx, const at::Tensor& upd) {
  const at::Tensor pos = at::arange(idx.size(0), idx.options());
  const at::Tensor last = at::full({out.size(0)}, -1, idx.options())
                              .scatter_reduce(0, idx, pos, "amax", /*include_self=*/true);
  const at::Tensor winners = at::nonzero(last.index_select(0, idx).eq(pos)).reshape({-1});
  out.index_copy_(0, idx.index_select(0, winners), upd.index_select(0, winners));
}

// min/max over the updates of each row; include_self = false leaves untouched rows at 0.
void reduce_rows(at::Tensor& out, const at::Tensor& idx, const at::Tensor& upd, const char* op) {
  std::vector<int64_t> view(upd.dim(), 1);
  view[0] = upd.size(0);
  const at::Tensor full = idx.view(view).expand(upd.sizes());
  out.scatter_reduce_(0, full, upd, op, /*include_self=*/false);
}

Array scatter_rows(const Array& idx, const Array& updates, std::int64_t rows,
                   ScatterReduction reduction) {
  return guarded("scatter_nd", [&] {
    const at::Tensor& i = tensor(idx);
    at::Tensor u = tensor(updates);
    // bool combines as integers: sum is "any" (max), min is "all".
    const bool boolean = u.scalar_type() == at::kBool && reduction != ScatterReduction::replace;
    if (boolean) {
      u = u.to(at::kByte);
      if (reduction == ScatterReduction::sum) reduction = ScatterReduction::max;
    }
    std::vector<int64_t> shape(u.sizes().begin(), u.sizes().end());
    shape[0] = rows;
    at::Tensor out = at::zeros(shape, u.options());
    if (u.numel() > 0) {
      switch (reduction) {
        case ScatterReduction::sum:
          out.index_add_(0, i, u);
          break;
        case ScatterReduction::min:
          reduce_rows(out, i, u, "amin");
          break;
        case ScatterReduction::max:
          reduce_rows(out, i, u, "amax");
          break;
        case ScatterReduction::replace:
          replace_rows(out, i, u);
          break;
      }
    }
    return wrap(boolean ? out.ne(0) : out);
  });
}

Array nonzero(const Array& x) {
  return guarded("indices_where", [&] { return wrap(at::nonzero(tensor(x))); });
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{take_along_axis, take, scatter_rows, nonzero};
  return k;
}

}  // namespace ivy::backends::torch_impl
