// Case handlers of the indexing family (fixtures: scripts/fixtures/indexing.py).
#include "support/cases.hpp"

namespace {
using ivy::testing::CaseContext;

// [start, stop, step] triples; null means "missing".
std::vector<ivy::Slice> slices_param(const CaseContext& c) {
  std::vector<ivy::Slice> out;
  for (const auto& s : c.params().at("slices")) {
    ivy::Slice sl;
    if (!s.at(0).is_null()) sl.start = s.at(0).get<std::int64_t>();
    if (!s.at(1).is_null()) sl.stop = s.at(1).get<std::int64_t>();
    sl.step = s.at(2).get<std::int64_t>();
    out.push_back(sl);
  }
  return out;
}

std::string reduction(const CaseContext& c) { return c.param<std::string>("reduction", "sum"); }
}  // namespace

IVY_CASE(slice) { return {ivy::slice(c.in(0), slices_param(c))}; }
IVY_CASE(take) { return {ivy::take(c.in(0), c.in(1), c.param<int>("axis"))}; }
IVY_CASE(gather) { return {ivy::gather(c.in(0), c.in(1), c.param<int>("axis"))}; }
IVY_CASE(gather_nd) { return {ivy::gather_nd(c.in(0), c.in(1))}; }
IVY_CASE(scatter_flat) {
  if (!c.has("reduction"))
    return {ivy::scatter_flat(c.in(0), c.in(1), c.param<std::int64_t>("size"))};
  return {ivy::scatter_flat(c.in(0), c.in(1), c.param<std::int64_t>("size"), reduction(c))};
}
IVY_CASE(scatter_nd) {
  if (!c.has("reduction")) return {ivy::scatter_nd(c.in(0), c.in(1), c.param<ivy::Shape>("shape"))};
  return {ivy::scatter_nd(c.in(0), c.in(1), c.param<ivy::Shape>("shape"), reduction(c))};
}
IVY_CASE(indices_where) { return {ivy::indices_where(c.in(0))}; }
