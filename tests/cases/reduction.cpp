// Case handlers of the reduction family (fixtures: scripts/fixtures/reduction.py).
#include <optional>
#include <vector>

#include "support/cases.hpp"

namespace {
using ivy::testing::CaseContext;

// "axes" absent: all axes; an integer: one axis; a list: those axes (possibly none).
ivy::Axes axes(const CaseContext& c) {
  if (!c.has("axes")) return ivy::Axes::all();
  const nlohmann::json& a = c.params().at("axes");
  if (a.is_number_integer()) return ivy::Axes(a.get<int>());
  return ivy::Axes(a.get<std::vector<int>>());
}

bool keepdims(const CaseContext& c) { return c.param<bool>("keepdims", false); }

std::optional<int> axis(const CaseContext& c) {
  if (!c.has("axis")) return std::nullopt;
  return c.param<int>("axis");
}
}  // namespace

#define IVY_REDUCE_CASE(name) \
  IVY_CASE(name) { return {ivy::name(c.in(0), axes(c), keepdims(c))}; }
IVY_REDUCE_CASE(sum)
IVY_REDUCE_CASE(prod)
IVY_REDUCE_CASE(mean)
IVY_REDUCE_CASE(min)
IVY_REDUCE_CASE(max)
IVY_REDUCE_CASE(all)
IVY_REDUCE_CASE(any)
#undef IVY_REDUCE_CASE

IVY_CASE(var) {
  return {ivy::var(c.in(0), axes(c), keepdims(c), c.param<double>("correction", 0.0))};
}
IVY_CASE(std) {
  return {ivy::std(c.in(0), axes(c), keepdims(c), c.param<double>("correction", 0.0))};
}
IVY_CASE(argmax) { return {ivy::argmax(c.in(0), axis(c), keepdims(c))}; }
IVY_CASE(argmin) { return {ivy::argmin(c.in(0), axis(c), keepdims(c))}; }
IVY_CASE(cumsum) {
  return {ivy::cumsum(c.in(0), c.param<int>("axis"), c.param<bool>("exclusive", false),
                      c.param<bool>("reverse", false))};
}
IVY_CASE(cumprod) {
  return {ivy::cumprod(c.in(0), c.param<int>("axis"), c.param<bool>("exclusive", false),
                       c.param<bool>("reverse", false))};
}

IVY_CASE(has_nans) { return {ivy::has_nans(c.in(0), c.param<bool>("include_infs", true))}; }
IVY_CASE(array_equal) {
  return {ivy::array(ivy::array_equal(c.in(0), c.in(1)), ivy::Options(c.backend()))};
}
