#pragma once
/// Image functions on channel-last images [..., h, w, c] with any leading batch dimensions.
#include <utility>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

/**
 * Tiles images (all of one shape [..., h, w, c] and dtype) into one image: a grid of
 * ceil(n / sqrt(n / r)) columns of ceil(sqrt(n / r)) images each, filled column by column,
 * with r = (h / w) * (desired_aspect_ratio.first / desired_aspect_ratio.second) as in the
 * original Ivy; missing cells are zeros. One image is returned as it is. No images is a
 * ValueError, shapes that differ or a rank below 3 a ShapeError, a ratio that is not positive
 * a ValueError.
 */
Array stack_images(const std::vector<Array>& images,
                   std::pair<double, double> desired_aspect_ratio = {1.0, 1.0});

/**
 * Samples x [..., H, W, D] at the float pixel positions warp [..., N, 2], each (x, y), with
 * bilinear interpolation; corner indices outside the image are clamped to the border. The
 * batch dimensions of x and warp must be equal; the result is [..., N, D] in the promoted
 * dtype. warp must be floating (DTypeError); x must not be bool.
 */
Array bilinear_resample(const Array& x, const Array& warp);

/**
 * Forward differences (dy, dx) of x [..., h, w, d]: dy[i] = x[i + 1] - x[i] along h, dx
 * along w, each the shape of x with the last row (column) zero. A rank below 3 is a ShapeError.
 */
std::pair<Array, Array> gradient_image(const Array& x);

}  // namespace ivy
