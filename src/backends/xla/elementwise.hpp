#pragma once
// The element-wise computations as StableHLO emitters: they write ivy's meaning (NumPy's NaN,
// rounding, division and tie rules) into a module being built, so the kernels of this family
// and any other kernel that needs an element-wise step inside its own module share them.
#include "backends/xla/hlo.hpp"
#include "ivy/backend/elementwise_kernels.hpp"

namespace ivy::backends::xla_impl {

/** x converted to d, keeping the subnormal numbers XLA's float conversions flush to zero. */
Value emit_cast(Builder& b, const Value& x, DType d);
/** op of x (a dtype the kernel contract allows for op). */
Value emit_unary(Builder& b, UnaryOp op, const Value& x);
/** op of a and b (one dtype and one shape). */
Value emit_binary(Builder& m, BinaryOp op, const Value& a, const Value& b);

/** The float16 and bfloat16 dtypes, which the emitters compute in float32 and round back once,
 *  as NumPy does. */
constexpr bool is_half(DType d) { return d == DType::float16 || d == DType::bfloat16; }

// Small StableHLO pieces the emitters share.
/** x's bits reinterpreted as dtype d of the same width. */
Value bitcast(Builder& b, const Value& x, DType d);
/** x's bits as the signed integer of its width (float64 -> int64, float32 -> int32, ...). */
Value bits_of(Builder& b, const Value& x);
/** A constant of x's dtype and shape. */
Value constant_like(Builder& b, const Scalar& value, const Value& x);
/** The sign bit of float x, true for -0.0 and -NaN. */
Value sign_bit(Builder& b, const Value& x);

}  // namespace ivy::backends::xla_impl
