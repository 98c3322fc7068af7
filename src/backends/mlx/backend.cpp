// The mlx backend's table: handle storage, properties, host and DLPack transfer.
#include <dlpack/dlpack.h>
#include <mlx/transforms.h>

#include <climits>
#include <cstring>
#include <utility>
#include <vector>

#include "backends/backend_table.hpp"
#include "backends/backends.hpp"
#include "backends/mlx/mlx_array.hpp"
#include "core/dlpack.hpp"

namespace ivy::backends::mlx_impl {

mx::Dtype to_mlx(DType d) {
  switch (d) {
    case DType::bool_:
      return mx::bool_;
    case DType::int8:
      return mx::int8;
    case DType::int16:
      return mx::int16;
    case DType::int32:
      return mx::int32;
    case DType::int64:
      return mx::int64;
    case DType::uint8:
      return mx::uint8;
    case DType::float16:
      return mx::float16;
    case DType::bfloat16:
      return mx::bfloat16;
    case DType::float32:
      return mx::float32;
    case DType::float64:
      return mx::float64;
  }
  return mx::float32;
}

DType from_mlx(mx::Dtype d) {
  switch (d.val()) {
    case mx::Dtype::Val::bool_:
      return DType::bool_;
    case mx::Dtype::Val::int8:
      return DType::int8;
    case mx::Dtype::Val::int16:
      return DType::int16;
    case mx::Dtype::Val::int32:
      return DType::int32;
    case mx::Dtype::Val::int64:
      return DType::int64;
    case mx::Dtype::Val::uint8:
      return DType::uint8;
    case mx::Dtype::Val::float16:
      return DType::float16;
    case mx::Dtype::Val::bfloat16:
      return DType::bfloat16;
    case mx::Dtype::Val::float32:
      return DType::float32;
    case mx::Dtype::Val::float64:
      return DType::float64;
    default:
      detail::raise<UnsupportedError>("from_mlx", "mlx",
                                      "an mlx array of this dtype (unsigned wider than 8 bits or "
                                      "complex) has no ivy dtype");
  }
}

int to_mlx_int(std::int64_t v, std::string_view fn) {
  // MLX keeps sizes, widths and counts in 32-bit ints: a larger value would wrap silently.
  if (v > INT_MAX || v < INT_MIN)
    detail::raise<UnsupportedError>(fn, "mlx",
                                    "MLX sizes are 32-bit; " + std::to_string(v) + " does not fit");
  return static_cast<int>(v);
}

mx::Shape to_mlx_shape(const Shape& s, std::string_view fn) {
  mx::Shape out;
  out.reserve(s.size());
  for (std::int64_t v : s) out.push_back(static_cast<mx::ShapeElem>(to_mlx_int(v, fn)));
  return out;
}

mx::array scalar(const Scalar& value, DType d) {
  if (is_bool(d)) return mx::array(value.as_bool());
  if (is_floating(d)) return mx::array(value.as_double(), to_mlx(d));
  return mx::array(value.as_int(), to_mlx(d));
}

void require_cpu(const Device& d, std::string_view fn) {
  if (!d.is_cpu())
    detail::raise<UnsupportedError>(fn, "mlx",
                                    "this build of MLX runs on the cpu only, not " + d.str());
}

namespace {

mx::array& handle_ref(void* h) { return *std::launder(reinterpret_cast<mx::array*>(h)); }

void copy_handle(void* dst, const void* src) {
  new (dst) mx::array(*std::launder(reinterpret_cast<const mx::array*>(src)));
}
void move_handle(void* dst, void* src) {
  new (dst) mx::array(std::move(handle_ref(src)));
  handle_ref(src).~array();
}
void destroy_handle(void* h) { handle_ref(h).~array(); }

DType dtype(const Array& x) { return from_mlx(native(x).dtype()); }
Shape shape(const Array& x) {
  const mx::Shape& s = native(x).shape();
  return Shape(s.begin(), s.end());
}
int ndim(const Array& x) { return static_cast<int>(native(x).ndim()); }
bool same_shape(const Array& a, const Array& b) { return native(a).shape() == native(b).shape(); }
Device device(const Array&) { return Device("cpu"); }
const char* dtype_unsupported(DType) { return nullptr; }

// A row-major, evaluated copy of x (x itself when it already is one).
mx::array evaluated_row_major(const mx::array& x) {
  mx::array c = mx::contiguous(x);
  evaluate(c);
  return c;
}

// A new MLX-owned row-major array of dtype d whose bytes fill(dst, bytes) writes.
template <class Fill>
mx::array filled_array(const mx::Shape& shape, DType d, Fill fill) {
  std::size_t n = itemsize(d);
  for (mx::ShapeElem v : shape) n *= static_cast<std::size_t>(v);
  mx::allocator::Data data = mx::allocator::malloc(n);
  mx::allocator::Buffer buf = data.buffer();
  if (n) fill(buf.raw_ptr(), n);
  return mx::array(std::move(data), shape, to_mlx(d));
}

Array from_host(const void* data, const Shape& s, DType d, const Device& dev) {
  require_cpu(dev, "from_host");
  return guarded("from_host", [&] {
    const mx::Shape shape = to_mlx_shape(s, "from_host");
    return wrap(
        filled_array(shape, d, [&](void* dst, std::size_t n) { std::memcpy(dst, data, n); }));
  });
}

void to_host(const Array& x, void* dst) {
  guarded("to_host", [&] {
    const mx::array c = evaluated_row_major(native(x));
    if (c.nbytes()) std::memcpy(dst, c.data<char>(), c.nbytes());
  });
}

// The exported capsule keeps the evaluated array (and so its buffer) alive until the consumer
// calls the deleter.
struct Exported {
  mx::array keep;
  std::vector<std::int64_t> shape;
  DLManagedTensor managed;
};

DLManagedTensor* to_dlpack(const Array& x) {
  return guarded("to_dlpack", [&] {
    mx::array c = evaluated_row_major(native(x));
    const mx::Shape& s = c.shape();
    auto* e = new Exported{c, std::vector<std::int64_t>(s.begin(), s.end()), {}};
    DLTensor& t = e->managed.dl_tensor;
    t.data = e->keep.data<void>();
    t.device = {kDLCPU, 0};
    t.ndim = static_cast<std::int32_t>(e->shape.size());
    t.dtype = detail::dlpack_dtype(dtype(x));
    t.shape = e->shape.data();
    t.strides = nullptr;  // row-major
    t.byte_offset = 0;
    e->managed.manager_ctx = e;
    e->managed.deleter = [](DLManagedTensor* self) {
      delete static_cast<Exported*>(self->manager_ctx);
    };
    return &e->managed;
  });
}

// Row-major CPU memory is shared: MLX keeps the producer's buffer and calls its deleter when
// the last array using it goes. Strided memory is copied into a row-major array.
Array from_dlpack(DLManagedTensor* m) {
  detail::CapsuleOwner capsule(m);
  const DLTensor& t = m->dl_tensor;
  if (t.device.device_type != kDLCPU)
    detail::raise<UnsupportedError>("from_dlpack", "mlx", "only CPU memory can be imported");
  const DType d = detail::from_dlpack_dtype(t.dtype, "mlx");
  const mx::Shape shape = to_mlx_shape(Shape(t.shape, t.shape + t.ndim), "from_dlpack");
  return guarded("from_dlpack", [&] {
    if (!detail::is_row_major(t)) {
      // Gathered straight into MLX's buffer; the producer's is released on return.
      return wrap(filled_array(shape, d,
                               [&](void* dst, std::size_t) { detail::copy_to_row_major(t, dst); }));
    }
    void* base = static_cast<char*>(t.data) + t.byte_offset;
    DLManagedTensor* owned = capsule.hand_over();
    auto release = [owned](void*) {
      if (owned->deleter) owned->deleter(owned);
    };
    return wrap(mx::array(base, shape, to_mlx(d), release));
  });
}

Array to_device(const Array& x, const Device& d) {
  require_cpu(d, "to_device");
  return x;
}

void eval(const Array& x) {
  guarded("eval", [&] { evaluate(native(x)); });
}

}  // namespace

// The (function, dtype) cells MLX cannot give as ivy defines them (Backend::unsupported_cells).
constexpr UnsupportedCell kUnsupported[] = {
    {"erf", DType::float64, kErfFloat64},
    {"gelu", DType::float64, "the exact gelu needs erf, which MLX has in float32 only"}};

const Backend& backend() {
  static const Backend table = [] {
    Backend b;
    IVY_FILL_BACKEND_TABLE(b, "mlx");
    b.unsupported_cells = kUnsupported;
    b.eval = eval;
    b.autodiff = &autodiff_kernels();
    b.compile = &compile_kernels();
    return b;
  }();
  return table;
}

}  // namespace ivy::backends::mlx_impl

namespace ivy::backends {
const Backend& mlx() { return mlx_impl::backend(); }
}  // namespace ivy::backends
