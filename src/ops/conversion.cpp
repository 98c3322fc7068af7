#include "ivy/ops/conversion.hpp"

#include <dlpack/dlpack.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "grad/record.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

namespace {

// The value of float dtype f (float32 or float64) nearest to the integer bound on the side of
// zero: converting it to the integer type is defined.
double representable_toward_zero(long double bound, DType f) {
  if (f == DType::float64) {
    const double v = static_cast<double>(bound);
    return std::abs(static_cast<long double>(v)) > std::abs(bound) ? std::nextafter(v, 0.0) : v;
  }
  const float v = static_cast<float>(bound);
  return std::abs(static_cast<long double>(v)) > std::abs(bound) ? std::nextafterf(v, 0.0f) : v;
}

// Floats converted to integers saturate and NaN becomes 0 on every backend (C++ and LibTorch
// leave out-of-range conversions undefined).
Array saturate_for_integer(const Array& x, DType to, const ElementwiseKernels& k) {
  const Array xf = x.dtype() == DType::float64 || x.dtype() == DType::float32
                       ? x
                       : k.cast(x, DType::float32);  // half types: exact in float32
  const DType f = xf.dtype();
  const auto [lo, hi] = detail::integer_range(to);
  const Array clipped =
      minimum(maximum(xf, representable_toward_zero(lo, f)), representable_toward_zero(hi, f));
  return where(isnan(xf), 0.0, clipped);
}

}  // namespace

Array cast(const Array& x, DType d) {
  const Backend& b = detail::backend_of("cast", x);
  const DType from = x.dtype();
  if (from == d) return x;
  detail::require_dtype(b, d, "cast");
  const auto& k = detail::family(b, &Backend::elementwise, "cast");
  if (is_floating(from) && is_integral(d)) return k.cast(saturate_for_integer(x, d, k), d);
  Array y = k.cast(x, d);
  IVY_RECORD(record_cast(x, y));
  return y;
}

Array to_device(const Array& x, const Device& d) {
  const Backend& b = detail::backend_of("to_device", x);
  if (x.device() == d) return x;
  Array y = detail::kernel(b, b.to_device, "to_device")(x, d);
  IVY_RECORD(record_to_device(x, y));
  return y;
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

namespace {
Array move_to_backend(const Array& x, const Backend& source, const Backend& target) {
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
}  // namespace

Array to_backend(const Array& x, const Backend& target) {
  const Backend& source = detail::backend_of("to_backend", x);
  if (&source == &target) return x;
  // An engine's own autodiff cannot follow an array to another engine: stop rather than
  // silently lose the gradient (ivy's tape does follow it, see docs/gradients.md).
  if (source.autodiff && source.autodiff->tracked && source.autodiff->tracked(x))
    detail::raise<UnsupportedError>(
        "to_backend", source.name,
        "this array carries " + std::string(source.name) +
            "'s own autodiff history, which cannot cross to another backend; take gradients "
            "across backends with ivy's tape (IVY_GRADIENT_ENGINE=tape) or stop_gradient first");
  Array y = move_to_backend(x, source, target);
  IVY_RECORD(record_to_backend(x, y));
  return y;
}

DLManagedTensor* to_dlpack(const Array& x) {
  const Backend& b = detail::backend_of("to_dlpack", x);
  return detail::kernel(b, b.to_dlpack, "to_dlpack")(x);
}

Array from_dlpack(DLManagedTensor* t, const Backend& b) {
  if (!t) detail::raise<ValueError>("from_dlpack", b.name, "null DLPack tensor");
  // A malformed capsule is released and rejected before a backend reads it.
  const DLTensor& d = t->dl_tensor;
  std::string problem;
  if (d.ndim < 0 || (d.ndim > 0 && !d.shape)) problem = "bad rank or shape pointer";
  Shape shape;
  for (int i = 0; problem.empty() && i < d.ndim; ++i) {
    if (d.shape[i] < 0) problem = "negative dimension";
    shape.push_back(d.shape[i]);
  }
  if (problem.empty()) {
    // Engines compute strides from the non-zero dimensions even when one is 0, so their
    // product must fit in int64 too (a [0, 2^57, 2^10] tensor overflowed xtensor's strides).
    std::int64_t n = 1, strided = 1;
    for (auto s : shape)
      if (__builtin_mul_overflow(n, s, &n) ||
          (s > 0 && __builtin_mul_overflow(strided, s, &strided)))
        problem = "too many elements";
    if (problem.empty() && n > 0 && !d.data) problem = "null data for a non-empty tensor";
  }
  if (!problem.empty()) {
    if (t->deleter) t->deleter(t);
    detail::raise<ValueError>("from_dlpack", b.name, "malformed DLPack tensor: " + problem);
  }
  return detail::kernel(b, b.from_dlpack, "from_dlpack")(t);
}

}  // namespace ivy
