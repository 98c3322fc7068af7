// logspace: base ** linspace(start, stop, num), so batched and broadcast ends, the axis and the
// dtype rules are linspace's (docs/creation.md).
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ops/creation_ranges.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array logspace(const Operand& start, const Operand& stop, std::int64_t num, double base, int axis,
               const Options& opts) {
  const Array exponents = detail::evenly_spaced(start, stop, num, axis, true, opts, "logspace");
  return pow(base, exponents);
}

}  // namespace ivy
