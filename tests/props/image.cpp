// Image checks that a fixture cannot express: a call with no images at all, and random_crop's
// crops of the backend's generator (a slice at an offset in range, reproducible after ivy::seed).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace {

TEST(ImageProps, StackImagesNeedsAnImage) {
  const ivy::use scope{ivy::testing::backend_under_test()};
  try {
    ivy::stack_images({});
    ADD_FAILURE() << "no error for an empty list";
  } catch (const ivy::ValueError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::stack_images"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[" + ivy::testing::backend_under_test() + "]"), std::string::npos) << msg;
  }
}

// x = arange over [n, H, W, 1]: the first value of a crop names its offset, the rest must follow.
std::vector<std::pair<std::int64_t, std::int64_t>> crop_offsets(const ivy::Array& crop,
                                                                std::int64_t n, std::int64_t rows,
                                                                std::int64_t cols, std::int64_t h,
                                                                std::int64_t w) {
  const std::vector<double> v = crop.to_vector<double>();
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (std::int64_t k = 0; k < n; ++k) {
    const auto first = static_cast<std::int64_t>(v[k * h * w]) - k * rows * cols;
    const std::int64_t top = first / cols, left = first % cols;
    EXPECT_TRUE(top >= 0 && top <= rows - h && left >= 0 && left <= cols - w)
        << "image " << k << ": offset (" << top << ", " << left << ") out of range";
    for (std::int64_t i = 0; i < h; ++i)
      for (std::int64_t j = 0; j < w; ++j)
        EXPECT_EQ(v[(k * h + i) * w + j],
                  static_cast<double>(k * rows * cols + (top + i) * cols + left + j))
            << "image " << k << " pixel (" << i << ", " << j << ") is not the slice's";
    out.emplace_back(top, left);
  }
  return out;
}

TEST(ImageProps, RandomCropIsASliceAtAnOffsetInRangeAndReproducible) {
  const std::string name = ivy::testing::backend_under_test();
  if (name == "stub") GTEST_SKIP() << "the stub backend holds no arrays";
  const ivy::use scope{name};
  constexpr std::int64_t n = 12, rows = 7, cols = 9, h = 3, w = 5;
  const ivy::Array x = ivy::reshape(ivy::arange(n * rows * cols, ivy::Options(ivy::DType::float64)),
                                    {3, 4, rows, cols, 1});
  for (int round = 0; round < 2; ++round) {
    const std::optional<std::uint64_t> seed =
        round == 0 ? std::nullopt : std::optional<std::uint64_t>(17);
    ivy::seed(5);
    const ivy::Array a = ivy::random_crop(x, {h, w}, std::nullopt, std::nullopt, seed);
    ASSERT_EQ(a.shape(), (ivy::Shape{3, 4, h, w, 1}));
    const auto offsets = crop_offsets(a, n, rows, cols, h, w);
    const std::set<std::pair<std::int64_t, std::int64_t>> distinct(offsets.begin(), offsets.end());
    EXPECT_GT(distinct.size(), 1U) << "one offset per image, not one per batch";
    ivy::seed(5);  // the backend's generator again (a seeded call does not read it)
    const ivy::Array b = ivy::random_crop(x, {h, w}, std::nullopt, std::nullopt, seed);
    EXPECT_EQ(crop_offsets(b, n, rows, cols, h, w), offsets) << "round " << round;
  }
  // A seeded call leaves the backend's generator where it was.
  ivy::seed(8);
  const std::vector<double> u = ivy::random_uniform(0.0, 1.0, ivy::Shape{4}).to_vector<double>();
  ivy::seed(8);
  ivy::random_crop(x, {h, w}, std::nullopt, std::nullopt, 3);
  EXPECT_EQ(ivy::random_uniform(0.0, 1.0, ivy::Shape{4}).to_vector<double>(), u);
}

}  // namespace
