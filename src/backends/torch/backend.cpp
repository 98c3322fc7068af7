// The torch backend's table: handle storage, properties, host and DLPack transfer.
#include <ATen/DLConvertor.h>

#include <cmath>
#include <cstring>

#include "backends/backend_table.hpp"
#include "backends/backends.hpp"
#include "backends/torch/torch_array.hpp"
#include "core/dlpack.hpp"

namespace ivy::backends::torch_impl {

at::ScalarType to_torch(DType d) {
  switch (d) {
    case DType::bool_:
      return at::kBool;
    case DType::int8:
      return at::kChar;
    case DType::int16:
      return at::kShort;
    case DType::int32:
      return at::kInt;
    case DType::int64:
      return at::kLong;
    case DType::uint8:
      return at::kByte;
    case DType::float16:
      return at::kHalf;
    case DType::bfloat16:
      return at::kBFloat16;
    case DType::float32:
      return at::kFloat;
    case DType::float64:
      return at::kDouble;
  }
  return at::kFloat;
}

DType from_torch(at::ScalarType t) {
  switch (t) {
    case at::kBool:
      return DType::bool_;
    case at::kChar:
      return DType::int8;
    case at::kShort:
      return DType::int16;
    case at::kInt:
      return DType::int32;
    case at::kLong:
      return DType::int64;
    case at::kByte:
      return DType::uint8;
    case at::kHalf:
      return DType::float16;
    case at::kBFloat16:
      return DType::bfloat16;
    case at::kFloat:
      return DType::float32;
    case at::kDouble:
      return DType::float64;
    default:
      detail::raise<UnsupportedError>(
          "from_torch", "torch",
          std::string("tensor dtype ") + c10::toString(t) + " has no ivy dtype");
  }
}

namespace {
// A float scalar beyond a narrower float dtype's range rounds to inf there (as NumPy and the
// other backends give), where LibTorch refuses it ("cannot be converted without overflow").
double rounded_into(double v, DType d) {
  double max = 0, overflow = 0;  // the largest finite value, and where rounding reaches inf
  switch (d) {
    case DType::float16:
      max = 65504.0, overflow = 65520.0;
      break;
    case DType::bfloat16:
      max = 0x1.fep127, overflow = 0x1.ffp127;
      break;
    case DType::float32:
      max = 0x1.fffffep127, overflow = 0x1.ffffffp127;
      break;
    case DType::float64:  // a double is already in range
    case DType::bool_:
    case DType::int8:
    case DType::int16:
    case DType::int32:
    case DType::int64:
    case DType::uint8:
      return v;
  }
  if (!std::isfinite(v) || std::abs(v) <= max) return v;
  return std::copysign(std::abs(v) >= overflow ? HUGE_VAL : max, v);
}
}  // namespace

c10::Scalar to_torch_scalar(const Scalar& s, DType d) {
  if (is_bool(d)) return c10::Scalar(s.as_bool());
  if (is_floating(d)) return c10::Scalar(rounded_into(s.as_double(), d));
  return c10::Scalar(s.as_int());
}

at::TensorOptions options(DType d, const Device& device) {
  return at::TensorOptions().dtype(to_torch(d)).device(at::Device(device.str()));
}

namespace {

void copy_handle(void* dst, const void* src) {
  new (dst) at::Tensor(*std::launder(reinterpret_cast<const at::Tensor*>(src)));
}
void move_handle(void* dst, void* src) {
  auto* s = std::launder(reinterpret_cast<at::Tensor*>(src));
  new (dst) at::Tensor(std::move(*s));
  s->~Tensor();
}
void destroy_handle(void* h) { std::launder(reinterpret_cast<at::Tensor*>(h))->~Tensor(); }

DType dtype(const Array& x) { return from_torch(tensor(x).scalar_type()); }
Shape shape(const Array& x) {
  const auto sizes = tensor(x).sizes();
  return Shape(sizes.begin(), sizes.end());
}
int ndim(const Array& x) { return static_cast<int>(tensor(x).dim()); }
bool same_shape(const Array& a, const Array& b) { return tensor(a).sizes() == tensor(b).sizes(); }
Device device(const Array& x) { return Device(tensor(x).device().str()); }
const char* dtype_unsupported(DType) { return nullptr; }

Array from_host(const void* data, const Shape& shape, DType d, const Device& dev) {
  at::Tensor t = at::empty(shape, options(d, Device("cpu")));
  if (t.numel() > 0) std::memcpy(t.data_ptr(), data, t.numel() * itemsize(d));
  return wrap(dev.is_cpu() ? t : guarded("from_host", [&] { return t.to(at::Device(dev.str())); }));
}

void to_host(const Array& x, void* dst) {
  const at::Tensor t = tensor(x).to(at::kCPU).contiguous();
  if (t.numel() > 0) std::memcpy(dst, t.data_ptr(), t.numel() * t.element_size());
}

DLManagedTensor* to_dlpack(const Array& x) {
  return guarded("to_dlpack", [&] {
    // DLPack 0.6 has no bool code: bools travel as their uint8 bytes, as on the xtensor side.
    const at::Tensor& t = tensor(x);
    return at::toDLPack(t.scalar_type() == at::kBool ? t.view(at::kByte) : t);
  });
}
// LibTorch shares the producer's memory, except where a tensor cannot describe it: negative
// strides (NumPy's x[::-1]; at::fromDLPack would abort computing the storage size) are copied.
// LibTorch 1.13 also ignores byte_offset, so it is folded into the data pointer here.
Array from_dlpack(DLManagedTensor* m) {
  detail::CapsuleOwner owner(m);  // released here unless LibTorch takes it
  DLTensor& t = m->dl_tensor;
  // Checked first: at::fromDLPack throws on a dtype it lacks without calling the deleter.
  const DType d = detail::from_dlpack_dtype(t.dtype, "torch");
  bool negative = false;
  for (int k = 0; t.strides && k < t.ndim; ++k) negative |= t.strides[k] < 0;
  if (negative) {
    if (t.device.device_type != kDLCPU)
      detail::raise<UnsupportedError>("from_dlpack", "torch",
                                      "negative strides are only imported from CPU memory");
    return guarded("from_dlpack", [&] {
      at::Tensor out = at::empty(Shape(t.shape, t.shape + t.ndim), options(d, Device("cpu")));
      detail::copy_to_row_major(t, out.data_ptr());
      return wrap(out);
    });
  }
  t.data = static_cast<char*>(t.data) + t.byte_offset;
  t.byte_offset = 0;
  DLManagedTensor* handed = owner.hand_over();
  return guarded("from_dlpack", [&] { return wrap(at::fromDLPack(handed)); });
}
Array to_device(const Array& x, const Device& d) {
  return guarded("to_device", [&] { return wrap(tensor(x).to(at::Device(d.str()))); });
}

}  // namespace

const Backend& backend() {
  static const Backend table = [] {
    Backend b;
    IVY_FILL_BACKEND_TABLE(b, "torch");
    b.autodiff = &autodiff_kernels();
    b.compile = &compile_kernels();
    return b;
  }();
  return table;
}

}  // namespace ivy::backends::torch_impl

namespace ivy::backends {
const Backend& torch() { return torch_impl::backend(); }
}  // namespace ivy::backends
