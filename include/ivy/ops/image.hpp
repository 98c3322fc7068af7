#pragma once
/// Image functions on channel-last images [..., h, w, c] with any leading batch dimensions.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/shape.hpp"

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

/**
 * x [..., n] resampled to num_samples values along axis (default the last) at the evenly spaced
 * positions j (n - 1) / (num_samples - 1), each linearly interpolated between its two neighbours
 * (numpy.interp along the axis; the original Ivy's linear_resample). Both ends are x's own end
 * values; one sample is x's first. Integers compute in float32; bool is a DTypeError, a
 * negative num_samples or an empty axis (with num_samples > 0) a ValueError, an axis out of
 * range an IndexError.
 */
Array linear_resample(const Array& x, std::int64_t num_samples, int axis = -1);

/**
 * The original Ivy's Fourier encoding of positions x [..., dim]: with frequencies f_k spaced from
 * 1 to max_freq / 2 (geometrically, or evenly when linear), the angles a = x * f_k * pi and
 * [x, sin(a_1..a_B), cos(a_1..a_B)] along a new last axis: one array [..., dim, 2 B + 1] when
 * concat, else the two arrays sin and cos [..., dim, B]. flatten reshapes the batch dimensions
 * into one and each value's bands next to each other: x [rows, dim], sin and cos
 * [rows, dim * B] (concatenated: [rows, dim (2 B + 1)]). Integers compute in float32.
 * ShapeError for a 0-d x, DTypeError for bool, ValueError for max_freq <= 0 or not finite and
 * for a negative num_bands.
 */
std::vector<Array> fourier_encode(const Array& x, double max_freq, std::int64_t num_bands = 4,
                                  bool linear = false, bool concat = true, bool flatten = false);

/**
 * The four bytes of each float32 of x (any dtype, cast to float32 first) as four uint8
 * channels: [...] -> [..., 4], least significant byte first (little-endian, on every platform),
 * so that a float image can be stored in an 8-bit RGBA image format. As the original Ivy.
 */
Array float_img_to_uint8_img(const Array& x);
/**
 * The inverse of float_img_to_uint8_img: uint8 [..., 4] (least significant byte first) ->
 * float32 [...], bit for bit (NaN payloads included). ShapeError unless the last axis is 4,
 * DTypeError unless x is uint8.
 */
Array uint8_img_to_float_img(const Array& x);

/**
 * The original ivy.random_crop: x viewed as batch_shape + image_dims + [C] (by default x's
 * [..., H, W, C]: batch_shape x.shape[:-3], image_dims x.shape[-3:-1], C its last dimension) is
 * cropped to crop_size [h, w] at one offset per image, drawn uniformly from [0, H - h] x
 * [0, W - w] (all row offsets first, then the column offsets); the result is
 * batch_shape + [h, w, C] in x's dtype. With a seed the offsets come from a generator of
 * their own seeded with it (the same crop on every backend; the backend's generator is not
 * advanced); without one from the backend's generator (ivy::seed makes them reproducible on
 * one backend). A crop of the whole image returns x reshaped, drawing nothing.
 * Errors: crop_size not two sizes >= 0, image_dims not two sizes, or a negative size:
 * ValueError; a crop larger than the image (the original later clamped it silently), x of
 * rank below 3 (1 with both shapes given) or not holding batch_shape + image_dims + [C]:
 * ShapeError.
 */
Array random_crop(const Array& x, const std::vector<std::int64_t>& crop_size,
                  const std::optional<Shape>& batch_shape = std::nullopt,
                  const std::optional<Shape>& image_dims = std::nullopt,
                  std::optional<std::uint64_t> seed = std::nullopt);

}  // namespace ivy
