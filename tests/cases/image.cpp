// Case handlers of the image family (fixtures: scripts/fixtures/image.py).
#include <cstdint>
#include <limits>

#include "support/cases.hpp"

IVY_CASE(stack_images) {
  const auto ratio = c.param<std::vector<double>>("ratio");
  return {ivy::stack_images(c.inputs(), {ratio.at(0), ratio.at(1)})};
}

IVY_CASE(bilinear_resample) { return {ivy::bilinear_resample(c.in(0), c.in(1))}; }

IVY_CASE(gradient_image) {
  auto [dy, dx] = ivy::gradient_image(c.in(0));
  return {dy, dx};
}

IVY_CASE(linear_resample) {
  return {ivy::linear_resample(c.in(0), c.param<std::int64_t>("num_samples"),
                               c.param<int>("axis", -1))};
}

IVY_CASE(fourier_encode) {
  // max_freq may be "inf" (a bad-input case): JSON has no infinity.
  const nlohmann::json& f = c.params().at("max_freq");
  const double max_freq = f.is_string() ? std::numeric_limits<double>::infinity() : f.get<double>();
  return ivy::fourier_encode(c.in(0), max_freq, c.param<std::int64_t>("num_bands", 4),
                             c.param<bool>("linear", false), c.param<bool>("concat", true),
                             c.param<bool>("flatten", false));
}

IVY_CASE(float_img_to_uint8_img) { return {ivy::float_img_to_uint8_img(c.in(0))}; }
IVY_CASE(uint8_img_to_float_img) { return {ivy::uint8_img_to_float_img(c.in(0))}; }

// The crop is random: with params.seed the function's own generator is seeded; otherwise the
// backend's generator is (params.global_seed), so that repeated calls (the finite differences)
// crop alike.
IVY_CASE(random_crop) {
  std::optional<ivy::Shape> batch_shape, image_dims;
  if (c.has("batch_shape")) batch_shape = c.param<ivy::Shape>("batch_shape");
  if (c.has("image_dims")) image_dims = c.param<ivy::Shape>("image_dims");
  std::optional<std::uint64_t> seed;
  if (c.has("seed"))
    seed = c.param<std::uint64_t>("seed");
  else
    ivy::seed(c.param<std::uint64_t>("global_seed", 0));
  return {ivy::random_crop(c.in(0), c.param<std::vector<std::int64_t>>("crop_size"), batch_shape,
                           image_dims, seed)};
}
