#include "grad/scatter_back.hpp"

#include "ivy/core/options.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy::detail {

Array positions(const Array& like, const Shape& xs) {
  return reshape(arange(numel(xs), Options(DType::int64).on(like.backend()).to(like.device())), xs);
}

Array scatter_back(const Array& pos, const Array& g, const Shape& xs) {
  const std::int64_t n = numel(pos.shape());
  return reshape(scatter_flat(reshape(pos, {n}), reshape(g, {n}), numel(xs), "sum"), xs);
}

}  // namespace ivy::detail
