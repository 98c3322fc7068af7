#pragma once
// How the mxnet backend holds an NDArray inside ivy::Array, maps dtypes, runs operators through
// MXImperativeInvoke (handles looked up once per thread) and turns MXNet's errors into ivy's.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backends/backend_table.hpp"
#include "backends/host_value.hpp"
#include "backends/mxnet/mx_api.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/mxnet_ndarray.hpp"

namespace ivy::backends::mxnet_impl {

using ::ivy::mxnet::NDArray;

static_assert(sizeof(NDArray) <= Array::kHandleSize, "NDArray must fit inline in Array");

const Backend& backend();

inline const NDArray& native(const Array& x) {
  return *std::launder(reinterpret_cast<const NDArray*>(x.handle()));
}

inline Array wrap(NDArray t) {
  Array out = Array::make_uninitialized(backend());
  new (out.handle()) NDArray(std::move(t));
  return out;
}

/** MXNet's dtype code and name of d (int16 has neither on the CPU: see dtype_unsupported). */
int to_mx(DType d);
const char* mx_name(DType d);
DType from_mx(int code);

/** UnsupportedError naming fn with MXNet's last error unless rc is 0 (core has checked the
 *  arguments, so what MXNet refuses is a limit of MXNet). */
void check(int rc, std::string_view fn);

Shape shape_of(const NDArray& t);
DType dtype_of(const NDArray& t);

/** A new array of dtype d whose row-major bytes fill(dst, nbytes) writes. */
NDArray host_array(const Shape& shape, DType d,
                   const std::function<void(void*, std::size_t)>& fill);
/** An array of shape s and dtype d holding value everywhere (written on the host; float32 for
 *  the half types, then MXNet's Cast; zero-size arrays without MXNet). */
NDArray full_array(const Shape& s, DType d, const Scalar& value);
/** A 0-d array of dtype d holding value. */
NDArray scalar(const Scalar& value, DType d);
/** "(a,b,)": MXNet's tuple syntax for shape and axis parameters. */
std::string tuple(const std::vector<std::int64_t>& values);

/** One operator call: inputs and string parameters, then run(). */
class Op {
 public:
  /** name: an operator name with static storage (a string literal). */
  Op(const char* name, std::string_view fn);
  Op& input(const NDArray& t);
  Op& input(const Array& x) { return input(native(x)); }
  Op& inputs(const std::vector<NDArray>& ts);
  Op& param(const char* key, std::string value);
  std::vector<NDArray> run();
  NDArray run1() { return run().at(0); }
  /** run(), with MXNet's failure a ValueError(what) (singular and indefinite matrices). */
  std::vector<NDArray> run_or_value_error(std::string_view what);

 private:
  OpHandle op_;
  std::string_view fn_;
  std::vector<NDArrayHandle> inputs_;
  std::vector<NDArray> keep_;
  std::vector<std::string> keys_, values_;
};

/** A one-output operator on inputs with parameters. */
NDArray run(const char* name, std::string_view fn, std::initializer_list<NDArray> inputs,
            std::initializer_list<std::pair<const char*, std::string>> params = {});
NDArray cast_to(const NDArray& x, DType d, std::string_view fn);
NDArray reshape_to(const NDArray& x, const Shape& s, std::string_view fn);

void require_cpu(const Device& d, std::string_view fn);

/** f(x) for operators that refuse bool (MXNet's legacy ones): bool goes through uint8 and back. */
template <class F>
NDArray bool_as_uint8(const NDArray& x, F&& f) {
  if (dtype_of(x) != DType::bool_) return f(x);
  return cast_to(f(cast_to(x, DType::uint8, "bool")), DType::bool_, "bool");
}

/** Whether t has no elements: MXNet 1.9.1 crashes (SIGSEGV) in some operators on zero-size
 *  operands, so kernels answer those themselves. */
bool empty(const NDArray& t);
/** A zero-size array of this shape and dtype (made without an operator). */
NDArray empty_array(const Shape& s, DType d);

/** Copies t's n elements (row-major) to dst; a function being traced by compile_fn that reads
 *  an array computed from its arguments (its values vary per call) cannot be a graph. */
void read_host(const NDArray& t, void* dst, std::size_t n, std::string_view fn);

// compile_fn (compile.cpp): while a function is traced, every operator call still runs and is
// also recorded as a node of an MXNet symbol (the graph a cached op runs).

/** Whether this thread is tracing a function for compile_fn. */
bool tracing();
/** Whether t is computed from the arguments of the function being traced. */
bool traced(const NDArray& t);
/**
 * While this thread traces: the function does what a graph cannot repeat (what: a random draw,
 * a host read of a traced value). It goes on running, and compile_fn then runs it uncompiled
 * (no exception through the function, which may be user code or Python).
 */
void untraceable(std::string_view what);
/** Adds one operator call (made with these inputs and parameters) to this thread's trace. */
void record(OpHandle op, const std::vector<NDArray>& inputs, const std::vector<std::string>& keys,
            const std::vector<std::string>& values, const std::vector<NDArray>& outputs);

/** Whether MXNet's autograd is recording on this thread and t carries its history
 *  (autodiff.cpp). */
bool recorded(const NDArray& t);
/**
 * For kernels whose derivative MXNet's autograd would get wrong (computed on the host, or found
 * wrong): when t is recorded, the gradient computation under way is marked for ivy's tape, and
 * once f returns it is repeated there (docs/mxnet.md lists them). The kernel's value is right.
 */
void tape_gradient_only(const NDArray& t, std::string_view fn, std::string_view why);

/** The cotangents of a function's inputs (of their shapes and dtypes) from its inputs and the
 *  cotangent of its output. */
using Derivative = std::function<std::vector<NDArray>(const std::vector<NDArray>&, const NDArray&)>;
/**
 * forward(inputs), with derivative as its derivative for MXNet's autograd when an input is
 * recorded (MXCustomFunctionRecord, MXNet's autograd.Function): for kernels whose MXNet
 * derivative differs from ivy's rule (ties) or that run on the host.
 */
NDArray with_derivative(const std::vector<NDArray>& inputs,
                        const std::function<NDArray(const std::vector<NDArray>&)>& forward,
                        Derivative derivative);

const AutodiffKernels& autodiff_kernels();
const CompileKernels& compile_kernels();

IVY_DECLARE_KERNEL_FAMILIES();

}  // namespace ivy::backends::mxnet_impl
