#pragma once
/// Forcing evaluation on lazy backends. MLX builds a graph and computes it when values are
/// read (to_vector, item, printing, to_dlpack, to_backend); ivy::eval computes it now, which is
/// what a timing loop or a long-running computation that should not grow its graph wants.
/// On the eager backends (torch, xtensor) it does nothing.
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

/** Computes x now on a lazy backend; returns x. Errors MLX defers surface here. */
const Array& eval(const Array& x);
/** Computes every array of xs now. */
void eval(const std::vector<Array>& xs);

}  // namespace ivy
