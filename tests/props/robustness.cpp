// Regression tests for inputs a review found reaching undefined behaviour, crashes or foreign
// exceptions: each must now give the right ivy::Error (or the right value) on every backend.
#include <dlpack/dlpack.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "ivy/ivy.hpp"
#include "support/needs_arrays.hpp"
#include "support/support_record.hpp"

namespace {

using ivy::testing::under_test;

TEST(Robustness, OperandOwnsATemporaryArray) {
  IVY_NEEDS_ARRAYS();
  const ivy::Operand o = ivy::ones({4}, under_test());  // the temporary is moved into o
  const ivy::Operand copy = o;
  EXPECT_EQ(ivy::add(o, 1.0).to_vector<float>(), (std::vector<float>{2, 2, 2, 2}));
  EXPECT_EQ(ivy::add(copy, 2.0).to_vector<float>(), (std::vector<float>{3, 3, 3, 3}));
}

TEST(Robustness, SliceRangesAreValidated) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array x = ivy::arange(3, under_test());
  EXPECT_THROW(ivy::slice_ranges(x, {{0, 3, 0}}), ivy::ValueError);
  EXPECT_THROW(ivy::slice_ranges(x, {{0, 4, 1}}), ivy::IndexError);
  EXPECT_THROW(ivy::slice_ranges(x, {{2, 1, 1}}), ivy::IndexError);
  EXPECT_THROW(ivy::slice_ranges(x, {}), ivy::ShapeError);
}

TEST(Robustness, ExtremeSliceStepsFollowPython) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array x = ivy::arange(5, under_test());
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  // Python: list(range(5))[::-big] == [4], [::big] == [0], [::INT64_MIN] == [4]
  EXPECT_EQ(ivy::slice(x, {ivy::Slice{std::nullopt, std::nullopt, -big}}).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{4}));
  EXPECT_EQ(ivy::slice(x, {ivy::Slice{std::nullopt, std::nullopt, big}}).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{0}));
  EXPECT_EQ(ivy::slice(x, {ivy::Slice{std::nullopt, std::nullopt,
                                      std::numeric_limits<std::int64_t>::min()}})
                .to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{4}));
}

TEST(Robustness, ShapesWhoseSizeOverflowsAreRejected) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array x = ivy::arange(2, under_test());
  EXPECT_THROW(ivy::reshape(x, {3, 6148914691236517206}), ivy::ShapeError);
  EXPECT_THROW(ivy::zeros({3, 6148914691236517206}, under_test()), ivy::ValueError);
  EXPECT_THROW(ivy::broadcast_to(ivy::ones({1}, under_test()), {-5}), ivy::ValueError);
  EXPECT_THROW(ivy::tile(x, {std::numeric_limits<std::int64_t>::max()}), ivy::ValueError);
}

TEST(Robustness, ScalarsMustFitIntegerDtypes) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array u8 = ivy::ones({2}, ivy::Options(ivy::uint8).on(under_test()));
  EXPECT_THROW(ivy::constant_pad(u8, {{1, 1}}, 300), ivy::ValueError);
  EXPECT_THROW(ivy::add(u8, 300), ivy::ValueError);
  EXPECT_THROW(ivy::arange(120, 140, 5, ivy::Options(ivy::int8).on(under_test())), ivy::ValueError);
  EXPECT_THROW(ivy::full({1}, std::numeric_limits<std::uint64_t>::max(),
                         ivy::Options(ivy::int64).on(under_test())),
               ivy::ValueError);
}

TEST(Robustness, MalformedDlpackIsRejected) {
  IVY_NEEDS_ARRAYS();
  static bool deleted = false;
  deleted = false;
  std::int64_t shape[1] = {-3};
  auto* t = new DLManagedTensor{};
  t->dl_tensor.ndim = 1;
  t->dl_tensor.shape = shape;
  t->dl_tensor.dtype = {kDLFloat, 32, 1};
  t->dl_tensor.device = {kDLCPU, 0};
  t->deleter = [](DLManagedTensor* self) {
    deleted = true;
    delete self;
  };
  EXPECT_THROW(ivy::from_dlpack(t, under_test()), ivy::ValueError);
  EXPECT_TRUE(deleted) << "a rejected capsule must still be released";
}

TEST(Robustness, EmptyListsNameTheBackend) {
  ivy::use scope{under_test()};
  try {
    ivy::concat({});
    ADD_FAILURE() << "concat of nothing must throw";
  } catch (const ivy::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("[" + ivy::testing::backend_under_test() + "]"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace

namespace {

// Empty matrices and empty batches: MLX's LAPACK kernels divided by zero (SIGFPE) on them.
TEST(Robustness, LinalgOfEmptyMatrices) {
  IVY_NEEDS_ARRAYS();
  const ivy::Backend& b = under_test();
  for (const ivy::Shape& s : {ivy::Shape{0, 0}, ivy::Shape{2, 0, 0}, ivy::Shape{0, 3, 3}}) {
    const ivy::Array x = ivy::zeros(s, b);
    EXPECT_EQ(ivy::shape(ivy::inv(x)), s);
    const ivy::Array d = ivy::det(x);
    EXPECT_EQ(ivy::shape(d), ivy::Shape(s.begin(), s.end() - 2));
    // The determinant of a 0x0 matrix is 1 (the empty product).
    for (float v : d.to_vector<float>()) EXPECT_EQ(v, s.back() == 0 ? 1.0f : 0.0f);
    ivy::Shape rhs(s.begin(), s.end() - 1);
    rhs.push_back(1);
    EXPECT_EQ(ivy::shape(ivy::solve(x, ivy::zeros(rhs, b))), rhs);
    EXPECT_EQ(ivy::svd(x).s.size(), 0);
  }
}

// R's entries below the diagonal are exact +0.0 even where a row's sign was turned over to make
// diag(R) >= 0 (the Array API suite compares R with triu(R) bit for bit).
TEST(Robustness, QrLowerTriangleIsPositiveZero) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array x = ivy::array(std::vector<double>{3, 1, 1, 2, -4, 5, 0, 1, 2}, {3, 3},
                                  ivy::Options(ivy::DType::float64).on(under_test()));
  const std::vector<double> r = ivy::qr(x).r.to_vector<double>();
  for (int i = 0; i < 3; ++i) {
    EXPECT_GE(r[static_cast<std::size_t>(4 * i)], 0.0);
    for (int j = 0; j < i; ++j) EXPECT_FALSE(std::signbit(r[static_cast<std::size_t>(3 * i + j)]));
  }
}

}  // namespace
