#include "ivy/ops/creation.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/creation_ranges.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

namespace detail {
void ragged_list_error(std::size_t row, std::size_t got, std::size_t expected,
                       const Options& opts) {
  raise<ShapeError>("array", creation_backend(opts).name,
                    "ragged nested list: entry " + std::to_string(row) + " has " +
                        std::to_string(got) + " elements, expected " + std::to_string(expected));
}

void check_value_count(std::size_t count, const Shape& shape, const Options& opts) {
  for (auto d : shape)
    if (d < 0) return;  // from_buffer reports the negative dimension
  if (static_cast<std::int64_t>(count) != numel(shape))
    raise<ShapeError>("array", creation_backend(opts).name,
                      std::to_string(count) + " values do not fill shape " + shape_str(shape));
}
}  // namespace detail

namespace {
Array filled(const Shape& shape, Scalar value, DType d, const Options& opts, std::string_view fn) {
  const Backend& b = detail::creation_backend(opts);
  detail::check_shape(shape, fn, b.name, itemsize(d));
  detail::check_scalar_fits(value, d, fn, b.name);
  detail::require_dtype(b, d, fn);
  return detail::family(b, &Backend::creation, fn)
      .full(shape, value, d, detail::creation_device(opts));
}
}  // namespace

Array from_buffer(const void* data, const Shape& shape, DType d, const Options& opts) {
  const Backend& b = detail::creation_backend(opts);
  detail::check_shape(shape, "from_buffer", b.name);
  detail::require_dtype(b, d, "from_buffer");
  if (!data && numel(shape) > 0)
    detail::raise<ValueError>("from_buffer", b.name, "null data for shape " + shape_str(shape));
  Array out =
      detail::kernel(b, b.from_host, "from_buffer")(data, shape, d, detail::creation_device(opts));
  return opts.dtype ? cast(out, *opts.dtype) : out;
}

Array arange(Scalar stop, const Options& opts) { return arange(0, stop, 1, opts); }

Array arange(Scalar start, Scalar stop, Scalar step, const Options& opts) {
  const Backend& b = detail::creation_backend(opts);
  const bool all_int = start.kind() != Scalar::Kind::floating &&
                       stop.kind() != Scalar::Kind::floating &&
                       step.kind() != Scalar::Kind::floating;
  const DType d = opts.dtype.value_or(all_int ? kDefaultInt : kDefaultFloat);
  if (step.as_double() == 0) detail::raise<ValueError>("arange", b.name, "step must not be 0");
  const double span = (stop.as_double() - start.as_double()) / step.as_double();
  if (!std::isfinite(span) || !std::isfinite(step.as_double()))
    detail::raise<ValueError>("arange", b.name, "start, stop and step must be finite");
  // Beyond 2^53 elements neither the length nor the values are exact in double.
  if (span > 9007199254740992.0)
    detail::raise<ValueError>("arange", b.name,
                              "too many elements: " + std::to_string(std::ceil(span)));
  detail::require_dtype(b, d, "arange");
  const auto n = static_cast<std::int64_t>(std::max(0.0, std::ceil(span)));
  detail::check_shape({n}, "arange", b.name, itemsize(d));
  if (n > 0 && is_integral(d)) {
    // The first and last values must fit an integer dtype (no backend wraps them).
    detail::check_scalar_fits(start.as_double(), d, "arange", b.name);
    detail::check_scalar_fits(start.as_double() + static_cast<double>(n - 1) * step.as_double(), d,
                              "arange", b.name);
  }
  return detail::family(b, &Backend::creation, "arange")
      .arange(start.as_double(), step.as_double(), n, d, detail::creation_device(opts));
}

namespace detail {
Array evenly_spaced(const Operand& start, const Operand& stop, std::int64_t num, int axis,
                    bool endpoint, const Options& opts, std::string_view fn) {
  const bool any_array = start.is_array() || stop.is_array();
  const Backend& b = any_array ? common_backend(fn, {&start, &stop}) : creation_backend(opts);
  if (num < 0) raise<ValueError>(fn, b.name, "num must be >= 0");
  DType d = kDefaultFloat;
  if (start.is_array()) d = promote_types(d, start.array().dtype());
  if (stop.is_array()) d = promote_types(d, stop.array().dtype());
  d = opts.dtype.value_or(d);
  if (!is_floating(d))
    raise<DTypeError>(fn, b.name,
                      "needs a floating-point dtype, got " + std::string(dtype_name(d)));
  const Device dev = any_array ? (start.is_array() ? start.array() : stop.array()).device()
                               : creation_device(opts);
  auto as_array = [&](const Operand& o) {
    return o.is_array() ? cast(o.array(), d) : scalar_array(b, o.scalar(), d, dev, fn);
  };
  const Array lo = as_array(start);
  const Array hi = as_array(stop);
  const Shape batch = broadcast_shapes(lo.shape(), hi.shape(), fn, b.name);
  const int out_rank = static_cast<int>(batch.size()) + 1;
  Shape out_shape = batch;
  out_shape.push_back(num);
  // The result and the steps' intermediates of the same size.
  check_shape(out_shape, fn, b.name, 3 * itemsize(d));
  const int ax = normalize_axis(axis, out_rank, fn, b.name);
  const std::int64_t div = endpoint ? num - 1 : num;
  // steps along a new last axis: lo + (hi - lo) * i / div; exact at both ends when endpoint.
  Array i = arange(0, num, 1, Options(d).on(b).to(dev));
  Array frac = div > 0 ? divide(i, static_cast<double>(div)) : multiply(i, 0.0);
  Array lo_e = expand_dims(lo, -1);
  Array hi_e = expand_dims(hi, -1);
  Array out = add(lo_e, multiply(subtract(hi_e, lo_e), frac));
  if (endpoint && num > 1) {
    // The last step is stop itself, not lo + (hi - lo) * 1 (which may round differently).
    Array is_last = equal(i, static_cast<double>(num - 1));
    out = where(is_last, broadcast_to(hi_e, out.shape()), out);
  }
  if (ax != out_rank - 1) {
    std::vector<int> perm;
    for (int k = 0; k < out_rank - 1; ++k) perm.push_back(k);
    perm.insert(perm.begin() + ax, out_rank - 1);
    out = transpose(out, perm);
  }
  return out;
}
}  // namespace detail

Array linspace(const Operand& start, const Operand& stop, std::int64_t num, int axis, bool endpoint,
               const Options& opts) {
  return detail::evenly_spaced(start, stop, num, axis, endpoint, opts, "linspace");
}

Array zeros(const Shape& shape, const Options& opts) {
  return filled(shape, 0, opts.dtype.value_or(kDefaultFloat), opts, "zeros");
}
Array ones(const Shape& shape, const Options& opts) {
  return filled(shape, 1, opts.dtype.value_or(kDefaultFloat), opts, "ones");
}
Array full(const Shape& shape, Scalar value, const Options& opts) {
  return filled(shape, value, opts.dtype.value_or(value.natural_dtype()), opts, "full");
}

namespace {
Options like(const Array& x, const Options& opts, std::string_view fn) {
  Options o = opts;
  if (!o.backend) o.backend = &detail::backend_of(fn, x);
  if (!o.dtype) o.dtype = x.dtype();
  if (!o.device) o.device = x.device();
  return o;
}
}  // namespace

Array zeros_like(const Array& x, const Options& opts) {
  const Options o = like(x, opts, "zeros_like");
  return filled(x.shape(), 0, *o.dtype, o, "zeros_like");
}
Array ones_like(const Array& x, const Options& opts) {
  const Options o = like(x, opts, "ones_like");
  return filled(x.shape(), 1, *o.dtype, o, "ones_like");
}
Array full_like(const Array& x, Scalar value, const Options& opts) {
  const Options o = like(x, opts, "full_like");
  return filled(x.shape(), value, *o.dtype, o, "full_like");
}

Array eye(std::int64_t n, std::int64_t m, std::int64_t k, const Options& opts) {
  const Backend& b = detail::creation_backend(opts);
  if (n < 0) detail::raise<ValueError>("eye", b.name, "n must be >= 0, got " + std::to_string(n));
  // -1 is the default, "as many columns as rows"; any other negative count is an error (issue
  // 12: eye(3, -2) was a silent 3 x 3).
  if (m < -1)
    detail::raise<ValueError>("eye", b.name,
                              "m must be >= 0 (or -1 for n), got " + std::to_string(m));
  if (m == -1) m = n;
  // The n x m result and the boolean mask it is cast from.
  detail::check_shape({n, m}, "eye", b.name, itemsize(opts.dtype.value_or(kDefaultFloat)) + 1);
  const Options int_opts = Options(DType::int64).on(b).to(detail::creation_device(opts));
  const Array rows = expand_dims(arange(0, n, 1, int_opts), 1);
  const Array cols = arange(0, m, 1, int_opts);
  return cast(equal(add(rows, k), cols), opts.dtype.value_or(kDefaultFloat));
}

Array identity(std::int64_t n, const Shape& batch_shape, const Options& opts) {
  const Backend& b = detail::creation_backend(opts);
  if (n < 0)
    detail::raise<ValueError>("identity", b.name, "n must be >= 0, got " + std::to_string(n));
  Shape target = batch_shape;
  target.push_back(n);
  target.push_back(n);
  detail::check_shape(target, "identity", b.name, itemsize(opts.dtype.value_or(kDefaultFloat)));
  return broadcast_to(eye(n, n, 0, opts), target);
}

Array one_hot(const Array& indices, std::int64_t depth, const Options& opts) {
  const Backend& b = detail::backend_of("one_hot", indices);
  detail::require_kind(indices, is_integral(indices.dtype()), "one_hot", "an integer dtype");
  if (depth < 0)
    detail::raise<ValueError>("one_hot", b.name,
                              "depth must be >= 0, got " + std::to_string(depth));
  Shape out_shape = indices.shape();
  out_shape.push_back(depth);
  // The result and the boolean mask it is cast from.
  detail::check_shape(out_shape, "one_hot", b.name,
                      itemsize(opts.dtype.value_or(kDefaultFloat)) + 1);
  // Classes in int64: in the indices' own dtype a depth beyond its range would wrap around.
  const Array classes = arange(0, depth, 1, Options(DType::int64).on(b).to(indices.device()));
  return cast(equal(expand_dims(indices, -1), classes), opts.dtype.value_or(kDefaultFloat));
}

std::vector<Array> meshgrid(const std::vector<Array>& xs, std::string_view indexing) {
  if (xs.empty()) return {};
  const Backend& b = detail::backend_of("meshgrid", xs[0]);
  if (indexing != "ij" && indexing != "xy")
    detail::raise<ValueError>("meshgrid", b.name,
                              "indexing must be 'ij' or 'xy', got '" + std::string(indexing) + "'");
  Shape full_shape;
  for (const Array& x : xs) {
    if (&detail::backend_of("meshgrid", x) != &b) detail::common_backend("meshgrid", {&xs[0], &x});
    if (x.ndim() != 1)
      detail::raise<ShapeError>("meshgrid", b.name,
                                "inputs must be 1-D, got shape " + shape_str(x.shape()));
    full_shape.push_back(x.dim(0));
  }
  const bool xy = indexing == "xy" && xs.size() >= 2;
  if (xy) std::swap(full_shape[0], full_shape[1]);
  std::vector<Array> out;
  const int n = static_cast<int>(xs.size());
  for (int i = 0; i < n; ++i) {
    int pos = i;
    if (xy && i < 2) pos = 1 - i;
    Shape s(n, 1);
    s[pos] = xs[i].dim(0);
    out.push_back(broadcast_to(reshape(xs[i], s), full_shape));
  }
  return out;
}

}  // namespace ivy
