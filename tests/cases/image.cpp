// Case handlers of the image family (fixtures: scripts/fixtures/image.py).
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
