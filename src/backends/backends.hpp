#pragma once
// The backends compiled into this library; each folder under src/backends defines its own.
#include "ivy/backend/contract.hpp"

namespace ivy::backends {
const Backend& stub();
#ifdef IVY_WITH_TORCH
const Backend& torch();
#endif
#ifdef IVY_WITH_XTENSOR
const Backend& xtensor();
#endif
#ifdef IVY_WITH_MLX
const Backend& mlx();
#endif
#ifdef IVY_WITH_TENSORFLOW
const Backend& tensorflow();
#endif
#ifdef IVY_WITH_MXNET
const Backend& mxnet();
#endif
#ifdef IVY_WITH_XLA
const Backend& xla();
#endif
}  // namespace ivy::backends
