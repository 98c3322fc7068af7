#include "ops/conv_lowering.hpp"

#include <string>

#include "grad/tape.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy::detail {
namespace {

// The strided window of x [B, S1..Sn, C] that filter tap t (row-major over the filter sizes
// ks) reads for every output position: [B, O1..On, C].
Array tap_window(const Array& x, std::int64_t t, const Shape& ks,
                 const std::vector<std::int64_t>& strides,
                 const std::vector<std::int64_t>& dilations, const Shape& out) {
  const int n = static_cast<int>(ks.size());
  const Shape xs = x.shape();
  std::vector<SliceRange> ranges(n + 2);
  ranges[0] = {0, xs[0], 1};
  ranges[n + 1] = {0, xs[n + 1], 1};
  std::int64_t rest = t;
  for (int i = n - 1; i >= 0; --i) {
    const std::int64_t start = (rest % ks[i]) * dilations[i];
    rest /= ks[i];
    ranges[i + 1] = {start, start + (out[i] - 1) * strides[i] + 1, strides[i]};
  }
  return slice_ranges(x, ranges);
}

// One window per filter tap, joined on the channel axis, turns the convolution into one
// matmul: [B * O, taps * Cin] @ [taps * Cin, Cout].
Array im2col_conv(const ConvSpec& spec, const Array& x, const Array& filters,
                  const std::vector<std::int64_t>& strides,
                  const std::vector<std::int64_t>& dilations, const Shape& out) {
  const int n = spec.n;
  const Shape xs = x.shape(), fs = filters.shape();
  const Shape ks(fs.begin(), fs.begin() + n);
  const std::int64_t taps = numel(ks);
  const std::int64_t cin = fs[n], cout = fs[n + 1];
  std::vector<Array> patches;
  patches.reserve(taps);
  for (std::int64_t t = 0; t < taps; ++t)
    patches.push_back(tap_window(x, t, ks, strides, dilations, out));
  const Array cols = taps == 1 ? patches[0] : concat(patches, -1);
  const std::int64_t rows = xs[0] * numel(out);
  const Array y = matmul(reshape(cols, {rows, taps * cin}), reshape(filters, {taps * cin, cout}));
  Shape ys{xs[0]};
  ys.insert(ys.end(), out.begin(), out.end());
  ys.push_back(cout);
  return reshape(y, ys);
}

// Depthwise: the windows stacked on a taps axis [B, O.., taps, C], weighted by the filters
// [taps, C] and summed over the taps; no channel mixing, so no matmul.
Array depthwise_conv(const ConvSpec& spec, const Array& x, const Array& filters,
                     const std::vector<std::int64_t>& strides,
                     const std::vector<std::int64_t>& dilations, const Shape& out) {
  const int n = spec.n;
  const Shape fs = filters.shape();
  const Shape ks(fs.begin(), fs.begin() + n);
  const std::int64_t taps = numel(ks);
  std::vector<Array> patches;
  patches.reserve(taps);
  for (std::int64_t t = 0; t < taps; ++t)
    patches.push_back(tap_window(x, t, ks, strides, dilations, out));
  const Array w = reshape(filters, {taps, fs[n]});
  return sum(multiply(stack(patches, -2), w), -2);
}

}  // namespace

Array conv_valid(const ConvSpec& spec, const Array& x, const Array& filters,
                 const std::vector<std::int64_t>& strides,
                 const std::vector<std::int64_t>& dilations, const Shape& out) {
  if (spec.depthwise) return depthwise_conv(spec, x, filters, strides, dilations, out);
  const Backend& b = *spec.backend;
  const DType d = x.dtype();
  // Inside a gradient computation the im2col form runs instead: its primitives are recorded.
  if (b.nn && b.nn->conv && (d == DType::float32 || d == DType::float64) && !recording())
    return b.nn->conv(x, filters, strides, dilations);
  return im2col_conv(spec, x, filters, strides, dilations, out);
}

Array conv_channels_last(const ConvSpec& spec, const Array& x, const Array& filters) {
  const int n = spec.n;
  const Shape xs = x.shape(), fs = filters.shape();
  const int r = static_cast<int>(xs.size()), first = r - n - 1;
  if (fs[n] != xs.back())
    raise<ShapeError>(spec.fn, spec.backend->name,
                      "x has " + std::to_string(xs.back()) + " channels but the filters expect " +
                          std::to_string(fs[n]) + " (x " + shape_str(xs) + ", filters " +
                          shape_str(fs) + ")");
  for (int i = 0; i < n; ++i)
    if (fs[i] < 1)
      raise<ShapeError>(spec.fn, spec.backend->name,
                        "filters have an empty spatial axis: " + shape_str(fs));
  std::vector<std::pair<std::int64_t, std::int64_t>> pads(r, {0, 0});
  Shape out(n), padded{numel(Shape(xs.begin(), xs.begin() + first))};
  for (int i = 0; i < n; ++i) {
    const AxisPlan p = plan_axis(spec, i, xs[first + i], fs[i]);
    out[i] = p.out;
    pads[first + i] = p.pad;
    padded.push_back(xs[first + i] + p.pad.first + p.pad.second);
  }
  padded.push_back(xs.back());
  Shape result(xs.begin(), xs.begin() + first);
  result.insert(result.end(), out.begin(), out.end());
  result.push_back(spec.depthwise ? fs[n] : fs[n + 1]);
  if (numel(result) == 0 || xs.back() == 0)
    return zeros(result, Options(x.dtype()).on(*spec.backend).to(x.device()));
  const Array xp = reshape(constant_pad(x, pads), padded);
  return reshape(conv_valid(spec, xp, filters, spec.strides, spec.dilations, out), result);
}

}  // namespace ivy::detail
