#pragma once
/// ivy::tensorflow::Tensor: the tensorflow backend's native array, a shared reference to a
/// TensorFlow eager tensor (TFE_TensorHandle of the C API). TensorFlow has no C++ tensor class in
/// its C API, so this thin handle is the native type of ivy/tensorflow.hpp.
#include <memory>

struct TFE_TensorHandle;
struct TFE_Context;

namespace ivy::tensorflow {

/** What a Tensor refers to (defined in the library): an eager tensor, or, while ivy::compile_fn
 *  traces a function into a TensorFlow graph, an output of that graph. */
struct TensorNode;

class Tensor {
 public:
  /** An empty reference (no tensor). */
  Tensor() = default;
  /** Takes ownership of h: TFE_DeleteTensorHandle runs when the last copy goes. */
  static Tensor adopt(TFE_TensorHandle* h);
  /** The eager handle, still owned by this Tensor (and its copies); null for a graph output
   *  (a tensor seen inside a function ivy::compile_fn is tracing). */
  TFE_TensorHandle* handle() const noexcept;
  explicit operator bool() const noexcept { return node_ != nullptr; }
  /** For the library: what the tensor refers to. */
  const std::shared_ptr<TensorNode>& node() const noexcept { return node_; }
  explicit Tensor(std::shared_ptr<TensorNode> node) : node_(std::move(node)) {}

 private:
  std::shared_ptr<TensorNode> node_;
};

/**
 * The eager context ivy's tensorflow backend runs in (loading TensorFlow on first use). Handles
 * passed to Tensor::adopt must belong to it.
 */
TFE_Context* context();

}  // namespace ivy::tensorflow
