#pragma once
/// ivy::xla::Buffer: the xla backend's native array, a shared reference to a PJRT buffer on XLA's
/// CPU device (PJRT_Buffer of the PJRT C API, which has no C++ array class of its own).
#include <memory>

struct PJRT_Buffer;

namespace ivy::xla {

/** What a Buffer refers to (defined in the library): the PJRT buffer with ivy's dtype and
 *  shape, and whatever keeps memory it aliases alive. */
struct BufferNode;

class Buffer {
 public:
  /** An empty reference (no buffer). */
  Buffer() = default;
  /** The PJRT buffer, still owned by this Buffer (and its copies). */
  PJRT_Buffer* handle() const noexcept;
  explicit operator bool() const noexcept { return node_ != nullptr; }
  /** For the library: what the buffer refers to. */
  const std::shared_ptr<BufferNode>& node() const noexcept { return node_; }
  explicit Buffer(std::shared_ptr<BufferNode> node) : node_(std::move(node)) {}

 private:
  std::shared_ptr<BufferNode> node_;
};

}  // namespace ivy::xla
