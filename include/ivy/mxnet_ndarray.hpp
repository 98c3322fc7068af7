#pragma once
/// ivy::mxnet::NDArray: the mxnet backend's native array, a shared reference to an MXNet
/// NDArray (NDArrayHandle of MXNet's C API, which has no C++ array class of its own).
#include <memory>

namespace ivy::mxnet {

class NDArray {
 public:
  /** An empty reference. */
  NDArray() = default;
  /** Takes ownership of an NDArrayHandle: MXNDArrayFree runs when the last copy goes. */
  static NDArray adopt(void* handle);
  /** The NDArrayHandle, still owned by this NDArray (and its copies). */
  void* handle() const noexcept { return h_.get(); }
  explicit operator bool() const noexcept { return h_ != nullptr; }

 private:
  std::shared_ptr<void> h_;
};

}  // namespace ivy::mxnet
