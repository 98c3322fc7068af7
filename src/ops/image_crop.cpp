// The original Ivy's random_crop: one random offset per image, the crops gathered with one
// take over the flattened images, so that the number of operations does not grow with the
// number of images.
#include <algorithm>
#include <random>
#include <string>

#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/image.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/random.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view kFn = "random_crop";

std::string ints_str(const std::vector<std::int64_t>& v) { return shape_str(Shape(v)); }

// Whether the sizes (all >= 0) hold exactly count elements; a product beyond int64 does not.
bool holds(const Shape& sizes, std::int64_t count) {
  std::int64_t n = 1;
  for (std::int64_t d : sizes)
    if (__builtin_mul_overflow(n, d, &n))
      return std::find(sizes.begin(), sizes.end(), 0) != sizes.end() && count == 0;
  return n == count;
}

// The high 64 bits of a * b, from 32-bit halves (no 128-bit integer type needed).
std::uint64_t mul_high(std::uint64_t a, std::uint64_t b) {
  constexpr std::uint64_t lo = 0xffffffffU;
  const std::uint64_t a0 = a & lo, a1 = a >> 32, b0 = b & lo, b1 = b >> 32;
  const std::uint64_t low = a0 * b0, mid1 = a1 * b0, mid2 = a0 * b1;
  const std::uint64_t carry = (low >> 32) + (mid1 & lo) + mid2;  // < 2^64
  return a1 * b1 + (mid1 >> 32) + (carry >> 32);
}

// count offsets uniform on [0, margin]. With a seed they come from a generator of their own
// (the same crop on every backend, the backend's generator untouched; the top bits of
// (margin + 1) * draw keep the offsets portable where std::uniform_int_distribution is not);
// without one from the backend's generator (ivy::seed makes them reproducible on one backend).
Array offsets(std::int64_t count, std::int64_t margin, std::mt19937_64* gen, const Options& opts) {
  if (!gen) return randint(0, margin + 1, Shape{count}, opts);
  std::vector<std::int64_t> v(static_cast<std::size_t>(count));
  const auto range = static_cast<std::uint64_t>(margin) + 1;
  for (std::int64_t& o : v) o = static_cast<std::int64_t>(mul_high(range, (*gen)()));
  return array<std::int64_t>(v, Shape{count}, opts);
}

}  // namespace

Array random_crop(const Array& x, const std::vector<std::int64_t>& crop_size,
                  const std::optional<Shape>& batch_shape, const std::optional<Shape>& image_dims,
                  std::optional<std::uint64_t> seed) {
  const Backend& b = detail::backend_of(kFn, x);
  const Shape xs = x.shape();
  if (crop_size.size() != 2 || crop_size[0] < 0 || crop_size[1] < 0)
    detail::raise<ValueError>(
        kFn, b.name, "crop_size must be two sizes >= 0 [h, w], got " + ints_str(crop_size));
  if (image_dims && image_dims->size() != 2)
    detail::raise<ValueError>(kFn, b.name,
                              "image_dims must be two sizes [H, W], got " + shape_str(*image_dims));
  const std::size_t needed = batch_shape && image_dims ? 1 : 3;
  if (xs.size() < needed)
    detail::raise<ShapeError>(
        kFn, b.name,
        "x needs rank >= " + std::to_string(needed) + " ([..., H, W, C]), got " + shape_str(xs));
  // As the original: x is viewed as batch_shape + image_dims + [C], C its last dimension.
  const Shape batch = batch_shape ? *batch_shape : Shape(xs.begin(), xs.end() - 3);
  const Shape dims = image_dims ? *image_dims : Shape(xs.end() - 3, xs.end() - 1);
  Shape full = batch;
  full.insert(full.end(), dims.begin(), dims.end());
  full.push_back(xs.back());
  for (std::int64_t d : full)
    if (d < 0)
      detail::raise<ValueError>(kFn, b.name,
                                "batch_shape and image_dims must be >= 0, got " + shape_str(full));
  if (!holds(full, numel(xs)))
    detail::raise<ShapeError>(kFn, b.name,
                              "x " + shape_str(xs) + " is not an array of batch_shape " +
                                  shape_str(batch) + ", image_dims " + shape_str(dims) + " and " +
                                  std::to_string(xs.back()) + " channels");
  const std::int64_t h = crop_size[0], w = crop_size[1], rows = dims[0], cols = dims[1];
  if (h > rows || w > cols)
    detail::raise<ShapeError>(kFn, b.name,
                              "crop_size " + ints_str(crop_size) + " exceeds the image dims " +
                                  shape_str(dims) + " of x " + shape_str(xs));
  Shape result = batch;
  result.push_back(h);
  result.push_back(w);
  result.push_back(xs.back());
  const Options opts = Options(x.dtype()).on(b).to(x.device());
  if (numel(result) == 0) return zeros(result, opts);
  if (h == rows && w == cols) return reshape(x, result);

  const std::int64_t n = numel(batch);
  std::optional<std::mt19937_64> gen;
  if (seed) gen.emplace(*seed);
  const Options index = Options(DType::int64).on(b).to(x.device());
  // All row offsets, then all column offsets, as the original draws them.
  const Array top = offsets(n, rows - h, gen ? &*gen : nullptr, index);
  const Array left = offsets(n, cols - w, gen ? &*gen : nullptr, index);
  // The flat pixel index of crop pixel (i, j) of image k: (k H + top_k + i) W + left_k + j.
  const Array image_start = multiply(arange(0, n * rows, rows, index), cols);
  const Array corner = add(image_start, add(multiply(top, cols), left));
  const Array within = add(reshape(multiply(arange(0, h, 1, index), cols), {1, h, 1}),
                           reshape(arange(w, index), {1, 1, w}));
  const Array pixels = add(reshape(corner, {n, 1, 1}), within);
  const Array crops = take(reshape(x, {n * rows * cols, xs.back()}), pixels, 0);
  return reshape(crops, result);
}

}  // namespace ivy
