#include "ops/dispatch.hpp"

#include <cmath>
#include <limits>

#include "ivy/core/framework.hpp"

namespace ivy::detail {

const Backend& backend_of(std::string_view fn, const Array& x) {
  if (!x.defined()) raise<ValueError>(fn, "none", "an argument is an undefined Array");
  return x.backend();
}

const Backend& common_backend(std::string_view fn, std::initializer_list<const Array*> xs) {
  const Backend* found = nullptr;
  for (const Array* x : xs) {
    const Backend& b = backend_of(fn, *x);
    if (found && found != &b)
      raise<BackendError>(fn, found->name,
                          "arrays of two backends in one call: '" + std::string(found->name) +
                              "' and '" + std::string(b.name) + "'; convert with ivy::to_backend");
    found = &b;
  }
  if (!found) raise<ValueError>(fn, "none", "no array argument");
  return *found;
}

const Backend& common_backend(std::string_view fn, std::initializer_list<const Operand*> xs) {
  const Backend* found = nullptr;
  for (const Operand* x : xs) {
    if (!x->is_array()) continue;
    const Backend& b = backend_of(fn, x->array());
    if (found && found != &b)
      raise<BackendError>(fn, found->name,
                          "arrays of two backends in one call: '" + std::string(found->name) +
                              "' and '" + std::string(b.name) + "'; convert with ivy::to_backend");
    found = &b;
  }
  if (!found) raise<ValueError>(fn, current_backend().name, "needs at least one array argument");
  return *found;
}

const Backend& creation_backend(const Options& opts) {
  return opts.backend ? *opts.backend : current_backend();
}

Device creation_device(const Options& opts) { return opts.device ? *opts.device : Device("cpu"); }

int ndim(const Backend& b, const Array& x) {
  return b.ndim ? b.ndim(x) : static_cast<int>(b.shape(x).size());
}

bool same_shape(const Backend& b, const Array& x, const Array& y) {
  return b.same_shape ? b.same_shape(x, y) : b.shape(x) == b.shape(y);
}

void require_dtype(const Backend& b, DType d, std::string_view fn) {
  if (!b.dtype_unsupported) raise<UnsupportedError>(fn, b.name, "this backend holds no arrays");
  if (const char* why = b.dtype_unsupported(d))
    raise<UnsupportedError>(fn, b.name,
                            "dtype " + std::string(dtype_name(d)) + " is not supported: " + why);
}

void require_kind(const Array& x, bool ok, std::string_view fn, std::string_view expected) {
  if (!ok)
    raise<DTypeError>(fn, x.backend_name(),
                      "expected " + std::string(expected) + ", got " +
                          std::string(dtype_name(x.dtype())) + " of shape " + shape_str(x.shape()));
}

DType scalar_dtype_next_to(const Scalar& s, DType d) {
  switch (s.kind()) {
    case Scalar::Kind::boolean:
      return d;
    case Scalar::Kind::integer:
      return is_bool(d) ? kDefaultInt : d;
    default:
      return is_floating(d) ? d : kDefaultFloat;
  }
}

Array scalar_array(const Backend& b, const Scalar& s, DType d, const Device& device,
                   std::string_view fn) {
  if (is_integral(d) && s.kind() == Scalar::Kind::integer) {
    const std::int64_t v = s.as_int();
    const auto [lo, hi] = [d]() -> std::pair<std::int64_t, std::int64_t> {
      switch (d) {
        case DType::int8:
          return {-128, 127};
        case DType::uint8:
          return {0, 255};
        case DType::int16:
          return {-32768, 32767};
        case DType::int32:
          return {std::numeric_limits<std::int32_t>::min(),
                  std::numeric_limits<std::int32_t>::max()};
        default:
          return {std::numeric_limits<std::int64_t>::min(),
                  std::numeric_limits<std::int64_t>::max()};
      }
    }();
    if (v < lo || v > hi)
      raise<ValueError>(
          fn, b.name,
          "scalar " + std::to_string(v) + " does not fit dtype " + std::string(dtype_name(d)));
  }
  return family(b, &Backend::creation, fn).full({}, s, d, device);
}

std::string dtypes_str(DType a, DType b) {
  return std::string(dtype_name(a)) + " and " + std::string(dtype_name(b));
}

}  // namespace ivy::detail
