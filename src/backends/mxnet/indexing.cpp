#include <cstring>
#include <limits>
#include <numeric>

#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

// Positions into x flattened, for idx [outer, m, inner] along axis of x [outer, n, inner].
Array take_along_axis(const Array& x, const Array& idx, int axis) {
  const Shape xs = x.shape(), is = idx.shape();
  std::int64_t outer = 1, inner = 1;
  for (int d = 0; d < axis; ++d) outer *= xs[static_cast<std::size_t>(d)];
  for (std::size_t d = static_cast<std::size_t>(axis) + 1; d < xs.size(); ++d) inner *= xs[d];
  const std::int64_t n = xs[static_cast<std::size_t>(axis)], m = is[static_cast<std::size_t>(axis)];
  const NDArray base = host_array({outer, m, inner}, DType::int64, [&](void* dst, std::size_t) {
    auto* out = static_cast<std::int64_t*>(dst);
    for (std::int64_t o = 0; o < outer; ++o)
      for (std::int64_t j = 0; j < m; ++j)
        for (std::int64_t i = 0; i < inner; ++i) out[(o * m + j) * inner + i] = o * n * inner + i;
  });
  const NDArray step = scalar(Scalar(inner), DType::int64);
  const NDArray k = reshape_to(native(idx), {outer, m, inner}, "take_along_axis");
  const NDArray pos = run("_npi_add", "take_along_axis",
                          {base, run("_npi_multiply", "take_along_axis", {k, step})});
  const std::int64_t total = outer * m * inner;
  const NDArray flat = reshape_to(native(x), {outer * n * inner}, "take_along_axis");
  const NDArray taken = run("_npi_take", "take_along_axis",
                            {flat, reshape_to(pos, {total}, "take_along_axis")}, {{"axis", "0"}});
  return wrap(reshape_to(taken, is, "take_along_axis"));
}

Array take(const Array& x, const Array& idx, int axis) {
  return wrap(run("_npi_take", "take", {native(x), native(idx)}, {{"axis", std::to_string(axis)}}));
}

// On the host, in float64 or int64 (MXNet's scatter operators have no min/max forms).
template <class T>
Array host_scatter(const Array& idx, const Array& updates, std::int64_t rows, ScatterReduction r) {
  tape_gradient_only(native(updates), "scatter_rows", "the scatter runs on the host");
  const std::vector<std::int64_t> ind = idx.to_vector<std::int64_t>();
  const std::vector<T> u = updates.to_vector<T>();
  Shape s = updates.shape();
  s[0] = rows;
  std::int64_t inner = 1;
  for (std::size_t d = 1; d < s.size(); ++d) inner *= s[d];
  std::vector<T> out(static_cast<std::size_t>(rows * inner), T(0));
  std::vector<bool> touched(static_cast<std::size_t>(rows), false);
  for (std::size_t j = 0; j < ind.size(); ++j) {
    const auto row = static_cast<std::size_t>(ind[j]);
    for (std::int64_t i = 0; i < inner; ++i) {
      T& dst = out[row * static_cast<std::size_t>(inner) + static_cast<std::size_t>(i)];
      const T v = u[j * static_cast<std::size_t>(inner) + static_cast<std::size_t>(i)];
      if (!touched[row] || r == ScatterReduction::replace) {
        dst = v;
        continue;
      }
      if (r == ScatterReduction::sum) dst = static_cast<T>(dst + v);
      if constexpr (std::is_floating_point_v<T>) {
        if ((r == ScatterReduction::min || r == ScatterReduction::max) && (dst != dst || v != v)) {
          dst = std::numeric_limits<T>::quiet_NaN();
          continue;
        }
      }
      if (r == ScatterReduction::min) dst = v < dst ? v : dst;
      if (r == ScatterReduction::max) dst = v > dst ? v : dst;
    }
    touched[row] = true;
  }
  const DType d = updates.dtype();
  const DType host = std::is_floating_point_v<T> ? DType::float64 : DType::int64;
  NDArray a =
      host_array(s, host, [&](void* dst, std::size_t n) { std::memcpy(dst, out.data(), n); });
  return wrap(cast_to(a, d, "scatter_rows"));
}

Array scatter_rows(const Array& idx, const Array& updates, std::int64_t rows,
                   ScatterReduction reduction) {
  if (is_floating(updates.dtype())) return host_scatter<double>(idx, updates, rows, reduction);
  if (updates.dtype() == DType::bool_ && reduction == ScatterReduction::sum)
    return host_scatter<std::int64_t>(idx, updates, rows, ScatterReduction::max);  // or
  return host_scatter<std::int64_t>(idx, updates, rows, reduction);
}

Array nonzero(const Array& x) {
  if (x.ndim() == 0) {
    const bool set = x.to_vector<double>().at(0) != 0;
    return wrap(host_array({set ? 1 : 0, 0}, DType::int64, [](void*, std::size_t) {}));
  }
  return wrap(cast_to(run("_npx_nonzero", "nonzero", {native(x)}), DType::int64, "nonzero"));
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{take_along_axis, take, scatter_rows, nonzero};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
