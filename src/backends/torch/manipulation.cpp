#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

Array reshape(const Array& x, const Shape& s) {
  return guarded("reshape", [&] { return wrap(tensor(x).reshape(s)); });
}
Array broadcast_to(const Array& x, const Shape& s) {
  return guarded("broadcast_to", [&] { return wrap(tensor(x).expand(s)); });
}
Array transpose(const Array& x, const std::vector<int>& perm) {
  return guarded("transpose", [&] {
    return wrap(tensor(x).permute(std::vector<int64_t>(perm.begin(), perm.end())));
  });
}
Array concat(const std::vector<Array>& xs, int axis) {
  return guarded("concat", [&] {
    std::vector<at::Tensor> ts;
    ts.reserve(xs.size());
    for (const Array& x : xs) ts.push_back(tensor(x));
    return wrap(at::cat(ts, axis));
  });
}
Array flip(const Array& x, const std::vector<int>& axes) {
  return guarded("flip", [&] {
    return wrap(at::flip(tensor(x), std::vector<int64_t>(axes.begin(), axes.end())));
  });
}
Array slice(const Array& x, const std::vector<SliceRange>& ranges) {
  return guarded("slice", [&] {
    at::Tensor t = tensor(x);
    for (int i = 0; i < static_cast<int>(ranges.size()); ++i) {
      const SliceRange& r = ranges[i];
      if (r.start != 0 || r.stop != t.size(i) || r.step != 1)
        t = t.slice(i, r.start, r.stop, r.step);
    }
    return wrap(t);
  });
}
Array pad(const Array& x, const std::vector<std::pair<std::int64_t, std::int64_t>>& widths,
          const Scalar& value) {
  return guarded("constant_pad", [&] {
    const at::Tensor& t = tensor(x);
    std::vector<int64_t> pads;  // LibTorch lists the last axis first
    for (auto it = widths.rbegin(); it != widths.rend(); ++it) {
      pads.push_back(it->first);
      pads.push_back(it->second);
    }
    const c10::Scalar fill = to_torch_scalar(value, from_torch(t.scalar_type()));
    if (t.numel() == 0) {
      // LibTorch 1.13's constant_pad_nd rejects inputs with a zero-size dimension.
      std::vector<int64_t> shape(t.sizes().begin(), t.sizes().end());
      for (std::size_t i = 0; i < widths.size(); ++i)
        shape[i] += widths[i].first + widths[i].second;
      return wrap(at::full(shape, fill, t.options()));
    }
    return wrap(at::constant_pad_nd(t, pads, fill));
  });
}
Array sort(const Array& x, int axis, bool descending) {
  return guarded("sort", [&] {
    return wrap(std::get<0>(at::sort(tensor(x), /*stable=*/true, axis, descending)));
  });
}
Array argsort(const Array& x, int axis, bool descending) {
  return guarded("argsort", [&] {
    return wrap(std::get<1>(at::sort(tensor(x), /*stable=*/true, axis, descending)));
  });
}

}  // namespace

const ManipulationKernels& manipulation_kernels() {
  static const ManipulationKernels k{reshape, broadcast_to, transpose, concat, flip,
                                     slice,   pad,          sort,      argsort};
  return k;
}

}  // namespace ivy::backends::torch_impl
