// ivy::vision padding, written over the unified functions (ivy::Array on any backend). Semantics
// follow ivy_vision's padding.pad_omni_image; the differences are listed in docs/vision.md.
#include "ivy/vision/padding.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "ivy/ivy.hpp"
#include "vision/detail.hpp"

namespace ivy::vision {
using namespace ivy::vision::detail;

Array pad_omni_image(const Array& image, std::int64_t pad_size) {
  constexpr std::string_view fn = "pad_omni_image";
  need_rank(fn, "image", image, 3, "[...,H,W,D]");
  const Shape s = image.shape();
  const std::int64_t h = s[s.size() - 3], w = s[s.size() - 2];
  if (pad_size < 0 || pad_size > h || pad_size > w) {
    value_error(fn, backend_name_of(image),
                "pad_size must be in [0, min(H, W)] = [0, " + std::to_string(std::min(h, w)) +
                    "], got " + std::to_string(pad_size));
  }
  if (pad_size == 0) return image;
  // Half a turn: column c of a border row is column (c + floor(W / 2)) mod W of the image row.
  const auto half_turn = [&](const Array& rows) {
    return ivy::concat({axis_range(rows, -2, w / 2, w), axis_range(rows, -2, 0, w / 2)}, -2);
  };
  // BS x PS x W x D: the rows beyond each pole, nearest the image first.
  const Array top = ivy::flip(half_turn(axis_range(image, -3, 0, pad_size)), Axes{-3});
  const Array bottom = ivy::flip(half_turn(axis_range(image, -3, h - pad_size, h)), Axes{-3});
  // BS x H+2PS x W x D, then the columns wrap around.
  const Array tall = ivy::concat({top, image, bottom}, -3);
  return ivy::concat(
      {axis_range(tall, -2, w - pad_size, w), tall, axis_range(tall, -2, 0, pad_size)}, -2);
}

}  // namespace ivy::vision
