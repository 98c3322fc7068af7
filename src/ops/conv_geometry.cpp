#include "ops/conv_geometry.hpp"

#include <algorithm>
#include <string>

#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy::detail {
namespace {

std::vector<std::int64_t> per_axis(const ConvSpec& spec, const SpatialInts& v,
                                   std::string_view what) {
  std::vector<std::int64_t> out = v.values();
  if (out.size() == 1) out.assign(spec.n, out[0]);
  if (static_cast<int>(out.size()) != spec.n)
    raise<ValueError>(spec.fn, spec.backend->name,
                      std::string(what) + " needs 1 or " + std::to_string(spec.n) +
                          " values, got " + std::to_string(v.values().size()));
  // The upper bound keeps every size computed from these values far from int64 overflow.
  constexpr std::int64_t limit = std::int64_t{1} << 31;
  for (std::int64_t s : out)
    if (s <= 0 || s >= limit)
      raise<ValueError>(
          spec.fn, spec.backend->name,
          std::string(what) + " must be positive (and below 2^31), got " + std::to_string(s));
  return out;
}

}  // namespace

ConvSpec parse_conv_spec(std::string_view fn, const Backend& b, int n, const SpatialInts& strides,
                         std::string_view padding, std::string_view data_format,
                         std::string_view channels_last, std::string_view channels_first,
                         const SpatialInts& dilations) {
  ConvSpec spec;
  spec.fn = fn;
  spec.backend = &b;
  spec.n = n;
  if (padding == "SAME")
    spec.padding = ConvPadding::same;
  else if (padding == "VALID")
    spec.padding = ConvPadding::valid;
  else
    raise<ValueError>(
        fn, b.name, "padding must be \"SAME\" or \"VALID\", got \"" + std::string(padding) + "\"");
  if (data_format == channels_first)
    spec.channels_first = true;
  else if (data_format != channels_last)
    raise<ValueError>(fn, b.name,
                      "data_format must be \"" + std::string(channels_last) + "\" or \"" +
                          std::string(channels_first) + "\", got \"" + std::string(data_format) +
                          "\"");
  spec.strides = per_axis(spec, strides, "strides");
  spec.dilations = per_axis(spec, dilations, "dilations");
  return spec;
}

DType conv_dtype(const ConvSpec& spec, const Array& x, const Array& filters) {
  const DType d = promote_types(x.dtype(), filters.dtype());
  if (!is_floating(d))
    raise<DTypeError>(spec.fn, spec.backend->name,
                      "needs floating inputs, got " + dtypes_str(x.dtype(), filters.dtype()));
  return d;
}

void check_conv_ranks(const ConvSpec& spec, const Array& x, const Array& filters) {
  const int want = spec.n + 2;
  if (x.ndim() < want)
    raise<ShapeError>(
        spec.fn, spec.backend->name,
        "x needs rank >= " + std::to_string(want) + ", got shape " + shape_str(x.shape()));
  const int filter_rank = spec.depthwise ? want - 1 : want;
  if (filters.ndim() != filter_rank)
    raise<ShapeError>(spec.fn, spec.backend->name,
                      "filters need rank " + std::to_string(filter_rank) + ", got shape " +
                          shape_str(filters.shape()));
}

Array channels_to_last(const Array& x, int n) {
  const int r = x.ndim(), c = r - n - 1;
  std::vector<int> perm;
  for (int i = 0; i < r; ++i)
    if (i != c) perm.push_back(i);
  perm.push_back(c);
  return transpose(x, perm);
}

Array channels_to_first(const Array& x, int n) {
  const int r = x.ndim(), c = r - n - 1;
  std::vector<int> perm;
  for (int i = 0; i < c; ++i) perm.push_back(i);
  perm.push_back(r - 1);
  for (int i = c; i < r - 1; ++i) perm.push_back(i);
  return transpose(x, perm);
}

AxisPlan plan_axis(const ConvSpec& spec, int i, std::int64_t in, std::int64_t k) {
  const std::int64_t s = spec.strides[i], eff = effective_size(k, spec.dilations[i]);
  if (spec.padding == ConvPadding::same) {
    // TensorFlow: the output covers ceil(in / s) windows; any odd padding element goes after.
    const std::int64_t out = in == 0 ? 0 : (in - 1) / s + 1;
    const std::int64_t total = out == 0 ? 0 : std::max<std::int64_t>((out - 1) * s + eff - in, 0);
    return {out, {total / 2, total - total / 2}};
  }
  if (in < eff)
    raise<ShapeError>(spec.fn, spec.backend->name,
                      "VALID padding: spatial axis " + std::to_string(i) + " of size " +
                          std::to_string(in) + " is smaller than the dilated filter (" +
                          std::to_string(eff) + ")");
  return {(in - eff) / s + 1, {0, 0}};
}

}  // namespace ivy::detail
