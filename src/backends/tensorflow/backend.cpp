// The tensorflow backend's table: handle storage, properties, host and DLPack transfer.
#include <dlpack/dlpack.h>

#include <cstring>
#include <utility>

#include "backends/backends.hpp"
#include "backends/inline_handle.hpp"
#include "backends/tensorflow/tf_tensor.hpp"
#include "core/dlpack.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

constexpr auto copy_handle = inline_handle::copy<Tensor>;
constexpr auto move_handle = inline_handle::move<Tensor>;
constexpr auto destroy_handle = inline_handle::destroy<Tensor>;

DType dtype(const Array& x) { return dtype_of(native(x)); }
Shape shape(const Array& x) { return shape_of(native(x)); }
int ndim(const Array& x) {
  if (symbolic(native(x))) return static_cast<int>(shape_of(native(x)).size());
  const int n = api().TFE_TensorHandleNumDims(native(x).handle(), status());
  check("ndim");
  return n;
}
// Binary functions ask this on every call: dimensions compared one by one, no Shape vectors.
bool same_shape(const Array& a, const Array& b) {
  const Tensor& x = native(a);
  const Tensor& y = native(b);
  if (symbolic(x) || symbolic(y)) return shape_of(x) == shape_of(y);
  const Api& tf = api();
  const int n = tf.TFE_TensorHandleNumDims(x.handle(), status());
  bool same = n == tf.TFE_TensorHandleNumDims(y.handle(), status());
  for (int i = 0; same && i < n; ++i)
    same = tf.TFE_TensorHandleDim(x.handle(), i, status()) ==
           tf.TFE_TensorHandleDim(y.handle(), i, status());
  check("same_shape");
  return same;
}
Device device(const Array&) { return Device("cpu"); }
const char* dtype_unsupported(DType) { return nullptr; }

Array from_host(const void* data, const Shape& s, DType d, const Device& dev) {
  require_cpu(dev, "from_host");
  return wrap(host_tensor(s, d, [&](void* dst, std::size_t n) { std::memcpy(dst, data, n); }));
}

void to_host(const Array& x, void* dst) {
  const Resolved t(native(x), "to_host");
  if (t.bytes()) std::memcpy(dst, t.data(), t.bytes());
}

DLManagedTensor* to_dlpack(const Array& x) {
  if (symbolic(native(x))) throw TraceError("to_dlpack shares the memory of an array");
  auto* m = static_cast<DLManagedTensor*>(api().HandleToDLPack(native(x).handle(), status()));
  check("to_dlpack");
  // TensorFlow marks bool with DLPack 1.x's bool code; ivy's DLPack (0.6) carries bool as uint8.
  if (dtype(x) == DType::bool_) m->dl_tensor.dtype = detail::dlpack_dtype(DType::bool_);
  return m;
}

// TensorFlow's kernels require 64-byte aligned buffers (a misaligned one aborts the process in
// the next kernel), so only aligned, row-major CPU memory is shared; the rest is copied.
constexpr std::uintptr_t kTensorFlowAlignment = 64;

Array from_dlpack(DLManagedTensor* m) {
  detail::CapsuleOwner capsule(m);
  const DLTensor& t = m->dl_tensor;
  if (t.device.device_type != kDLCPU)
    detail::raise<UnsupportedError>("from_dlpack", "tensorflow", "only CPU memory can be imported");
  const DType d = detail::from_dlpack_dtype(t.dtype, "tensorflow");
  const Shape s(t.shape, t.shape + t.ndim);
  const auto address = reinterpret_cast<std::uintptr_t>(static_cast<char*>(t.data) + t.byte_offset);
  if (address % kTensorFlowAlignment == 0 && detail::is_row_major(t)) {
    TFE_TensorHandle* h = api().HandleFromDLPack(capsule.hand_over(), status(), api().context);
    check("from_dlpack");
    return wrap(Tensor::adopt(h));
  }
  return wrap(
      host_tensor(s, d, [&](void* dst, std::size_t) { detail::copy_to_row_major(t, dst); }));
}

Array to_device(const Array& x, const Device& d) {
  require_cpu(d, "to_device");
  return x;
}

}  // namespace

const Backend& backend() {
  static const Backend table = [] {
    Backend b;
    IVY_FILL_BACKEND_TABLE(b, "tensorflow");
    b.compile = &compile_kernels();
    return b;
  }();
  return table;
}

}  // namespace ivy::backends::tensorflow_impl

namespace ivy::backends {
const Backend& tensorflow() { return tensorflow_impl::backend(); }
}  // namespace ivy::backends
