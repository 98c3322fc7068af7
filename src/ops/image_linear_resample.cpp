// linear_resample: num_samples values at evenly spaced positions 0 .. n - 1 along one axis,
// linearly interpolated between the two neighbouring elements (numpy.interp along that axis).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/image.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array linear_resample(const Array& x, std::int64_t num_samples, int axis) {
  constexpr std::string_view fn = "linear_resample";
  const Backend& b = detail::backend_of(fn, x);
  if (is_bool(x.dtype())) detail::raise<DTypeError>(fn, b.name, "needs a numeric dtype, got bool");
  const int ax = detail::normalize_axis(axis, x.ndim(), fn, b.name);
  if (num_samples < 0)
    detail::raise<ValueError>(fn, b.name,
                              "num_samples must be >= 0, got " + std::to_string(num_samples));
  const Array xf = is_floating(x.dtype()) ? x : cast(x, kDefaultFloat);
  const DType d = xf.dtype();
  Shape out_shape = xf.shape();
  const std::int64_t n = out_shape[ax];
  out_shape[ax] = num_samples;
  detail::check_shape(out_shape, fn, b.name, 4 * itemsize(d));
  if (num_samples == 0) return zeros(out_shape, Options(d).on(b).to(xf.device()));
  if (n == 0)
    detail::raise<ValueError>(fn, b.name,
                              "cannot resample an empty axis " + std::to_string(ax) + " of shape " +
                                  shape_str(xf.shape()));

  detail::check_shape({num_samples}, fn, b.name, 32);  // the host indices and weights
  // Sample j sits at p = j (n - 1) / (num_samples - 1) (both ends exact; one sample: p = 0),
  // between elements floor(p) and floor(p) + 1 (clamped to n - 1) with weight p - floor(p).
  const auto count = static_cast<std::size_t>(num_samples);
  std::vector<std::int64_t> lo(count), hi(count);
  std::vector<double> w(count);
  std::vector<bool> on_grid(count);
  for (std::size_t j = 0; j < count; ++j) {
    const double p = num_samples == 1 ? 0.0
                                      : static_cast<double>(j) * static_cast<double>(n - 1) /
                                            static_cast<double>(num_samples - 1);
    const auto f = std::min(static_cast<std::int64_t>(std::floor(p)), n - 1);
    lo[j] = f;
    hi[j] = std::min(f + 1, n - 1);
    w[j] = p - static_cast<double>(f);
    on_grid[j] = w[j] == 0;
  }
  const Options on_x = Options().on(b).to(xf.device());
  const Array lo_idx = array(lo, {num_samples}, on_x);
  const Array hi_idx = array(hi, {num_samples}, on_x);
  // The weights in x's dtype, shaped to broadcast along ax: [num_samples, 1, ..., 1].
  Shape w_shape(static_cast<std::size_t>(xf.ndim() - ax), 1);
  w_shape[0] = num_samples;
  Array weights = d == DType::float64
                      ? array(w, w_shape, on_x)
                      : cast(array(std::vector<float>(w.begin(), w.end()), w_shape, on_x), d);
  const Array below = take(xf, lo_idx, ax);
  const Array above = take(xf, hi_idx, ax);
  // numpy.interp's arithmetic, so that infinite neighbours give what NumPy gives: from the lower
  // element, else (NaN, as inf - inf) from the upper one, else (equal infinities) that value;
  // samples on an element are that element.
  const Array step = subtract(above, below);
  const Array from_below = add(below, multiply(step, weights));
  const Array from_above = add(above, multiply(step, subtract(weights, 1)));
  Array out = where(isnan(from_below), from_above, from_below);
  out = where(logical_and(isnan(out), equal(below, above)), below, out);
  return where(array(on_grid, w_shape, on_x), below, out);
}

}  // namespace ivy
