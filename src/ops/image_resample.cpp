// Bilinear sampling as four flat gathers: pixels are flattened to [B * H * W, D] and the four
// corners of every warp point are looked up by flat index, then blended by the fractional parts.
#include <algorithm>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/image.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view kFn = "bilinear_resample";

void check_resample(const Backend& b, const Array& x, const Array& warp) {
  const Shape xs = x.shape(), ws = warp.shape();
  if (is_bool(x.dtype())) detail::raise<DTypeError>(kFn, b.name, "x must not be bool");
  detail::require_kind(warp, is_floating(warp.dtype()), kFn, "a floating warp");
  const bool ranks = xs.size() >= 3 && ws.size() + 1 == xs.size() && ws.back() == 2;
  if (!ranks || !std::equal(xs.begin(), xs.end() - 3, ws.begin()))
    detail::raise<ShapeError>(kFn, b.name,
                              "needs x [..., H, W, D] and warp [..., N, 2] with equal batch "
                              "dimensions, got x " +
                                  shape_str(xs) + " and warp " + shape_str(ws));
  if ((xs[xs.size() - 3] == 0 || xs[xs.size() - 2] == 0) && warp.size() > 0)
    detail::raise<ShapeError>(kFn, b.name, "cannot sample the empty image " + shape_str(xs));
}

// Component c of the points [B, N, 2] as [B, N, 1].
Array component(const Array& p, std::int64_t c) {
  const Shape s = p.shape();
  return slice_ranges(p, {{0, s[0], 1}, {0, s[1], 1}, {c, c + 1, 1}});
}

// Corner indices clamped to [0, size - 1], as int64. NaN and far-off coordinates are made
// finite first so that the conversion to integers is defined.
Array clamped(const Array& v, std::int64_t size) {
  return cast(clip(where(isnan(v), 0, v), 0, size - 1), DType::int64);
}

}  // namespace

Array bilinear_resample(const Array& x, const Array& warp) {
  const Backend& b = detail::common_backend(kFn, {&x, &warp});
  check_resample(b, x, warp);
  const Shape xs = x.shape(), ws = warp.shape();
  const std::size_t r = xs.size();
  const std::int64_t h = xs[r - 3], w = xs[r - 2], d = xs[r - 1], n = ws[ws.size() - 2];
  const std::int64_t batch = numel(Shape(xs.begin(), xs.end() - 3));
  Shape result(xs.begin(), xs.end() - 3);
  result.insert(result.end(), {n, d});
  const DType dt = promote_types(x.dtype(), warp.dtype());
  if (numel(result) == 0) return zeros(result, Options(dt).on(b).to(x.device()));

  const Array points = reshape(warp, {batch, n, 2});
  const Array floored = floor(points);
  const Array frac = subtract(points, floored);
  const Array px = component(floored, 0), py = component(floored, 1);
  const Array x0 = clamped(px, w), x1 = clamped(add(px, 1), w);
  const Array y0 = clamped(py, h), y1 = clamped(add(py, 1), h);
  const Array base = reshape(
      arange(0, batch * h * w, h * w, Options(DType::int64).on(b).to(x.device())), {batch, 1, 1});
  const Array pixels = reshape(x, {batch * h * w, d});
  auto corner = [&](const Array& yi, const Array& xi) {
    return reshape(take(pixels, add(base, add(multiply(yi, w), xi)), 0), {batch, n, d});
  };
  const Array fx = component(frac, 0), fy = component(frac, 1);
  const Array gx = subtract(1, fx), gy = subtract(1, fy);
  Array out = multiply(corner(y0, x0), multiply(gx, gy));
  out = add(out, multiply(corner(y1, x0), multiply(gx, fy)));
  out = add(out, multiply(corner(y0, x1), multiply(fx, gy)));
  out = add(out, multiply(corner(y1, x1), multiply(fx, fy)));
  return reshape(cast(out, dt), result);
}

}  // namespace ivy
