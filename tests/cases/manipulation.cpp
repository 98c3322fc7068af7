// Case handlers of the manipulation family (fixtures: scripts/fixtures/manipulation.py).
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "support/cases.hpp"
#include "support/json_scalar.hpp"

namespace {
using ivy::testing::CaseContext;
using ivy::testing::Outputs;
using PadWidth = std::vector<std::pair<std::int64_t, std::int64_t>>;

// "axes" when given, else all axes.
ivy::Axes axes_param(const CaseContext& c) {
  if (!c.has("axes")) return ivy::Axes::all();
  return ivy::Axes(c.param<std::vector<int>>("axes"));
}

PadWidth pad_width(const CaseContext& c) {
  PadWidth w;
  for (const auto& p : c.params().at("pad_width"))
    w.emplace_back(p.at(0).get<std::int64_t>(), p.at(1).get<std::int64_t>());
  return w;
}

// JSON has no NaN: the fixtures write it as the string "nan".
ivy::Scalar value_param(const CaseContext& c) {
  const auto& v = c.params().at("value");
  if (v.is_string()) return ivy::Scalar(std::numeric_limits<double>::quiet_NaN());
  return ivy::testing::json_scalar(v);
}

std::optional<int> optional_axis(const CaseContext& c) {
  if (!c.has("axis")) return std::nullopt;
  return c.param<int>("axis");
}
}  // namespace

IVY_CASE(reshape) { return {ivy::reshape(c.in(0), c.param<ivy::Shape>("shape"))}; }
IVY_CASE(broadcast_to) { return {ivy::broadcast_to(c.in(0), c.param<ivy::Shape>("shape"))}; }
IVY_CASE(concat) { return {ivy::concat(c.inputs(), c.param<int>("axis"))}; }
IVY_CASE(stack) { return {ivy::stack(c.inputs(), c.param<int>("axis"))}; }
IVY_CASE(unstack) { return ivy::unstack(c.in(0), c.param<int>("axis")); }
IVY_CASE(split) {
  if (c.has("sizes"))
    return ivy::split(c.in(0), c.param<std::vector<std::int64_t>>("sizes"), c.param<int>("axis"));
  return ivy::split(c.in(0), c.param<std::int64_t>("num_sections"), c.param<int>("axis"));
}
IVY_CASE(flip) { return {ivy::flip(c.in(0), axes_param(c))}; }
IVY_CASE(tile) { return {ivy::tile(c.in(0), c.param<std::vector<std::int64_t>>("reps"))}; }
IVY_CASE(repeat) {
  if (c.num_inputs() > 1) return {ivy::repeat(c.in(0), c.in(1), optional_axis(c))};
  return {ivy::repeat(c.in(0), c.param<std::int64_t>("repeats"), optional_axis(c))};
}
IVY_CASE(constant_pad) { return {ivy::constant_pad(c.in(0), pad_width(c), value_param(c))}; }
IVY_CASE(zero_pad) { return {ivy::zero_pad(c.in(0), pad_width(c))}; }
IVY_CASE(swapaxes) {
  return {ivy::swapaxes(c.in(0), c.param<int>("axis0"), c.param<int>("axis1"))};
}
IVY_CASE(transpose) {
  return {ivy::transpose(c.in(0), c.param<std::vector<int>>("axes", std::vector<int>{}))};
}
IVY_CASE(expand_dims) { return {ivy::expand_dims(c.in(0), c.param<int>("axis"))}; }
IVY_CASE(squeeze) { return {ivy::squeeze(c.in(0), axes_param(c))}; }
IVY_CASE(sort) {
  return {ivy::sort(c.in(0), c.param<int>("axis"), c.param<bool>("descending", false))};
}
IVY_CASE(argsort) {
  return {ivy::argsort(c.in(0), c.param<int>("axis"), c.param<bool>("descending", false))};
}
IVY_CASE(roll) {
  std::optional<std::vector<int>> axis;
  if (c.has("axis")) axis = c.param<std::vector<int>>("axis");
  if (c.num_inputs() > 1) return {ivy::roll(c.in(0), c.in(1), axis)};
  return {ivy::roll(c.in(0), c.param<std::vector<std::int64_t>>("shift"), axis)};
}
IVY_CASE(moveaxis) {
  return {ivy::moveaxis(c.in(0), c.param<std::vector<int>>("source"),
                        c.param<std::vector<int>>("destination"))};
}
// Inputs: x, then prepend and/or append as the "prepend"/"append" flags say.
IVY_CASE(diff) {
  std::optional<ivy::Array> prepend, append;
  std::size_t next = 1;
  if (c.param<bool>("prepend", false)) prepend = c.in(next++);
  if (c.param<bool>("append", false)) append = c.in(next++);
  return {
      ivy::diff(c.in(0), c.param<int>("axis", -1), c.param<std::int64_t>("n", 1), prepend, append)};
}
IVY_CASE(unique_all) {
  ivy::UniqueResult r = ivy::unique_all(c.in(0));
  return {r.values, r.indices, r.inverse_indices, r.counts};
}
IVY_CASE(unique_values) { return {ivy::unique_values(c.in(0))}; }
IVY_CASE(unique_counts) {
  auto [values, counts] = ivy::unique_counts(c.in(0));
  return {values, counts};
}
IVY_CASE(unique_inverse) {
  auto [values, inverse] = ivy::unique_inverse(c.in(0));
  return {values, inverse};
}
IVY_CASE(searchsorted) {
  const std::string side = c.param<std::string>("side", "left");
  if (c.num_inputs() > 2) return {ivy::searchsorted(c.in(0), c.in(1), side, c.in(2))};
  return {ivy::searchsorted(c.in(0), c.in(1), side)};
}

namespace {
// "axes_lengths": [[name, length], ...] in the order einops would get them as keywords.
ivy::AxesLengths axes_lengths(const CaseContext& c) {
  ivy::AxesLengths out;
  if (c.has("axes_lengths"))
    for (const auto& p : c.params().at("axes_lengths"))
      out.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::int64_t>());
  return out;
}
}  // namespace

IVY_CASE(einops_rearrange) {
  return {ivy::einops_rearrange(c.in(0), c.param<std::string>("pattern"), axes_lengths(c))};
}
IVY_CASE(einops_reduce) {
  return {ivy::einops_reduce(c.in(0), c.param<std::string>("pattern"),
                             c.param<std::string>("reduction"), axes_lengths(c))};
}
IVY_CASE(einops_repeat) {
  return {ivy::einops_repeat(c.in(0), c.param<std::string>("pattern"), axes_lengths(c))};
}
