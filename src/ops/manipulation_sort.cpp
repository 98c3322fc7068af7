#include "grad/record.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {
const ManipulationKernels& kernels(const Backend& b, std::string_view fn) {
  return detail::family(b, &Backend::manipulation, fn);
}
}  // namespace

Array sort(const Array& x, int axis, bool descending) {
  const Backend& b = detail::backend_of("sort", x);
  const int ax = detail::normalize_axis(axis, x.ndim(), "sort", b.name);
  Array y = detail::kernel(b, kernels(b, "sort").sort, "sort")(x, ax, descending);
  IVY_RECORD(record_sort(x, ax, descending, y));
  return y;
}

Array argsort(const Array& x, int axis, bool descending, bool /*stable*/) {
  // The kernels are always stable, which satisfies stable = false as well.
  const Backend& b = detail::backend_of("argsort", x);
  const int ax = detail::normalize_axis(axis, x.ndim(), "argsort", b.name);
  return detail::kernel(b, kernels(b, "argsort").argsort, "argsort")(x, ax, descending);
}

}  // namespace ivy
