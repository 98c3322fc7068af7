// The mxnet backend's table: handle storage, properties, host and DLPack transfer.
#include <dlpack/dlpack.h>

#include <cstring>
#include <utility>

#include "backends/backends.hpp"
#include "backends/inline_handle.hpp"
#include "backends/mxnet/mx_array.hpp"
#include "core/dlpack.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

constexpr auto copy_handle = inline_handle::copy<NDArray>;
constexpr auto move_handle = inline_handle::move<NDArray>;
constexpr auto destroy_handle = inline_handle::destroy<NDArray>;

DType dtype(const Array& x) { return dtype_of(native(x)); }
Shape shape(const Array& x) { return shape_of(native(x)); }
int ndim(const Array& x) { return static_cast<int>(shape_of(native(x)).size()); }
bool same_shape(const Array& a, const Array& b) {
  return shape_of(native(a)) == shape_of(native(b));
}
Device device(const Array&) { return Device("cpu"); }
const char* dtype_unsupported(DType d) {
  if (d == DType::int16)
    return "MXNet 1.9.1 has no int16 kernels on the CPU (its own Cast cannot make one)";
  return nullptr;
}

Array from_host(const void* data, const Shape& s, DType d, const Device& dev) {
  require_cpu(dev, "from_host");
  return wrap(host_array(s, d, [&](void* dst, std::size_t n) { std::memcpy(dst, data, n); }));
}

void to_host(const Array& x, void* dst) {
  const NDArray& t = native(x);
  std::size_t n = 1;
  for (std::int64_t v : shape_of(t)) n *= static_cast<std::size_t>(v);
  read_host(t, dst, n, "to_host");
}

DLManagedTensor* to_dlpack(const Array& x) {
  if (tracing() && traced(native(x)))
    untraceable("to_dlpack shares a traced array's memory outside the graph");
  void* m = nullptr;
  check(api().MXNDArrayToDLPack(native(x).handle(), &m), "to_dlpack");
  auto* managed = static_cast<DLManagedTensor*>(m);
  if (dtype(x) == DType::bool_) managed->dl_tensor.dtype = detail::dlpack_dtype(DType::bool_);
  return managed;
}

// What MXNet's own import (MXNDArrayFromDLPackEx) can share: it reads the data pointer without
// the byte offset, refuses any strides but the compact ones (size-1 dimensions included) and
// knows no DLPack bool; zero-size arrays are made without MXNet (see empty()).
bool mxnet_can_share(const DLTensor& t, DType d) {
  if (t.byte_offset != 0 || d == DType::bool_) return false;
  std::int64_t expected = 1;
  for (int k = t.ndim - 1; k >= 0; --k) {
    if (t.shape[k] == 0) return false;
    if (t.strides && t.strides[k] != expected) return false;
    expected *= t.shape[k];
  }
  return true;
}

// Shared where MXNet can hold the producer's memory (it keeps the capsule and calls its deleter
// when the array goes), else copied row-major.
Array from_dlpack(DLManagedTensor* m) {
  detail::CapsuleOwner capsule(m);
  const DLTensor& t = m->dl_tensor;
  if (t.device.device_type != kDLCPU)
    detail::raise<UnsupportedError>("from_dlpack", "mxnet", "only CPU memory can be imported");
  const DType d = detail::from_dlpack_dtype(t.dtype, "mxnet");
  if (const char* why = dtype_unsupported(d))
    detail::raise<UnsupportedError>("from_dlpack", "mxnet", why);
  if (mxnet_can_share(t, d)) {
    NDArrayHandle h = nullptr;
    check(api().MXNDArrayFromDLPackEx(m, false, &h), "from_dlpack");
    capsule.hand_over();
    return wrap(NDArray::adopt(h));
  }
  const Shape s(t.shape, t.shape + t.ndim);
  return wrap(host_array(s, d, [&](void* dst, std::size_t) { detail::copy_to_row_major(t, dst); }));
}

Array to_device(const Array& x, const Device& d) {
  require_cpu(d, "to_device");
  return x;
}

}  // namespace

const Backend& backend() {
  static const Backend table = [] {
    Backend b;
    IVY_FILL_BACKEND_TABLE(b, "mxnet");
    b.autodiff = &autodiff_kernels();
    b.compile = &compile_kernels();
    return b;
  }();
  return table;
}

}  // namespace ivy::backends::mxnet_impl

namespace ivy::backends {
const Backend& mxnet() { return mxnet_impl::backend(); }
}  // namespace ivy::backends
