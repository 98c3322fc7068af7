#pragma once
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

struct SvdResult {
  Array u, s, vh;
};

struct LinalgKernels {
  /** Both at least 2-D, same float dtype, inner dimensions equal, batch shapes broadcastable. */
  Array (*matmul)(const Array& a, const Array& b) = nullptr;
  /** Square matrices [..., n, n] of a float dtype. */
  Array (*inv)(const Array& x) = nullptr;
  /** Reduced SVD of [..., m, n]: u [..., m, k], s [..., k], vh [..., k, n], k = min(m, n). */
  SvdResult (*svd)(const Array& x) = nullptr;
  Array (*det)(const Array& x) = nullptr;
  /** a [..., n, n], b [..., n, k] (broadcast batch). */
  Array (*solve)(const Array& a, const Array& b) = nullptr;
  /** Optional fused einsum; core falls back to a composite when null. */
  Array (*einsum)(std::string_view subscripts, const std::vector<Array>& operands) = nullptr;
};

}  // namespace ivy
