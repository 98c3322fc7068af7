#include "ops/dispatch.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include <unistd.h>

#include "ivy/core/framework.hpp"

namespace ivy::detail {

const Backend& backend_of(std::string_view fn, const Array& x) {
  if (!x.defined()) raise<ValueError>(fn, "none", "an argument is an undefined Array");
  return x.backend();
}

namespace {
// Adds x's backend to the one found so far; BackendError naming both when they differ.
void join_backend(const Backend*& found, std::string_view fn, const Array& x) {
  const Backend& b = backend_of(fn, x);
  if (found && found != &b)
    raise<BackendError>(fn, found->name,
                        "arrays of two backends in one call: '" + std::string(found->name) +
                            "' and '" + std::string(b.name) + "'; convert with ivy::to_backend");
  found = &b;
}
}  // namespace

const Backend& common_backend(std::string_view fn, std::initializer_list<const Array*> xs) {
  const Backend* found = nullptr;
  for (const Array* x : xs) join_backend(found, fn, *x);
  if (!found) raise<ValueError>(fn, current_backend().name, "no array argument");
  return *found;
}

const Backend& common_backend(std::string_view fn, std::initializer_list<const Operand*> xs) {
  const Backend* found = nullptr;
  for (const Operand* x : xs)
    if (x->is_array()) join_backend(found, fn, x->array());
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

namespace {
// Physical memory in bytes (read once); 0 when the system does not say.
std::uint64_t physical_memory() {
  static const std::uint64_t bytes = [] {
    const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * page : 0;
  }();
  return bytes;
}

// What this process may still map under its own limits (ulimit -v, ulimit -d), read now since
// they and the usage change; max() when no limit is set. Asked only for large arrays: a few
// microseconds next to allocating them.
std::uint64_t address_space_left() {
  std::uint64_t left = std::numeric_limits<std::uint64_t>::max();
  rlimit as{}, data{};
  const bool as_limited = getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY;
  const bool data_limited = getrlimit(RLIMIT_DATA, &data) == 0 && data.rlim_cur != RLIM_INFINITY;
  if (!as_limited && !data_limited) return left;
  // /proc/self/statm: total program size and data+stack, in pages.
  std::uint64_t size_pages = 0, resident = 0, shared = 0, text = 0, lib = 0, data_pages = 0;
  std::ifstream statm("/proc/self/statm");
  if (!(statm >> size_pages >> resident >> shared >> text >> lib >> data_pages)) return left;
  const auto page = static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
  const auto remaining = [](std::uint64_t limit, std::uint64_t used) {
    return limit > used ? limit - used : 0;
  };
  if (as_limited) left = std::min(left, remaining(as.rlim_cur, size_pages * page));
  if (data_limited) left = std::min(left, remaining(data.rlim_cur, data_pages * page));
  return left;
}

[[noreturn]] void refuse(const Shape& shape, std::string_view fn, std::string_view backend,
                         long double bytes, std::uint64_t limit, std::string_view of_what) {
  std::ostringstream what;  // bytes may pass 2^64 (2^62 elements of 4 bytes)
  what << "shape " << shape_str(shape) << " needs " << std::fixed << std::setprecision(0) << bytes
       << " bytes, more than " << of_what << " (" << limit << " bytes)";
  raise<MemoryError>(fn, backend, what.str());
}

constexpr long double kLargeArrayBytes = 64.0L * 1024 * 1024;
}  // namespace

void check_shape(const Shape& shape, std::string_view fn, std::string_view backend,
                 std::size_t itemsize) {
  std::int64_t n = 1;
  for (auto d : shape) {
    if (d < 0) raise<ValueError>(fn, backend, "negative dimension in shape " + shape_str(shape));
    if (__builtin_mul_overflow(n, d, &n))
      raise<ValueError>(fn, backend, "shape " + shape_str(shape) + " has too many elements");
  }
  const long double bytes = static_cast<long double>(n) * itemsize;
  if (bytes < kLargeArrayBytes) return;
  const std::uint64_t memory = physical_memory();
  if (memory && bytes > memory) refuse(shape, fn, backend, bytes, memory, "this machine's memory");
  const std::uint64_t left = address_space_left();
  if (bytes > left)
    refuse(shape, fn, backend, bytes, left, "this process may still map under its limits");
}

std::pair<long double, long double> integer_range(DType d) {
  switch (d) {
    case DType::int8:
      return {-128.0L, 127.0L};
    case DType::uint8:
      return {0.0L, 255.0L};
    case DType::int16:
      return {-32768.0L, 32767.0L};
    case DType::int32:
      return {-2147483648.0L, 2147483647.0L};
    case DType::int64:
    case DType::bool_:  // not integers: no caller asks (check_scalar_fits returns first)
    case DType::float16:
    case DType::bfloat16:
    case DType::float32:
    case DType::float64:
      break;
  }
  return {-9223372036854775808.0L, 9223372036854775807.0L};  // int64, exact in long double
}

// A fill value must be representable in an integer dtype (after truncation toward zero), so
// that no backend wraps, saturates or throws its own error differently.
void check_scalar_fits(const Scalar& value, DType d, std::string_view fn,
                       std::string_view backend) {
  if (!is_integral(d) || value.kind() == Scalar::Kind::boolean) return;
  const auto [lo_exact, hi_exact] = integer_range(d);
  const double lo = static_cast<double>(lo_exact), hi = static_cast<double>(hi_exact);
  bool fits;
  if (value.kind() == Scalar::Kind::integer) {
    const std::int64_t v = value.as_int();
    fits = d == DType::int64 || (static_cast<double>(v) >= lo && static_cast<double>(v) <= hi);
  } else {
    const double t = std::trunc(value.as_double());
    fits = std::isfinite(t) && t >= lo && (d == DType::int64 ? t < hi : t <= hi);
  }
  if (!fits)
    raise<ValueError>(fn, backend,
                      "fill value " + std::to_string(value.as_double()) + " does not fit dtype " +
                          std::string(dtype_name(d)));
}

DType scalar_dtype_next_to(const Scalar& s, DType d) {
  switch (s.kind()) {
    case Scalar::Kind::boolean:
      return d;
    case Scalar::Kind::integer:
      return is_bool(d) ? kDefaultInt : d;
    case Scalar::Kind::floating:
      break;
  }
  return is_floating(d) ? d : kDefaultFloat;
}

Array scalar_array(const Backend& b, const Scalar& s, DType d, const Device& device,
                   std::string_view fn) {
  check_scalar_fits(s, d, fn, b.name);
  return family(b, &Backend::creation, fn).full({}, s, d, device);
}

std::string dtypes_str(DType a, DType b) {
  return std::string(dtype_name(a)) + " and " + std::string(dtype_name(b));
}

}  // namespace ivy::detail
