// ivy::vision padding on the backend under test: omni-directional padding against a loop over
// the output pixels (wrap across the left/right edge, mirror over the poles with half a turn),
// the original's hand-listed 4 x 4 case with its pole rows, batch shapes and the typed errors.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "support/finite_differences.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace vision = ivy::vision;
using namespace ivy::testing::vision_cases;

// Image values v(b, r, c, k) = 100 b + 10 r + c + 0.5 k, [B, H, W, D].
std::vector<double> ramp(int nb, int h, int w, int d) {
  std::vector<double> v;
  for (int b = 0; b < nb; ++b)
    for (int r = 0; r < h; ++r)
      for (int c = 0; c < w; ++c)
        for (int k = 0; k < d; ++k) v.push_back(100 * b + 10 * r + c + 0.5 * k);
  return v;
}

// The padded image by definition: output (R, C) reads image row R - p (mirrored over a pole
// with a shift of floor(W / 2) columns) and column (C - p) mod W.
std::vector<double> padded_by_loop(const std::vector<double>& img, int nb, int h, int w, int d,
                                   int p) {
  std::vector<double> out;
  for (int b = 0; b < nb; ++b)
    for (int r = 0; r < h + 2 * p; ++r)
      for (int c = 0; c < w + 2 * p; ++c) {
        int row = r - p, shift = 0;
        if (row < 0) row = -1 - row, shift = w / 2;
        if (row >= h) row = 2 * h - 1 - row, shift = w / 2;
        const int col = (((c - p) % w + w) % w + shift) % w;
        for (int k = 0; k < d; ++k)
          out.push_back(img[static_cast<std::size_t>(((b * h + row) * w + col) * d + k)]);
      }
  return out;
}

TEST(VisionPadding, OmniImageMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  for (int p : {1, 2, 4}) {
    const std::vector<double> img = ramp(2, 4, 5, 2);
    const Array out = vision::pad_omni_image(make(img, {2, 4, 5, 2}), p);
    expect_close(out, padded_by_loop(img, 2, 4, 5, 2, p), {2, 4 + 2 * p, 5 + 2 * p, 2});
  }
  const std::vector<double> img = ramp(1, 3, 4, 1);
  expect_close(vision::pad_omni_image(make(img, {3, 4, 1}), 2), padded_by_loop(img, 1, 3, 4, 1, 2),
               {7, 8, 1});
}

// The original's case: a 4 x 4 image 0..15 padded by 1. The row above the image is row 0 half a
// turn round (2 3 0 1), the row below row 3 half a turn round (14 15 12 13), each wrapped.
TEST(VisionPadding, PoleRowsByHand) {
  IVY_VISION_SKIP_ON_STUB();
  std::vector<double> img;
  for (int i = 0; i < 16; ++i) img.push_back(i);
  const Array out = vision::pad_omni_image(make(img, {1, 4, 4, 1}), 1);
  expect_close(out, {1,  2, 3, 0,  1,  2, 3,  0,  1,  2,  3,  0,  7,  4,  5,  6,  7,  4,
                     11, 8, 9, 10, 11, 8, 15, 12, 13, 14, 15, 12, 13, 14, 15, 12, 13, 14},
               {1, 6, 6, 1});
  expect_close(vision::pad_omni_image(make(img, {4, 4, 1}), 0), img, {4, 4, 1});
}

TEST(VisionPadding, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  const Array img = make(ramp(1, 3, 4, 1), {3, 4, 1});
  expect_error<ivy::ValueError>([&] { vision::pad_omni_image(img, 4); }, "pad_omni_image",
                                "pad_size");
  expect_error<ivy::ValueError>([&] { vision::pad_omni_image(img, -1); }, "pad_omni_image",
                                "pad_size");
  expect_error<ivy::ShapeError>(
      [] {
        vision::pad_omni_image(make({1, 2}, {2}), 1);
      },
      "pad_omni_image", "image");
}

TEST(VisionPadding, GradientMatchesFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  if (!ivy::supports_dtype(ivy::backend(backend_under_test()), ivy::float64))
    GTEST_SKIP() << "needs float64";
  ivy::testing::expect_matches_finite_differences(
      {"pad_omni_image",
       [](const Array& x) { return vision::pad_omni_image(x, 2); },
       ramp(1, 3, 4, 1),
       {3, 4, 1}},
      ivy::backend(backend_under_test()), 1e-5);
}

}  // namespace
