#pragma once
// StableHLO as MLIR text: each kernel of the xla backend describes its computation with a
// Builder, and run() compiles the module (once per text: the text names every shape, dtype and
// attribute) and executes it on the kernel's arguments. Values are SSA names with ivy's dtype
// and shape, so results come back with ivy's dtype (PJRT cannot tell bool from other bytes).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/dtype.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::backends::xla_impl {

/** A value of the module being built: its SSA name ("%3") and ivy type. */
struct Value {
  std::string name;
  DType dtype;
  Shape shape;
};

/** "tensor<2x3xf32>" (a 0-d tensor: "tensor<f32>"). */
std::string tensor_type(DType d, const Shape& s);
/** MLIR's element type of d: f32, f64, f16, bf16, i8, i16, i32, i64, ui8, i1. */
const char* element_type(DType d);
/** The literal of value in dtype d for dense<...> (exact: hexadecimal for non-finite floats). */
std::string literal(const Scalar& value, DType d);
/** "[0, 2]": an MLIR list of integers. */
std::string int_list(const std::vector<std::int64_t>& values);

/** The body of @main being written. */
class Builder {
 public:
  /** A new argument of @main. */
  Value parameter(DType d, const Shape& s);
  /**
   * One operation of the body: `%N = <text>`, where text is the operation with its operands
   * and type signature (e.g. "stablehlo.add %0, %1 : tensor<3xf32>"); its result has dtype d
   * and shape s.
   */
  Value op(const std::string& text, DType d, const Shape& s);
  /** Several results: `%N:k = <text>`; their names are %N#0 ... */
  std::vector<Value> ops(const std::string& text,
                         const std::vector<std::pair<DType, Shape>>& types);
  /** A line written as it is (a region's inner lines). */
  void line(const std::string& text);
  /** A fresh SSA name (for block arguments). */
  std::string fresh();

  // Common operations.
  Value unary(std::string_view name, const Value& x);
  /** a and b of one shape and dtype. */
  Value binary(std::string_view name, const Value& a, const Value& b);
  /** a and b of one shape and dtype; direction EQ NE LT LE GT GE; a bool result. */
  Value compare(std::string_view direction, const Value& a, const Value& b);
  Value select(const Value& cond, const Value& a, const Value& b);
  Value convert(const Value& x, DType d);
  /** A tensor of shape s filled with value. */
  Value constant(const Scalar& value, DType d, const Shape& s = {});
  /** x broadcast to s as NumPy does (x's dimensions aligned to the right). */
  Value broadcast(const Value& x, const Shape& s);
  Value reshape(const Value& x, const Shape& s);
  Value transpose(const Value& x, const std::vector<std::int64_t>& perm);

  /** The module: @main of the parameters, returning results. */
  std::string module(const std::vector<Value>& results) const;

 private:
  std::vector<Value> parameters_;
  std::string body_;
  int next_ = 0;
};

/** Writes a kernel's computation on its inputs (given as parameters) and returns its results. */
using Emitter = std::function<std::vector<Value>(Builder&, const std::vector<Value>&)>;

/** While compile_fn traces on this thread (compile.cpp): adds a kernel that ran (inputs to
 *  outputs) to the traced module. */
bool tracing();
void record(const std::vector<Array>& inputs, const Emitter& emit,
            const std::vector<Array>& outputs);

/** The kernel emit describes, run on inputs (arrays of the xla backend); fn names the function
 *  in errors. */
std::vector<Array> run(std::string_view fn, const std::vector<Array>& inputs, const Emitter& emit);
/** run() of a one-result kernel. */
Array run1(std::string_view fn, const std::vector<Array>& inputs,
           const std::function<Value(Builder&, const std::vector<Value>&)>& emit);

}  // namespace ivy::backends::xla_impl
