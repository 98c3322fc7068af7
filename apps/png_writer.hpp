#pragma once
// Writes 8-bit RGB images with libpng.
#include <cstdint>
#include <string>
#include <vector>

namespace ivy_demo {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;  // row-major, 3 bytes a pixel
};

/** Throws std::runtime_error naming the path when the file cannot be written. */
void write_png(const std::string& path, const Image& image);

}  // namespace ivy_demo
