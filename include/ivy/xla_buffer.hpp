#pragma once
/// ivy::xla::Buffer: the xla backend's native array, a shared reference to a PJRT buffer on XLA's
/// CPU device (PJRT_Buffer of the PJRT C API, which has no C++ array class of its own).
#include <memory>

#include "ivy/core/dtype.hpp"
#include "ivy/core/shape.hpp"

struct PJRT_Api;
struct PJRT_Buffer;
struct PJRT_Client;

namespace ivy::xla {

/** What a Buffer refers to (defined in the library): the PJRT buffer with ivy's dtype and
 *  shape, and whatever keeps memory it aliases alive. */
struct BufferNode;

class Buffer {
 public:
  /** An empty reference (no buffer). */
  Buffer() = default;
  /**
   * Takes ownership of b, whose elements have ivy dtype d and shape s (PJRT_Buffer_Destroy
   * runs when the last copy goes). b must be a buffer of ivy::xla::client() on its device.
   */
  static Buffer adopt(PJRT_Buffer* b, DType d, const Shape& s);
  /** The PJRT buffer, still owned by this Buffer (and its copies). */
  PJRT_Buffer* handle() const noexcept;
  explicit operator bool() const noexcept { return node_ != nullptr; }
  /** For the library: what the buffer refers to. */
  const std::shared_ptr<BufferNode>& node() const noexcept { return node_; }
  explicit Buffer(std::shared_ptr<BufferNode> node) : node_(std::move(node)) {}

 private:
  std::shared_ptr<BufferNode> node_;
};

/** The PJRT API of the plugin ivy's xla backend loaded (loading it on first use). */
const PJRT_Api* api();
/** The client ivy's xla backend runs on (one CPU device); buffers passed to Buffer::adopt must
 *  belong to it. */
PJRT_Client* client();

}  // namespace ivy::xla
