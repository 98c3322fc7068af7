#include "ops/indexing_checks.hpp"

#include <string>
#include <vector>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy::detail {
namespace {

// IndexError for the first index outside [-dims[j], dims[j]), j its column (per_column: j is
// the axis number); only called once a bad index is
// known to exist, so the copy to the host costs nothing on the normal path.
[[noreturn]] void report_bad_index(const Backend& b, std::string_view fn, const Array& idx,
                                   const std::vector<std::int64_t>& dims,
                                   std::string_view axis_name, bool per_column,
                                   const Shape& shape) {
  const std::vector<std::int64_t> v = idx.to_vector<std::int64_t>();
  const std::size_t k = dims.size();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::int64_t n = dims[i % k];
    if (v[i] < -n || v[i] >= n) {
      std::string axis = std::string(axis_name);
      if (per_column) axis += " " + std::to_string(i % k);
      raise<IndexError>(fn, b.name,
                        "index " + std::to_string(v[i]) + " is out of range for " + axis +
                            " of size " + std::to_string(n) + " (shape " + shape_str(shape) + ")");
    }
  }
  raise<IndexError>(fn, b.name, "an index is out of range for shape " + shape_str(shape));
}

Options options_like(const Backend& b, const Array& x) {
  return Options(DType::int64).on(b).to(x.device());
}

}  // namespace

void require_index_dtype(const Array& indices, std::string_view fn) {
  require_kind(indices, is_integral(indices.dtype()), fn, "integer indices");
}

Array wrapped_indices(const Backend& b, std::string_view fn, const Array& indices, std::int64_t n,
                      std::string_view axis_name, const Shape& shape) {
  require_index_dtype(indices, fn);
  Array idx = cast(indices, DType::int64);
  if (idx.size() == 0) return idx;
  if (any(logical_or(less(idx, -n), greater_equal(idx, n))).item<bool>())
    report_bad_index(b, fn, idx, {n}, axis_name, false, shape);
  return where(less(idx, 0), add(idx, n), idx);
}

Array flat_offsets(const Backend& b, std::string_view fn, const Array& indices,
                   const Shape& shape) {
  require_index_dtype(indices, fn);
  const Shape is = indices.shape();
  if (is.empty())
    raise<ShapeError>(fn, b.name, "indices need a last axis holding the index tuples, got 0-d");
  const std::int64_t k = is.back();
  if (k > static_cast<std::int64_t>(shape.size()))
    raise<ShapeError>(fn, b.name,
                      "index tuples of length " + std::to_string(k) + " (indices shape " +
                          shape_str(is) + ") for shape " + shape_str(shape) + " of rank " +
                          std::to_string(shape.size()));
  const Shape lead(is.begin(), is.end() - 1);
  if (k == 0) return zeros(lead, options_like(b, indices));
  std::vector<std::int64_t> dims(shape.begin(), shape.begin() + k), strides(k, 1);
  for (std::int64_t j = k - 2; j >= 0; --j) strides[j] = strides[j + 1] * dims[j + 1];
  const Array d = array(dims, {k}, options_like(b, indices));
  Array idx = cast(indices, DType::int64);
  if (idx.size() > 0 && any(logical_or(less(idx, negative(d)), greater_equal(idx, d))).item<bool>())
    report_bad_index(b, fn, idx, dims, "axis", true, shape);
  idx = where(less(idx, 0), add(idx, d), idx);
  return sum(multiply(idx, array(strides, {k}, options_like(b, indices))), Axes(-1));
}

}  // namespace ivy::detail
