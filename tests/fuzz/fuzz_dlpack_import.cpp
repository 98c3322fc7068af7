// libFuzzer target: ivy::from_dlpack (xtensor backend) on a fuzzed DLManagedTensor. The input
// describes dtype (code, bits, lanes), device, ndim, shape, strides and byte_offset; the rest
// fills the data. For a well-formed descriptor the target allocates the bytes from data (or
// the lowest byte reached, if below it) to one past the highest byte reached, so a read past
// the end or below the start is an AddressSanitizer report. A malformed one (negative ndim or
// dims) gets a 16-byte buffer: the import must reject it before reading. An import must either
// throw an ivy::Error or return an Array of the described shape whose elements can be read, and
// on success the capsule's deleter must have run exactly once when the Array is gone.
#include <dlpack/dlpack.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/ops/conversion.hpp"

namespace {

// Reads the input front to back; zeros once it runs out, so every input is a descriptor.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  template <class T>
  T take() {
    T v{};
    const std::size_t n = pos_ + sizeof(T) <= size_ ? sizeof(T) : size_ - pos_;
    std::memcpy(&v, data_ + pos_, n);
    pos_ += n;
    return v;
  }
  // Small values most of the time (the interesting shapes), the full range when asked.
  std::int64_t dim(bool wide) { return wide ? take<std::int64_t>() : take<std::int8_t>(); }
  const std::uint8_t* rest() const { return data_ + pos_; }
  std::size_t left() const { return size_ - pos_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

struct Capsule {
  DLManagedTensor managed{};
  std::vector<std::int64_t> shape, strides;
  std::uint8_t* buffer = nullptr;
  int deleted = 0;
};

void delete_capsule(DLManagedTensor* m) {
  auto* c = static_cast<Capsule*>(m->manager_ctx);
  std::free(c->buffer);
  c->buffer = nullptr;
  ++c->deleted;
}

constexpr std::int64_t kMaxBytes = 1 << 20;  // larger tensors cost time and find nothing new

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  Capsule c;
  DLTensor& t = c.managed.dl_tensor;
  t.dtype.code = in.take<std::uint8_t>();
  t.dtype.bits = in.take<std::uint8_t>();
  t.dtype.lanes = in.take<std::uint8_t>() == 0 ? 1 : in.take<std::uint16_t>();
  const auto flags = in.take<std::uint8_t>();
  const bool has_strides = flags & 1, wide = flags & 4;
  t.device = {(flags & 2) ? kDLCUDA : kDLCPU, 0};
  const auto ndim_byte = in.take<std::uint8_t>();
  t.ndim = ndim_byte == 255 ? -1 : ndim_byte % 9;
  t.byte_offset = (flags & 8) ? in.take<std::uint64_t>() : in.take<std::uint8_t>();
  for (int d = 0; d < t.ndim; ++d) c.shape.push_back(in.dim(wide));
  if (has_strides)
    for (int d = 0; d < t.ndim; ++d) c.strides.push_back(in.dim(wide));
  t.shape = c.shape.data();
  t.strides = has_strides ? c.strides.data() : nullptr;

  // The element span [lo, hi] the descriptor reaches, in elements. Negative or zero dims make
  // it empty (nothing may be read); otherwise dims and strides past 2^31 are skipped so that
  // the arithmetic below cannot overflow.
  const __int128 item = (t.dtype.bits * static_cast<__int128>(t.dtype.lanes) + 7) / 8;
  bool malformed = t.ndim < 0, zero = false;
  for (const std::int64_t n : c.shape) (n < 0 ? malformed : zero) |= n <= 0;
  __int128 lo = 0, hi = 0, count = 1, row = 1;
  constexpr std::int64_t kBig = std::int64_t{1} << 31;
  for (int d = t.ndim - 1; d >= 0 && !malformed && !zero; --d) {
    const __int128 n = c.shape[d];
    const __int128 stride = has_strides ? c.strides[d] : row;
    if (n > kBig || stride > kBig || stride < -kBig) return 0;
    (stride < 0 ? lo : hi) += stride * (n - 1);
    count *= n;
    row *= n;
    if (count * item > kMaxBytes || (hi - lo) * item > kMaxBytes) return 0;
  }
  if (malformed || zero) count = 0;
  // Bytes [first, end) relative to data are reached; data sits inside the allocation, which
  // spans from min(first, 0) to end, so byte_offset and negative strides stay in bounds.
  const __int128 first = t.byte_offset + lo * item, end = t.byte_offset + (hi + 1) * item;
  const bool empty = malformed || count == 0;
  const __int128 below = empty || first >= 0 ? 0 : -first;
  if (!empty && end > kMaxBytes) return 0;
  const __int128 bytes = empty ? 16 : below + end;
  c.buffer = static_cast<std::uint8_t*>(std::malloc(static_cast<std::size_t>(bytes)));
  std::memcpy(c.buffer, in.rest(), std::min<std::size_t>(in.left(), bytes));
  t.data = c.buffer + static_cast<std::size_t>(below);
  c.managed.manager_ctx = &c;
  c.managed.deleter = delete_capsule;

  bool imported = false;
  try {
    const ivy::Array a = ivy::from_dlpack(&c.managed, ivy::backend("xtensor"));
    imported = true;
    if (malformed || a.shape() != ivy::Shape(c.shape.begin(), c.shape.end())) __builtin_trap();
    (void)a.to_vector<double>();  // every element must be readable
  } catch (const ivy::Error&) {
    // rejecting a descriptor is fine
  }
  // On success the Array owned the capsule and has released it by now.
  if (imported && c.deleted != 1) __builtin_trap();
  if (c.deleted == 0) delete_capsule(&c.managed);  // a rejected capsule may stay with us
  if (c.deleted > 1) __builtin_trap();
  return 0;
}
