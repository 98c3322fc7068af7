// full and arange are written on the host and uploaded (no module to compile per value); the
// half types are written in float32 and converted by XLA, which rounds once.
#include <vector>

#include "backends/host_value.hpp"
#include "backends/xla/elementwise.hpp"
#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

Array host_made(const Shape& s, DType d, std::string_view fn,
                const std::function<void(void*, std::size_t, DType)>& fill) {
  const DType host = is_half(d) ? DType::float32 : d;
  std::vector<unsigned char> bytes(static_cast<std::size_t>(numel(s)) *
                                   static_cast<std::size_t>(itemsize(host)));
  if (!bytes.empty()) fill(bytes.data(), bytes.size(), host);
  const Array a = from_bytes(bytes.data(), host, s, fn);
  if (host == d) return a;
  return run1(fn, {a},
              [d](Builder& b, const std::vector<Value>& in) { return b.convert(in[0], d); });
}

Array full(const Shape& shape, const Scalar& value, DType d, const Device& dev) {
  require_cpu(dev, "full");
  return host_made(shape, d, "full", [&](void* dst, std::size_t n, DType host) {
    fill_value(value, host, dst, n, "xla");
  });
}

Array arange(double start, double step, std::int64_t n, DType d, const Device& dev) {
  require_cpu(dev, "arange");
  return host_made({n}, d, "arange", [&](void* dst, std::size_t bytes, DType host) {
    fill_range(start, step, host, dst, bytes, "xla");
  });
}

}  // namespace

const CreationKernels& creation_kernels() {
  static const CreationKernels k{full, arange};
  return k;
}

}  // namespace ivy::backends::xla_impl
