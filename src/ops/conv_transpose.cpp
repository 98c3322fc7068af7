// conv2d_transpose as the adjoint of conv2d: spread x out by the stride (zeros between
// pixels), pad so that every output pixel sees the taps that touched it in the forward
// convolution, and correlate with the spatially flipped, channel-swapped filters.
#include <algorithm>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/nn.hpp"
#include "ops/conv_lowering.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view kFn = "conv2d_transpose";

// [.., L, ..] -> [.., (L - 1) * s + 1, ..] with s - 1 zeros between neighbours on axis.
Array spread(const Array& x, int axis, std::int64_t s) {
  Shape shape = x.shape();
  const std::int64_t len = shape[axis];
  if (s == 1 || len <= 1) return x;
  std::vector<std::pair<std::int64_t, std::int64_t>> pads(shape.size() + 1, {0, 0});
  pads[axis + 1] = {0, s - 1};
  Array y = constant_pad(expand_dims(x, axis + 1), pads);
  shape[axis] = len * s;
  std::vector<SliceRange> keep;
  for (std::int64_t dim : shape) keep.push_back({0, dim, 1});
  keep[axis].stop = (len - 1) * s + 1;
  return slice_ranges(reshape(y, shape), keep);
}

// The requested spatial output size: output_shape is [oh, ow] or the whole output shape.
Shape output_size(const detail::ConvSpec& spec, const std::optional<Shape>& output_shape,
                  const Shape& xs, const Shape& fs) {
  const int r = static_cast<int>(xs.size()), first = r - 3;
  Shape out(2);
  if (!output_shape) {
    for (int i = 0; i < 2; ++i) {
      const std::int64_t s = spec.strides[i], in = xs[first + i];
      const std::int64_t eff = detail::effective_size(fs[i], spec.dilations[i]);
      out[i] = spec.padding == detail::ConvPadding::same
                   ? in * s
                   : in * s + std::max<std::int64_t>(eff - s, 0);
    }
    return out;
  }
  const Shape& os = *output_shape;
  if (os.size() == 2) return os;
  if (static_cast<int>(os.size()) == r) {
    const int at = spec.channels_first ? first + 1 : first;
    const Shape spatial{os[at], os[at + 1]};
    Shape want(xs.begin(), xs.begin() + first);
    if (spec.channels_first) want.push_back(fs[2]);
    want.insert(want.end(), spatial.begin(), spatial.end());
    if (!spec.channels_first) want.push_back(fs[2]);
    if (want == os) return spatial;
  }
  detail::raise<ShapeError>(kFn, spec.backend->name,
                            "output_shape " + shape_str(os) + " is neither [oh, ow] nor " +
                                "the full shape for x " + shape_str(xs) + " (channel-last) and " +
                                std::to_string(fs[2]) + " output channels");
}

void check_maps_back(const detail::ConvSpec& spec, int i, std::int64_t o, std::int64_t in,
                     std::int64_t k) {
  const std::int64_t s = spec.strides[i], eff = detail::effective_size(k, spec.dilations[i]);
  const bool ok = spec.padding == detail::ConvPadding::same
                      ? o >= 0 && (o == 0 ? 0 : (o - 1) / s + 1) == in
                      : o >= eff && (o - eff) / s + 1 == in;
  if (!ok)
    detail::raise<ShapeError>(kFn, spec.backend->name,
                              "output size " + std::to_string(o) + " on spatial axis " +
                                  std::to_string(i) + " does not convolve back to the input size " +
                                  std::to_string(in) + " (stride " + std::to_string(s) +
                                  ", dilated filter " + std::to_string(eff) + ")");
}

Array transpose_channels_last(const detail::ConvSpec& spec, const Array& x, const Array& filters,
                              const std::optional<Shape>& output_shape) {
  const Shape xs = x.shape(), fs = filters.shape();
  const int r = static_cast<int>(xs.size()), first = r - 3;
  if (fs[3] != xs.back())
    detail::raise<ShapeError>(kFn, spec.backend->name,
                              "x has " + std::to_string(xs.back()) +
                                  " channels but the filters expect " + std::to_string(fs[3]) +
                                  " (x " + shape_str(xs) + ", filters " + shape_str(fs) + ")");
  if (fs[0] < 1 || fs[1] < 1)
    detail::raise<ShapeError>(kFn, spec.backend->name,
                              "filters have an empty spatial axis: " + shape_str(fs));
  const Shape out = output_size(spec, output_shape, xs, fs);
  for (int i = 0; i < 2; ++i) check_maps_back(spec, i, out[i], xs[first + i], fs[i]);
  Shape result(xs.begin(), xs.begin() + first);
  result.insert(result.end(), out.begin(), out.end());
  result.push_back(fs[2]);
  if (numel(result) == 0 || xs.back() == 0)
    return zeros(result, Options(x.dtype()).on(*spec.backend).to(x.device()));

  Array u = reshape(
      x, {numel(Shape(xs.begin(), xs.begin() + first)), xs[first], xs[first + 1], xs.back()});
  std::vector<std::pair<std::int64_t, std::int64_t>> pads(4, {0, 0});
  for (int i = 0; i < 2; ++i) {
    const std::int64_t in = xs[first + i], s = spec.strides[i], k = fs[i];
    const std::int64_t reach = (k - 1) * spec.dilations[i];
    const std::int64_t before =
        spec.padding == detail::ConvPadding::same
            ? std::max<std::int64_t>((in - 1) * s + reach + 1 - out[i], 0) / 2
            : 0;
    u = spread(u, i + 1, s);
    pads[i + 1] = {reach - before, out[i] + before - (in - 1) * s - 1};
  }
  const Array w = swapaxes(flip(filters, {0, 1}), 2, 3);
  const Array y = detail::conv_valid(spec, constant_pad(u, pads), w, {1, 1}, spec.dilations, out);
  return reshape(y, result);
}

}  // namespace

Array conv2d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape,
                       std::string_view data_format, const SpatialInts& dilations) {
  const Backend& b = detail::common_backend(kFn, {&x, &filters});
  const detail::ConvSpec spec =
      detail::parse_conv_spec(kFn, b, 2, strides, padding, data_format, "NHWC", "NCHW", dilations);
  const DType d = detail::conv_dtype(spec, x, filters);
  detail::check_conv_ranks(spec, x, filters);
  const Array xl = spec.channels_first ? detail::channels_to_last(x, 2) : x;
  const Array y = transpose_channels_last(spec, cast(xl, d), cast(filters, d), output_shape);
  return spec.channels_first ? detail::channels_to_first(y, 2) : y;
}

}  // namespace ivy
