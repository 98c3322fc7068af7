// conv1d/2d/3d_transpose as the adjoint of the forward convolution: spread x out by the stride
// (zeros between pixels), pad so that every output pixel sees the taps that touched it in the
// forward convolution, and correlate with the spatially flipped, channel-swapped filters.
#include <algorithm>
#include <numeric>
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

// The requested spatial output size: output_shape is the n spatial sizes or the whole output
// shape (in the data format's layout).
Shape output_size(const detail::ConvSpec& spec, const std::optional<Shape>& output_shape,
                  const Shape& xs, const Shape& fs) {
  const int n = spec.n, r = static_cast<int>(xs.size()), first = r - n - 1;
  const std::int64_t cout = fs[n];
  Shape out(n);
  if (!output_shape) {
    for (int i = 0; i < n; ++i) {
      const std::int64_t s = spec.strides[i], in = xs[first + i];
      const std::int64_t eff = detail::effective_size(fs[i], spec.dilations[i]);
      out[i] = spec.padding == detail::ConvPadding::same
                   ? in * s
                   : in * s + std::max<std::int64_t>(eff - s, 0);
    }
    return out;
  }
  const Shape& os = *output_shape;
  if (static_cast<int>(os.size()) == n) return os;
  if (static_cast<int>(os.size()) == r) {
    const int at = spec.channels_first ? first + 1 : first;
    const Shape spatial(os.begin() + at, os.begin() + at + n);
    Shape want(xs.begin(), xs.begin() + first);
    if (spec.channels_first) want.push_back(cout);
    want.insert(want.end(), spatial.begin(), spatial.end());
    if (!spec.channels_first) want.push_back(cout);
    if (want == os) return spatial;
  }
  detail::raise<ShapeError>(spec.fn, spec.backend->name,
                            "output_shape " + shape_str(os) + " is neither the " +
                                std::to_string(n) + " spatial sizes nor the full shape for x " +
                                shape_str(xs) + " (channel-last) and " + std::to_string(cout) +
                                " output channels");
}

void check_maps_back(const detail::ConvSpec& spec, int i, std::int64_t o, std::int64_t in,
                     std::int64_t k) {
  const std::int64_t s = spec.strides[i], eff = detail::effective_size(k, spec.dilations[i]);
  const bool ok = spec.padding == detail::ConvPadding::same
                      ? o >= 0 && (o == 0 ? 0 : (o - 1) / s + 1) == in
                      : o >= eff && (o - eff) / s + 1 == in;
  if (!ok)
    detail::raise<ShapeError>(spec.fn, spec.backend->name,
                              "output size " + std::to_string(o) + " on spatial axis " +
                                  std::to_string(i) + " does not convolve back to the input size " +
                                  std::to_string(in) + " (stride " + std::to_string(s) +
                                  ", dilated filter " + std::to_string(eff) + ")");
}

// x [..., S1..Sn, Cin], filters [k1..kn, Cout, Cin].
Array transpose_channels_last(const detail::ConvSpec& spec, const Array& x, const Array& filters,
                              const std::optional<Shape>& output_shape) {
  const int n = spec.n;
  const Shape xs = x.shape(), fs = filters.shape();
  const int r = static_cast<int>(xs.size()), first = r - n - 1;
  if (fs[n + 1] != xs.back())
    detail::raise<ShapeError>(spec.fn, spec.backend->name,
                              "x has " + std::to_string(xs.back()) +
                                  " channels but the filters expect " + std::to_string(fs[n + 1]) +
                                  " (x " + shape_str(xs) + ", filters " + shape_str(fs) + ")");
  for (int i = 0; i < n; ++i)
    if (fs[i] < 1)
      detail::raise<ShapeError>(spec.fn, spec.backend->name,
                                "filters have an empty spatial axis: " + shape_str(fs));
  const Shape out = output_size(spec, output_shape, xs, fs);
  for (int i = 0; i < n; ++i) check_maps_back(spec, i, out[i], xs[first + i], fs[i]);
  Shape result(xs.begin(), xs.begin() + first);
  result.insert(result.end(), out.begin(), out.end());
  result.push_back(fs[n]);
  if (numel(result) == 0 || xs.back() == 0)
    return zeros(result, Options(x.dtype()).on(*spec.backend).to(x.device()));

  Shape flat{numel(Shape(xs.begin(), xs.begin() + first))};
  flat.insert(flat.end(), xs.begin() + first, xs.end());
  Array u = reshape(x, flat);
  std::vector<std::pair<std::int64_t, std::int64_t>> pads(n + 2, {0, 0});
  for (int i = 0; i < n; ++i) {
    const std::int64_t in = xs[first + i], s = spec.strides[i], k = fs[i];
    const std::int64_t reach = (k - 1) * spec.dilations[i];
    const std::int64_t before =
        spec.padding == detail::ConvPadding::same
            ? std::max<std::int64_t>((in - 1) * s + reach + 1 - out[i], 0) / 2
            : 0;
    u = spread(u, i + 1, s);
    pads[i + 1] = {reach - before, out[i] + before - (in - 1) * s - 1};
  }
  std::vector<int> spatial(static_cast<std::size_t>(n));
  std::iota(spatial.begin(), spatial.end(), 0);
  const Array w = swapaxes(flip(filters, Axes(spatial)), n, n + 1);
  const std::vector<std::int64_t> ones(static_cast<std::size_t>(n), 1);
  const Array y = detail::conv_valid(spec, constant_pad(u, pads), w, ones, spec.dilations, out);
  return reshape(y, result);
}

Array conv_transpose_nd(std::string_view fn, int n, const Array& x, const Array& filters,
                        const SpatialInts& strides, std::string_view padding,
                        const std::optional<Shape>& output_shape, std::string_view data_format,
                        std::string_view channels_last, std::string_view channels_first,
                        const SpatialInts& dilations) {
  const Backend& b = detail::common_backend(fn, {&x, &filters});
  const detail::ConvSpec spec = detail::parse_conv_spec(fn, b, n, strides, padding, data_format,
                                                        channels_last, channels_first, dilations);
  const DType d = detail::conv_dtype(spec, x, filters);
  detail::check_conv_ranks(spec, x, filters);
  const Array xl = spec.channels_first ? detail::channels_to_last(x, n) : x;
  const Array y = transpose_channels_last(spec, cast(xl, d), cast(filters, d), output_shape);
  return spec.channels_first ? detail::channels_to_first(y, n) : y;
}

}  // namespace

Array conv1d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape,
                       std::string_view data_format, const SpatialInts& dilations) {
  return conv_transpose_nd("conv1d_transpose", 1, x, filters, strides, padding, output_shape,
                           data_format, "NWC", "NCW", dilations);
}

Array conv2d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape,
                       std::string_view data_format, const SpatialInts& dilations) {
  return conv_transpose_nd("conv2d_transpose", 2, x, filters, strides, padding, output_shape,
                           data_format, "NHWC", "NCHW", dilations);
}

Array conv3d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape,
                       std::string_view data_format, const SpatialInts& dilations) {
  return conv_transpose_nd("conv3d_transpose", 3, x, filters, strides, padding, output_shape,
                           data_format, "NDHWC", "NCDHW", dilations);
}

}  // namespace ivy
