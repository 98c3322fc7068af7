#pragma once
// NumPy's shifts for every count, from kernels that only ever see counts in [0, bits).
#include "ivy/backend/elementwise_kernels.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy::detail {

/**
 * left_shift or right_shift of a by b (integer arrays of one dtype, broadcastable), where count
 * is the operand b came from (a host scalar count is range-checked on the host). Counts outside
 * [0, bits) shift every bit out: 0, or -1 for negative values shifted right.
 */
Array shift(const ElementwiseKernels& k, BinaryOp op, const Array& a, const Array& b,
            const Operand& count);

}  // namespace ivy::detail
