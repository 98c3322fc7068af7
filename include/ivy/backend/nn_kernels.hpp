#pragma once
#include <cstdint>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

/** Optional fused neural-network kernels; each null entry falls back to a composite in core. */
struct NNKernels {
  /**
   * Unpadded ("VALID") cross-correlation, channel-last: x [B, S1..Sn, Cin] (already padded by
   * core), filters [k1..kn, Cin, Cout], n in 1..3, both float32 or both float64; strides and
   * dilations hold n positive values; every Si >= (ki - 1) * di + 1 and B, Cin, Cout > 0.
   * Returns [B, O1..On, Cout] with Oi = (Si - (ki - 1) * di - 1) / si + 1.
   */
  Array (*conv)(const Array& x, const Array& filters, const std::vector<std::int64_t>& strides,
                const std::vector<std::int64_t>& dilations) = nullptr;
};

}  // namespace ivy
