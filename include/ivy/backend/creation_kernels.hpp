#pragma once
#include <cstdint>

#include "ivy/core/array.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy {

struct CreationKernels {
  Array (*full)(const Shape& shape, const Scalar& value, DType d, const Device& device) = nullptr;
  /** n values start, start+step, ... (n >= 0, computed by core). */
  Array (*arange)(double start, double step, std::int64_t n, DType d,
                  const Device& device) = nullptr;
};

}  // namespace ivy
