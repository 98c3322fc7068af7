#pragma once
// How the tensorflow backend holds an eager tensor inside ivy::Array, maps dtypes, runs eager
// ops and turns TensorFlow's status into ivy errors.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "backends/backend_table.hpp"
#include "backends/host_value.hpp"
#include "backends/tensorflow/tf_api.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/tensorflow_tensor.hpp"

namespace ivy::tensorflow {

struct TensorNode {
  /** An eager tensor (owned), or null for a graph output. */
  TFE_TensorHandle* eager = nullptr;
  /** A graph output while a function is traced (compile.cpp): its graph and output. */
  std::shared_ptr<TF_Graph> graph;
  TF_Output symbol{nullptr, 0};
  TensorNode() = default;
  TensorNode(const TensorNode&) = delete;
  TensorNode& operator=(const TensorNode&) = delete;
  ~TensorNode();
};

}  // namespace ivy::tensorflow

namespace ivy::backends::tensorflow_impl {

using ::ivy::tensorflow::Tensor;

static_assert(sizeof(Tensor) <= Array::kHandleSize, "Tensor must fit inline in Array");

const Backend& backend();

inline const Tensor& native(const Array& x) {
  return *std::launder(reinterpret_cast<const Tensor*>(x.handle()));
}

/** Whether t is a graph output (a function is being traced). */
inline bool symbolic(const Tensor& t) { return t.node() && !t.node()->eager; }

/**
 * Raised where a function being traced for compile_fn needs what a graph cannot give: an
 * element read on the host, a random draw, a shape known only when it runs. compile_fn then runs
 * the function uncompiled (compile.cpp).
 */
class TraceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/** The graph this thread is tracing a function into, or null (compile.cpp). */
const std::shared_ptr<TF_Graph>* tracing_graph();
/** The graph output of t in graph g: t's own, or a Const node holding an eager t's value. */
TF_Output graph_output(const std::shared_ptr<TF_Graph>& g, const Tensor& t);
/** A unique operation name in the traced graph. */
std::string next_op_name();
/** TraceError naming what needs a value, when this thread is tracing. */
void forbid_while_tracing(std::string_view what);

inline Array wrap(Tensor t) {
  Array out = Array::make_uninitialized(backend());
  new (out.handle()) Tensor(std::move(t));
  return out;
}

TF_DataType to_tf(DType d);
DType from_tf(TF_DataType d);

/** A status object reused by this thread, cleared for each call. */
TF_Status* status();
/** UnsupportedError naming fn with TensorFlow's message when the thread's status is not OK:
 *  core has checked the arguments, so what TensorFlow still refuses is a limit of TensorFlow
 *  (a kernel it lacks for a dtype, say). */
void check(std::string_view fn);

/** The shape of a tensor (of a graph output: its static shape, TraceError when unknown). */
Shape shape_of(const Tensor& t);
/** The dtype of a tensor. */
DType dtype_of(const Tensor& t);
/** TensorFlow's host tensor (TF_Tensor) of an eager tensor, deleted on scope exit; TraceError
 *  for a graph output (its values exist only when the traced function runs). */
class Resolved {
 public:
  Resolved(const Tensor& t, std::string_view fn);
  ~Resolved();
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;
  TF_Tensor* get() const { return t_; }
  const void* data() const;
  std::size_t bytes() const;

 private:
  TF_Tensor* t_;
};

/** MemoryError: TensorFlow could not allocate a tensor of this shape and dtype. */
[[noreturn]] void allocation_failed(const Shape& shape, DType d, std::size_t bytes);
/** A new tensor of dtype d whose row-major bytes fill(dst, nbytes) writes. */
template <class Fill>
Tensor host_tensor(const Shape& shape, DType d, Fill fill) {
  const Api& a = api();
  std::size_t n = itemsize(d);
  for (std::int64_t v : shape) n *= static_cast<std::size_t>(v);
  TF_Tensor* t = a.TF_AllocateTensor(to_tf(d), shape.data(), static_cast<int>(shape.size()), n);
  // Out of memory, TensorFlow returns a tensor without a buffer (or none at all).
  void* data = t ? a.TF_TensorData(t) : nullptr;
  if (n && !data) {
    if (t) a.TF_DeleteTensor(t);
    allocation_failed(shape, d, n);
  }
  if (n) fill(data, n);
  TFE_TensorHandle* h = a.TFE_NewTensorHandle(t, status());
  a.TF_DeleteTensor(t);  // the handle keeps its own reference
  check("from_host");
  return Tensor::adopt(h);
}
/** A 1-D int64 (or int32) tensor of values, for shape, axis and permutation operands. */
Tensor int64_vector(const std::vector<std::int64_t>& values);
Tensor int32_vector(const std::vector<std::int64_t>& values);
/** A 0-d int32 tensor (axis operands). */
Tensor int32_scalar(std::int64_t v);
/** A 0-d tensor of dtype d holding value. */
Tensor scalar(const Scalar& value, DType d);

/**
 * One op: inputs and attributes are added in the op's order, then run() executes it eagerly,
 * reusing a per-thread TFE_Op (TFE_OpReset) when no other Op of the thread is being built.
 * While a function is traced (compile_fn) the op is recorded instead, and run() adds it to the
 * graph when an input is a graph output (or, with constant inputs only, computes it now).
 */
class Op {
 public:
  Op(const char* name, std::string_view fn);
  ~Op();
  Op(const Op&) = delete;
  Op& operator=(const Op&) = delete;

  Op& input(const Tensor& t);
  Op& input(const Array& x) { return input(native(x)); }
  Op& inputs(const std::vector<Tensor>& ts);
  Op& type(const char* attr, DType d);
  Op& type(const char* attr, TF_DataType d);
  Op& integer(const char* attr, std::int64_t v);
  Op& boolean(const char* attr, bool v);
  Op& real(const char* attr, float v);
  Op& ints(const char* attr, const std::vector<std::int64_t>& v);
  Op& string(const char* attr, std::string_view v);

  /** Executes the op, returning its n outputs. */
  std::vector<Tensor> run(int n);
  /** Executes a one-output op. */
  Tensor run1();
  /** Executes the op; a failure with TensorFlow's INVALID_ARGUMENT code is ValueError(what),
   *  the way linear algebra reports singular or indefinite matrices. */
  std::vector<Tensor> run_or_value_error(int n, std::string_view what);

 private:
  struct Attr {
    enum class Kind { type, integer, boolean, real, ints, string } kind;
    const char* name;
    std::int64_t i = 0;
    float f = 0;
    std::vector<std::int64_t> list;
    std::string text;
  };
  void start_eager();
  void replay_eagerly();
  std::vector<Tensor> build_in_graph();
  std::vector<Tensor> execute(int n, bool value_errors, std::string_view what);

  const char* name_;
  std::string_view fn_;
  TFE_Op* op_ = nullptr;
  bool cached_ = false;
  // While tracing: what run() replays or builds.
  const std::shared_ptr<TF_Graph>* graph_ = nullptr;
  std::vector<std::vector<Tensor>> inputs_;
  std::vector<bool> input_is_list_;
  std::vector<Attr> attrs_;
};

/** Runs a one-output op named name on the inputs (attributes inferred). */
Tensor run(const char* name, std::string_view fn, std::initializer_list<Tensor> inputs);

/** x cast to dtype d (x itself when it has it). */
Tensor cast_to(const Tensor& x, DType d, std::string_view fn);
/** x transposed by perm. */
Tensor transpose_by(const Tensor& x, const std::vector<int>& perm, std::string_view fn);
/** x reshaped. */
Tensor reshape_to(const Tensor& x, const Shape& shape, std::string_view fn);

/** UnsupportedError naming fn unless d is the cpu (the wheel's TensorFlow is CPU-only). */
void require_cpu(const Device& d, std::string_view fn);

IVY_DECLARE_KERNEL_FAMILIES();
const CompileKernels& compile_kernels();

}  // namespace ivy::backends::tensorflow_impl
