#pragma once
#include "ivy/core/array.hpp"

namespace ivy {

/** Optional fused neural-network kernels; each null entry falls back to a composite in core. */
struct NNKernels {};

}  // namespace ivy
