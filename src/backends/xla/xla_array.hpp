#pragma once
// How the xla backend holds a PJRT buffer inside ivy::Array: ivy::xla::Buffer, a shared
// reference to a BufferNode that keeps ivy's dtype and shape beside the buffer.
#include <memory>
#include <new>
#include <utility>

#include "backends/backend_table.hpp"
#include "backends/xla/pjrt.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/xla_buffer.hpp"

namespace ivy::xla {

struct BufferNode {
  PJRT_Buffer* buffer = nullptr;
  DType dtype = DType::float32;
  Shape shape;
  /** What the buffer's memory belongs to when it aliases memory of another owner. */
  std::shared_ptr<void> keep_alive;
  /** False for a second node over another node's buffer (kept alive by keep_alive). */
  bool owns_buffer = true;

  BufferNode(PJRT_Buffer* b, DType d, Shape s) : buffer(b), dtype(d), shape(std::move(s)) {}
  BufferNode(const BufferNode&) = delete;
  BufferNode& operator=(const BufferNode&) = delete;
  ~BufferNode() {
    if (owns_buffer) backends::xla_impl::destroy(buffer);
  }
};

}  // namespace ivy::xla

namespace ivy::backends::xla_impl {

using ::ivy::xla::Buffer;
using ::ivy::xla::BufferNode;

static_assert(sizeof(Buffer) <= Array::kHandleSize, "Buffer must fit inline in Array");

const Backend& backend();

inline const Buffer& native(const Array& x) {
  return *std::launder(reinterpret_cast<const Buffer*>(x.handle()));
}
inline const BufferNode& node(const Array& x) { return *native(x).node(); }

inline Array wrap(Buffer b) {
  Array out = Array::make_uninitialized(backend());
  new (out.handle()) Buffer(std::move(b));
  return out;
}

/** An array owning PJRT buffer b, whose elements have dtype d and shape s. */
inline Array adopt(PJRT_Buffer* b, DType d, const Shape& s) { return wrap(Buffer::adopt(b, d, s)); }

/** An array holding a copy of host bytes (row-major, dtype d, shape s). */
Array from_bytes(const void* data, DType d, const Shape& s, std::string_view fn);

/**
 * x's elements in host memory, row-major, read in place (the CPU device keeps buffers there and
 * every kernel waits for its outputs). Kernels that compute on the host read through this: a
 * function being traced by compile_fn that reads an array computed from its arguments cannot be
 * one executable, and runs uncompiled.
 */
const void* host_data(const Array& x, std::string_view fn);
/**
 * While this thread traces a function for compile_fn: the function does what one executable
 * cannot repeat (what: "a random draw", a host computation). It goes on running, and compile_fn
 * then runs it uncompiled. Does nothing outside a trace.
 */
void untraceable(std::string_view what);

/** UnsupportedError unless d is the CPU: the plugin has one CPU device. */
void require_cpu(const Device& d, std::string_view fn);

const CompileKernels& compile_kernels();

IVY_DECLARE_KERNEL_FAMILIES();

}  // namespace ivy::backends::xla_impl
