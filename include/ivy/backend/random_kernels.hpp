#pragma once
#include <cstdint>

#include "ivy/core/array.hpp"

namespace ivy {

struct RandomKernels {
  void (*seed)(std::uint64_t value) = nullptr;
  /** Uniform on [0, 1), float dtype. */
  Array (*uniform)(const Shape& shape, DType d, const Device& device) = nullptr;
  /** Standard normal, float dtype. */
  Array (*normal)(const Shape& shape, DType d, const Device& device) = nullptr;
  /** A random permutation of 0..n-1, int64. */
  Array (*randperm)(std::int64_t n, const Device& device) = nullptr;
};

}  // namespace ivy
