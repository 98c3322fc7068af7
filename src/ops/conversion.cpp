#include "ivy/ops/conversion.hpp"

#include <dlpack/dlpack.h>

#include <string>
#include <vector>

#include "ivy/core/framework.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array cast(const Array& x, DType d) {
  const Backend& b = detail::backend_of("cast", x);
  if (x.dtype() == d) return x;
  detail::require_dtype(b, d, "cast");
  return detail::family(b, &Backend::elementwise, "cast").cast(x, d);
}

Array to_device(const Array& x, const Device& d) {
  const Backend& b = detail::backend_of("to_device", x);
  if (x.device() == d) return x;
  return detail::kernel(b, b.to_device, "to_device")(x, d);
}

Array to_device(const Array& x, std::string_view device) {
  const Backend& b = detail::backend_of("to_device", x);
  Device d;
  try {
    d = Device(device);
  } catch (const ValueError&) {
    detail::raise<ValueError>(
        "to_device", b.name,
        "unknown device '" + std::string(device) + "' (expected cpu or cuda:N)");
  }
  return to_device(x, d);
}
Array to_device(const Array& x, const char* device) {
  return to_device(x, std::string_view(device ? device : ""));
}

Array to_backend(const Array& x, std::string_view name) { return to_backend(x, backend(name)); }

Array to_backend(const Array& x, const Backend& target) {
  const Backend& source = detail::backend_of("to_backend", x);
  if (&source == &target) return x;
  const DType d = x.dtype();
  detail::require_dtype(target, d, "to_backend");
  if (source.to_dlpack && target.from_dlpack) {
    // DLPack 0.6 has no bool code: bools travel as uint8 and are cast back.
    Array out = target.from_dlpack(source.to_dlpack(x));
    return out.dtype() == d ? out : cast(out, d);
  }
  // No DLPack on one side: a host copy.
  std::vector<std::byte> host(static_cast<std::size_t>(x.size() * itemsize(d)));
  if (!host.empty()) source.to_host(x, host.data());
  return detail::kernel(target, target.from_host, "to_backend")(host.data(), x.shape(), d,
                                                                x.device());
}

DLManagedTensor* to_dlpack(const Array& x) {
  const Backend& b = detail::backend_of("to_dlpack", x);
  return detail::kernel(b, b.to_dlpack, "to_dlpack")(x);
}

Array from_dlpack(DLManagedTensor* t, const Backend& b) {
  if (!t) detail::raise<ValueError>("from_dlpack", b.name, "null DLPack tensor");
  return detail::kernel(b, b.from_dlpack, "from_dlpack")(t);
}

}  // namespace ivy
