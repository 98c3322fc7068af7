#pragma once
/// ivy::vision padding: borders for omni-directional (equirectangular) images. See docs/vision.md.
#include <cstdint>

#include "ivy/core/array.hpp"

namespace ivy::vision {

/**
 * Pads an omni-directional image [BS..., H, W, D] by pad_size pixels on every side ->
 * [BS..., H + 2 pad_size, W + 2 pad_size, D]. The rows above the top row are the top rows
 * mirrored over the pole and shifted half a turn (row -1 - i is row i rolled by floor(W / 2)
 * columns), likewise below the bottom row; then the columns wrap around (the left border is the
 * last pad_size columns, the right border the first). 0 <= pad_size <= min(H, W) (ValueError
 * otherwise); pad_size 0 returns the image.
 */
Array pad_omni_image(const Array& image, std::int64_t pad_size);

}  // namespace ivy::vision
