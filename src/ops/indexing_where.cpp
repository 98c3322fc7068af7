#include "ivy/ops/indexing.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array indices_where(const Array& x) {
  const Backend& b = detail::backend_of("indices_where", x);
  const auto& k = detail::family(b, &Backend::indexing, "indices_where");
  return detail::kernel(b, k.nonzero, "indices_where")(x);
}

}  // namespace ivy
