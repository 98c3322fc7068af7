// float_img_to_uint8_img and uint8_img_to_float_img: the original Ivy's way of storing a float
// image in an 8-bit image format, each float32's four bytes as four uint8 channels, and back.
// The bytes are read on the host (as the original did through NumPy) and written least
// significant first, so the layout is little-endian on every platform.
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/image.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

Array float_img_to_uint8_img(const Array& x) {
  constexpr std::string_view fn = "float_img_to_uint8_img";
  const Backend& b = detail::backend_of(fn, x);
  Shape out_shape = x.shape();
  out_shape.push_back(4);
  detail::check_shape(out_shape, fn, b.name, 2);  // the host bytes and the result
  const Array xf = x.dtype() == DType::float32 ? x : cast(x, DType::float32);
  const std::vector<float> values = xf.to_vector<float>();
  std::vector<std::uint8_t> bytes(values.size() * 4);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto bits = std::bit_cast<std::uint32_t>(values[i]);
    for (std::size_t k = 0; k < 4; ++k)
      bytes[4 * i + k] = static_cast<std::uint8_t>((bits >> (8 * k)) & 0xffu);
  }
  return from_buffer(bytes.data(), out_shape, DType::uint8, Options().on(b).to(x.device()));
}

Array uint8_img_to_float_img(const Array& x) {
  constexpr std::string_view fn = "uint8_img_to_float_img";
  const Backend& b = detail::backend_of(fn, x);
  const Shape s = x.shape();
  if (s.empty() || s.back() != 4)
    detail::raise<ShapeError>(
        fn, b.name, "x needs a last axis of 4 bytes ([..., 4]), got shape " + shape_str(s));
  if (x.dtype() != DType::uint8)
    detail::raise<DTypeError>(fn, b.name,
                              "needs uint8 bytes, got " + std::string(dtype_name(x.dtype())));
  const std::vector<std::uint8_t> bytes = x.to_vector<std::uint8_t>();
  std::vector<float> values(bytes.size() / 4);
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::uint32_t bits = 0;
    for (std::size_t k = 0; k < 4; ++k)
      bits |= static_cast<std::uint32_t>(bytes[4 * i + k]) << (8 * k);
    values[i] = std::bit_cast<float>(bits);
  }
  return from_buffer(values.data(), Shape(s.begin(), s.end() - 1), DType::float32,
                     Options().on(b).to(x.device()));
}

}  // namespace ivy
