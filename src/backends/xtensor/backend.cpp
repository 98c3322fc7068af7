// The xtensor backend's table: handle storage, properties, host and DLPack transfer.
#include <dlpack/dlpack.h>

#include <cstring>

#include "backends/backend_table.hpp"
#include "backends/backends.hpp"
#include "backends/xtensor/layout.hpp"
#include "backends/xtensor/xt_array.hpp"
#include "core/dlpack.hpp"

namespace ivy::backends::xtensor_impl {

DType dtype_of_storage(const Storage& s) {
  static constexpr DType kByIndex[] = {DType::bool_, DType::int8,  DType::int16,   DType::int32,
                                       DType::int64, DType::uint8, DType::float32, DType::float64};
  return kByIndex[s.index()];
}

namespace {

Handle& handle_ref(void* h) { return *std::launder(reinterpret_cast<Handle*>(h)); }

void copy_handle(void* dst, const void* src) {
  new (dst) Handle(*std::launder(reinterpret_cast<const Handle*>(src)));
}
void move_handle(void* dst, void* src) {
  new (dst) Handle(std::move(handle_ref(src)));
  handle_ref(src).~Handle();
}
void destroy_handle(void* h) { handle_ref(h).~Handle(); }

DType dtype(const Array& x) { return dtype_of_storage(storage(x)); }
Shape shape(const Array& x) {
  return visit(x, [](const auto& a) { return Shape(a.shape().begin(), a.shape().end()); });
}
int ndim(const Array& x) {
  return visit(x, [](const auto& a) { return static_cast<int>(a.dimension()); });
}
bool same_shape(const Array& a, const Array& b) {
  return visit(a, [&](const auto& xa) {
    return visit(b, [&](const auto& xb) {
      return std::equal(xa.shape().begin(), xa.shape().end(), xb.shape().begin(), xb.shape().end());
    });
  });
}
Device device(const Array&) { return Device("cpu"); }
const char* dtype_unsupported(DType d) {
  if (d == DType::float16 || d == DType::bfloat16)
    return "xtensor has no half-precision element type";
  return nullptr;
}

Array from_host(const void* data, const Shape& s, DType d, const Device& dev) {
  if (!dev.is_cpu())
    detail::raise<UnsupportedError>("from_host", "xtensor",
                                    "only the cpu device exists, not " + dev.str());
  return visit_dtype(d, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto a = xt::xarray<T>::from_shape(to_xshape(s));
    if (a.size() > 0) std::memcpy(a.data(), data, a.size() * sizeof(T));
    return wrap(std::move(a));
  });
}

void to_host(const Array& x, void* dst) {
  visit(x, [&](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    if (a.size() > 0) std::memcpy(dst, a.data(), a.size() * sizeof(T));
  });
}

// The exported capsule keeps the storage alive until the consumer calls the deleter.
struct Exported {
  Handle keep;
  std::vector<std::int64_t> shape;
  DLManagedTensor managed;
};

DLManagedTensor* to_dlpack(const Array& x) {
  auto* e = new Exported{*std::launder(reinterpret_cast<const Handle*>(x.handle())), x.shape(), {}};
  DLTensor& t = e->managed.dl_tensor;
  t.data =
      visit(x, [](const auto& a) { return const_cast<void*>(static_cast<const void*>(a.data())); });
  t.device = {kDLCPU, 0};
  t.ndim = static_cast<std::int32_t>(e->shape.size());
  t.dtype = detail::dlpack_dtype(x.dtype());
  t.shape = e->shape.data();
  t.strides = nullptr;  // row-major
  t.byte_offset = 0;
  e->managed.manager_ctx = e;
  e->managed.deleter = [](DLManagedTensor* self) {
    delete static_cast<Exported*>(self->manager_ctx);
  };
  return &e->managed;
}

// xt::xarray owns its buffer, so an import copies (honouring strides and byte offset).
Array from_dlpack(DLManagedTensor* m) {
  const detail::CapsuleOwner owner(m);
  const DLTensor& t = m->dl_tensor;
  if (t.device.device_type != kDLCPU)
    detail::raise<UnsupportedError>("from_dlpack", "xtensor", "only CPU memory can be imported");
  const DType d = detail::from_dlpack_dtype(t.dtype, "xtensor");
  if (const char* why = dtype_unsupported(d))
    detail::raise<UnsupportedError>("from_dlpack", "xtensor", why);
  return visit_dtype(d, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto a = xt::xarray<T>::from_shape(to_xshape(Shape(t.shape, t.shape + t.ndim)));
    detail::copy_to_row_major(t, a.data());
    return wrap(std::move(a));
  });
}

Array to_device(const Array& x, const Device& d) {
  if (!d.is_cpu())
    detail::raise<UnsupportedError>("to_device", "xtensor",
                                    "only the cpu device exists, not " + d.str());
  return x;
}

}  // namespace

const Backend& backend() {
  static const Backend table = [] {
    Backend b;
    IVY_FILL_BACKEND_TABLE(b, "xtensor");
    return b;
  }();
  return table;
}

}  // namespace ivy::backends::xtensor_impl

namespace ivy::backends {
const Backend& xtensor() { return xtensor_impl::backend(); }
}  // namespace ivy::backends
