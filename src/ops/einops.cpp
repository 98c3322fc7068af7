// The einops trio (einops.rearrange, reduce, repeat), written once from reshape, the reductions,
// transpose and broadcast_to: the pattern is resolved against x's shape (ops/einops_parse.cpp),
// then the plan runs as einops runs it. Each step is a differentiable unified function, so the
// three are differentiable on every backend.
#include <algorithm>
#include <iterator>
#include <string>

#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"
#include "ops/einops_parse.hpp"

namespace ivy {
namespace {

using detail::EinopsOp;
using detail::EinopsPlan;

// Reshape that leaves x alone when the shape is already right (xtensor's reshape copies).
Array reshaped(const Array& x, const Shape& s) { return x.shape() == s ? x : reshape(x, s); }

Array reduced(const Array& x, const std::vector<int>& axes, std::string_view reduction) {
  if (reduction == "sum") return sum(x, Axes(axes));
  if (reduction == "mean") return mean(x, Axes(axes));
  if (reduction == "min") return min(x, Axes(axes));
  if (reduction == "max") return max(x, Axes(axes));
  if (reduction == "any") return any(x, Axes(axes));
  if (reduction == "all") return all(x, Axes(axes));
  return prod(x, Axes(axes));
}

bool is_identity(const std::vector<int>& perm) {
  for (std::size_t i = 0; i < perm.size(); ++i)
    if (perm[i] != static_cast<int>(i)) return false;
  return true;
}

Array run(const Array& x, const EinopsPlan& plan, std::string_view reduction) {
  Array y = reshaped(x, plan.elementary);
  // einops reduces only when the pattern drops an axis (a sum that drops none keeps the dtype).
  if (!plan.reduced.empty()) y = reduced(y, plan.reduced, reduction);
  if (!is_identity(plan.permutation)) y = transpose(y, plan.permutation);
  if (plan.adds_axes) y = broadcast_to(reshaped(y, plan.expanded), plan.broadcast);
  return reshaped(y, plan.result);
}

}  // namespace

Array einops_rearrange(const Array& x, std::string_view pattern, const AxesLengths& axes_lengths) {
  const Backend& b = detail::backend_of("einops_rearrange", x);
  const EinopsPlan plan = detail::plan_einops(pattern, EinopsOp::rearrange, x.shape(), axes_lengths,
                                              "einops_rearrange", b.name);
  return run(x, plan, "");
}

Array einops_reduce(const Array& x, std::string_view pattern, std::string_view reduction,
                    const AxesLengths& axes_lengths) {
  constexpr std::string_view fn = "einops_reduce";
  const Backend& b = detail::backend_of(fn, x);
  constexpr std::string_view kReductions[] = {"sum", "mean", "min", "max", "prod", "any", "all"};
  if (std::find(std::begin(kReductions), std::end(kReductions), reduction) == std::end(kReductions))
    detail::raise<ValueError>(fn, b.name,
                              "unknown reduction \"" + std::string(reduction) +
                                  "\" (expected sum, mean, min, max, prod, any or all)");
  const EinopsPlan plan =
      detail::plan_einops(pattern, EinopsOp::reduce, x.shape(), axes_lengths, fn, b.name);
  if (reduction == "min" || reduction == "max")
    for (int a : plan.reduced)
      if (plan.elementary[a] == 0)
        detail::raise<ValueError>(fn, b.name,
                                  std::string(reduction) + " over a zero-length axis of shape " +
                                      shape_str(x.shape()) + " (pattern \"" + std::string(pattern) +
                                      "\")");
  return run(x, plan, reduction);
}

Array einops_repeat(const Array& x, std::string_view pattern, const AxesLengths& axes_lengths) {
  constexpr std::string_view fn = "einops_repeat";
  const Backend& b = detail::backend_of(fn, x);
  const EinopsPlan plan =
      detail::plan_einops(pattern, EinopsOp::repeat, x.shape(), axes_lengths, fn, b.name);
  // The broadcast and the reshaped result: two arrays of the result's size at once (as tile).
  detail::check_shape(plan.broadcast, fn, b.name, 2 * itemsize(x.dtype()));
  return run(x, plan, "");
}

}  // namespace ivy
