#pragma once
/// ivy::tensorflow::Tensor: the tensorflow backend's native array, a shared reference to a
/// TensorFlow eager tensor (TFE_TensorHandle of the C API). TensorFlow has no C++ tensor class in
/// its C API, so this thin handle is the native type of ivy/tensorflow.hpp.
#include <memory>

struct TFE_TensorHandle;
struct TFE_Context;

namespace ivy::tensorflow {

class Tensor {
 public:
  /** An empty reference (no tensor). */
  Tensor() = default;
  /** Takes ownership of h: TFE_DeleteTensorHandle runs when the last copy goes. */
  static Tensor adopt(TFE_TensorHandle* h);
  /** The handle, still owned by this Tensor (and its copies). */
  TFE_TensorHandle* handle() const noexcept { return h_.get(); }
  explicit operator bool() const noexcept { return h_ != nullptr; }

 private:
  std::shared_ptr<TFE_TensorHandle> h_;
};

/**
 * The eager context ivy's tensorflow backend runs in (loading TensorFlow on first use). Handles
 * passed to Tensor::adopt must belong to it.
 */
TFE_Context* context();

}  // namespace ivy::tensorflow
