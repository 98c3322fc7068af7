#pragma once
// One element written on the host in a dtype's own layout, for backends that build arrays from
// host bytes (tensorflow, mxnet). float16 and bfloat16 have no host type here: those backends
// write float32 or float64 and let their engine's cast round.
#include <cstddef>
#include <string_view>

#include "ivy/core/dtype.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy::backends {

/** Writes value as one element of dtype d to dst; DTypeError naming `backend` for the half
 *  types. */
void write_value(const Scalar& value, DType d, void* dst, std::string_view backend);

/** Fills `bytes` of dst with copies of value in dtype d. */
void fill_value(const Scalar& value, DType d, void* dst, std::size_t bytes,
                std::string_view backend);

/** Fills `bytes` of dst with start + i * step (computed in float64) in dtype d. */
void fill_range(double start, double step, DType d, void* dst, std::size_t bytes,
                std::string_view backend);

}  // namespace ivy::backends
