// fourier_encode: the original Ivy's Fourier feature encoding of positions (NeRF-style): each
// value next to its sines and cosines at num_bands frequencies up to max_freq / 2.
#include <cmath>
#include <numbers>
#include <sstream>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/image.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

std::vector<Array> fourier_encode(const Array& x, double max_freq, std::int64_t num_bands,
                                  bool linear, bool concat, bool flatten) {
  constexpr std::string_view fn = "fourier_encode";
  const Backend& b = detail::backend_of(fn, x);
  if (x.ndim() < 1)
    detail::raise<ShapeError>(fn, b.name, "x needs rank >= 1 ([..., dim]), got a 0-d array");
  if (is_bool(x.dtype())) detail::raise<DTypeError>(fn, b.name, "needs a numeric dtype, got bool");
  if (!(std::isfinite(max_freq) && max_freq > 0)) {
    std::ostringstream v;
    v << max_freq;
    detail::raise<ValueError>(fn, b.name, "max_freq must be finite and > 0, got " + v.str());
  }
  if (num_bands < 0)
    detail::raise<ValueError>(fn, b.name,
                              "num_bands must be >= 0, got " + std::to_string(num_bands));
  const Array xf = is_floating(x.dtype()) ? x : cast(x, kDefaultFloat);
  const Shape s = xf.shape();
  const std::int64_t dim = s.back();
  // dim * num_bands values of sin and of cos (and 2 num_bands + 1 below) must fit int64 even
  // where a batch dimension is 0 and the result empty.
  detail::check_shape({dim, num_bands}, fn, b.name);
  detail::check_shape({2, num_bands}, fn, b.name);
  Shape out_shape = s;
  out_shape.push_back(2 * num_bands + 1);
  detail::check_shape(out_shape, fn, b.name, 3 * itemsize(xf.dtype()));

  // Frequencies 1 .. max_freq / 2, evenly spaced or geometric (the original's logspace from
  // 10^0 to 10^log10(max_freq / 2)), in x's dtype on x's backend and device.
  const Options o = Options(xf.dtype()).on(b).to(xf.device());
  const Array scales = linear ? linspace(1.0, max_freq / 2, num_bands, -1, true, o)
                              : logspace(0.0, std::log10(max_freq / 2), num_bands, 10.0, -1, o);
  const Array xe = expand_dims(xf, -1);                                   // [..., dim, 1]
  const Array angles = multiply(multiply(xe, scales), std::numbers::pi);  // [..., dim, bands]
  Array sin_x = sin(angles), cos_x = cos(angles);
  Array orig = xe;
  if (flatten) {
    // The batch dimensions into one, and each value's bands next to each other (as the
    // original's reshape to [-1, num_bands * dim]).
    const std::int64_t rows = numel(Shape(s.begin(), s.end() - 1));
    orig = reshape(xf, {rows, dim});
    sin_x = reshape(sin_x, {rows, num_bands * dim});
    cos_x = reshape(cos_x, {rows, num_bands * dim});
  }
  if (concat) return {ivy::concat({orig, sin_x, cos_x}, -1)};
  return {sin_x, cos_x};
}

}  // namespace ivy
