#include "backends/host_value.hpp"

#include <cstdint>
#include <cstring>
#include <string>

#include "ivy/core/errors.hpp"

namespace ivy::backends {
namespace {
template <class T>
void store(void* dst, T v) {
  std::memcpy(dst, &v, sizeof v);
}
}  // namespace

void write_value(const Scalar& value, DType d, void* dst, std::string_view backend) {
  switch (d) {
    case DType::bool_:
      return store(dst, value.as_bool());
    case DType::int8:
      return store(dst, static_cast<std::int8_t>(value.as_int()));
    case DType::int16:
      return store(dst, static_cast<std::int16_t>(value.as_int()));
    case DType::int32:
      return store(dst, static_cast<std::int32_t>(value.as_int()));
    case DType::int64:
      return store(dst, value.as_int());
    case DType::uint8:
      return store(dst, static_cast<std::uint8_t>(value.as_int()));
    case DType::float32:
      return store(dst, static_cast<float>(value.as_double()));
    case DType::float64:
      return store(dst, value.as_double());
    case DType::float16:
    case DType::bfloat16:
      break;
  }
  detail::raise<DTypeError>("write_value", backend,
                            "no host type for " + std::string(dtype_name(d)));
}

void fill_value(const Scalar& value, DType d, void* dst, std::size_t bytes,
                std::string_view backend) {
  const std::size_t size = itemsize(d);
  for (std::size_t i = 0; i < bytes / size; ++i)
    write_value(value, d, static_cast<char*>(dst) + i * size, backend);
}

void fill_range(double start, double step, DType d, void* dst, std::size_t bytes,
                std::string_view backend) {
  const std::size_t size = itemsize(d);
  for (std::size_t i = 0; i < bytes / size; ++i)
    write_value(Scalar(start + static_cast<double>(i) * step), d,
                static_cast<char*>(dst) + i * size, backend);
}

}  // namespace ivy::backends
