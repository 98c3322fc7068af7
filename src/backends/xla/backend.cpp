// The xla backend's table: handle storage, properties, host and DLPack transfer.
#include <dlpack/dlpack.h>

#include <cstring>
#include <utility>
#include <vector>

#include "backends/backends.hpp"
#include "backends/inline_handle.hpp"
#include "backends/xla/xla_array.hpp"
#include "core/dlpack.hpp"

namespace ivy::xla {
PJRT_Buffer* Buffer::handle() const noexcept { return node_ ? node_->buffer : nullptr; }
Buffer Buffer::adopt(PJRT_Buffer* b, DType d, const Shape& s) {
  return Buffer(std::make_shared<BufferNode>(b, d, s));
}
const PJRT_Api* api() { return &backends::xla_impl::api(); }
PJRT_Client* client() { return backends::xla_impl::client(); }
}  // namespace ivy::xla

namespace ivy::backends::xla_impl {
namespace {

constexpr auto copy_handle = inline_handle::copy<Buffer>;
constexpr auto move_handle = inline_handle::move<Buffer>;
constexpr auto destroy_handle = inline_handle::destroy<Buffer>;

DType dtype(const Array& x) { return node(x).dtype; }
Shape shape(const Array& x) { return node(x).shape; }
int ndim(const Array& x) { return static_cast<int>(node(x).shape.size()); }
bool same_shape(const Array& a, const Array& b) { return node(a).shape == node(b).shape; }
Device device(const Array&) { return Device("cpu"); }
const char* dtype_unsupported(DType) { return nullptr; }

std::size_t bytes_of(const BufferNode& n) {
  return static_cast<std::size_t>(numel(n.shape)) * static_cast<std::size_t>(itemsize(n.dtype));
}

Array from_host(const void* data, const Shape& s, DType d, const Device& dev) {
  require_cpu(dev, "from_host");
  return from_bytes(data, d, s, "from_host");
}

// The CPU device keeps a buffer's elements in host memory, complete once the kernel that made
// it has returned (every kernel call waits for its outputs): read in place.
void to_host(const Array& x, void* dst) {
  if (const std::size_t bytes = bytes_of(node(x))) std::memcpy(dst, host_data(x, "to_host"), bytes);
}

// Shared without a copy: the capsule holds a reference to the buffer's node.
struct Exported {
  Buffer buffer;
  Shape shape;
  DLManagedTensor managed;
};

DLManagedTensor* to_dlpack(const Array& x) {
  const BufferNode& n = node(x);
  auto* e = new Exported{native(x), n.shape, {}};
  DLTensor& t = e->managed.dl_tensor;
  // Through host_data: memory shared outside a traced function makes it run uncompiled.
  t.data = bytes_of(n) ? const_cast<void*>(host_data(x, "to_dlpack")) : nullptr;
  t.device = {kDLCPU, 0};
  t.ndim = static_cast<std::int32_t>(e->shape.size());
  t.dtype = detail::dlpack_dtype(n.dtype);
  t.shape = e->shape.data();
  t.strides = nullptr;
  t.byte_offset = 0;
  e->managed.manager_ctx = e;
  e->managed.deleter = [](DLManagedTensor* self) {
    delete static_cast<Exported*>(self->manager_ctx);
  };
  return &e->managed;
}

// XLA's CPU kernels take a view of memory aligned to 64 bytes (a misaligned one is refused).
constexpr std::uintptr_t kXlaAlignment = 64;

void release_capsule(void*, void* capsule) {
  auto* m = static_cast<DLManagedTensor*>(capsule);
  if (m->deleter) m->deleter(m);
}

// A PJRT buffer viewing the producer's memory; the capsule is released when the buffer goes.
Array view_of(detail::CapsuleOwner& owner, const DLTensor& t, DType d, const Shape& s) {
  auto v = args<PJRT_Client_CreateViewOfDeviceBuffer_Args>();
  v.client = client();
  v.device_buffer_ptr = static_cast<char*>(t.data) + t.byte_offset;
  v.dims = s.data();
  v.num_dims = s.size();
  v.element_type = buffer_type(d);
  v.device = xla_impl::device();
  v.on_delete_callback = release_capsule;  // never null: PJRT calls it unchecked
  v.on_delete_callback_arg = owner.hand_over();
  if (PJRT_Error* e = api().PJRT_Client_CreateViewOfDeviceBuffer(&v)) {
    release_capsule(nullptr, v.on_delete_callback_arg);
    check(e, "from_dlpack");
  }
  return adopt(v.buffer, d, s);
}

Array from_dlpack(DLManagedTensor* m) {
  detail::CapsuleOwner owner(m);
  const DLTensor& t = m->dl_tensor;
  if (t.device.device_type != kDLCPU)
    detail::raise<UnsupportedError>("from_dlpack", "xla", "only CPU memory can be imported");
  const DType d = detail::from_dlpack_dtype(t.dtype, "xla");
  const Shape s(t.shape, t.shape + t.ndim);
  const auto address = reinterpret_cast<std::uintptr_t>(static_cast<char*>(t.data) + t.byte_offset);
  if (numel(s) > 0 && address % kXlaAlignment == 0 && detail::is_row_major(t))
    return view_of(owner, t, d, s);
  std::vector<unsigned char> bytes(static_cast<std::size_t>(numel(s)) *
                                   static_cast<std::size_t>(itemsize(d)));
  if (!bytes.empty()) detail::copy_to_row_major(t, bytes.data());
  return from_bytes(bytes.data(), d, s, "from_dlpack");
}

Array to_device(const Array& x, const Device& d) {
  require_cpu(d, "to_device");
  return x;
}

}  // namespace

Array from_bytes(const void* data, DType d, const Shape& s, std::string_view fn) {
  return adopt(upload(data, d, s, fn), d, s);
}

void require_cpu(const Device& d, std::string_view fn) {
  if (!d.is_cpu())
    detail::raise<UnsupportedError>(fn, "xla",
                                    "the xla-cpu-pjrt plugin runs on the cpu only, not " + d.str());
}

const Backend& backend() {
  static const Backend table = [] {
    Backend b;
    IVY_FILL_BACKEND_TABLE(b, "xla");
    b.compile = &compile_kernels();
    return b;
  }();
  return table;
}

}  // namespace ivy::backends::xla_impl

namespace ivy::backends {
const Backend& xla() { return xla_impl::backend(); }
}  // namespace ivy::backends
