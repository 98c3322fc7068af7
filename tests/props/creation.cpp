// Creation properties that fixtures cannot express: C++ brace lists (ragged ones are a
// ShapeError), host buffers, non-finite arange bounds, Options and the *_like defaults.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace {
using ivy::testing::backend_under_test;

#define IVY_SKIP_ON_STUB()                                                                   \
  if (backend_under_test() == "stub")                                                        \
  GTEST_SKIP() << "the stub backend holds no arrays (creation throws UnsupportedError, see " \
                  "Framework.StubCreationIsUnsupportedNamingStub)"

const ivy::Backend& under_test() { return ivy::backend(backend_under_test()); }

// Checks that f throws a ShapeError naming ivy::array, the backend and the given detail.
template <class F>
void expect_shape_error(F f, const std::string& detail) {
  try {
    f();
    ADD_FAILURE() << "no ShapeError (" << detail << ")";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::array"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[" + backend_under_test() + "]"), std::string::npos) << msg;
    EXPECT_NE(msg.find(detail), std::string::npos) << msg;
  }
}
}  // namespace

TEST(CreationProps, NestedListsGiveTheirShape) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = under_test();
  const ivy::Array a = ivy::array({{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}}, b);
  EXPECT_EQ(ivy::shape(a), (ivy::Shape{2, 3, 2}));
  EXPECT_EQ(ivy::dtype(a), ivy::int32);
  EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  EXPECT_EQ(ivy::shape(ivy::array({{2.0}}, b)), (ivy::Shape{1, 1}));
  EXPECT_EQ(ivy::dtype(ivy::array({1.0, 2.0}, b)), ivy::float64);
  EXPECT_EQ(ivy::dtype(ivy::array({{true}, {false}}, b)), ivy::bool_);
  // Options convert the dtype.
  const ivy::Array h = ivy::array({{1.9, -1.9}}, ivy::Options(ivy::int64).on(b));
  EXPECT_EQ(ivy::dtype(h), ivy::int64);
  EXPECT_EQ(h.to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, -1}));
}

TEST(CreationProps, RaggedListsAreShapeErrors) {
  const ivy::Backend& b = under_test();
  // Raised before any backend call, so the stub gives the same ShapeError.
  expect_shape_error([&] { ivy::array({{1.0f, 2.0f}, {3.0f}}, b); }, "entry 1 has 1 elements");
  expect_shape_error([&] { ivy::array({{1, 2}, {3, 4}, {5, 6, 7}}, b); }, "expected 2");
  expect_shape_error([&] { ivy::array({{{1.0}, {2.0}}, {{3.0}}}, b); }, "expected 2");
  expect_shape_error([&] { ivy::array({{{1.0, 2.0}}, {{3.0}}}, b); }, "expected 2");
  expect_shape_error(
      [&] {
        ivy::array(std::vector<float>{1, 2, 3}, {2, 2}, b);
      },
      "3 values do not fill shape [2,2]");
  expect_shape_error([&] { ivy::array(std::vector<int>{}, {1}, b); }, "0 values");
  // Without an explicit backend the message names the backend the call would use.
  ivy::use scope{b};
  expect_shape_error([] { ivy::array({{true}, {false, true}}); }, "entry 1");
}

TEST(CreationProps, FromBufferCopiesTheHostData) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = under_test();
  auto check = [&](auto zero, ivy::DType d) {
    using T = decltype(zero);
    std::vector<T> host = {1, -2, 3, -4, 5, -6};
    const ivy::Array x = ivy::from_buffer(host.data(), {3, 2}, d, b);
    host[0] = 99;  // the array owns a copy
    EXPECT_EQ(x.to_vector<T>(), (std::vector<T>{1, -2, 3, -4, 5, -6}));
    EXPECT_EQ(ivy::shape(x), (ivy::Shape{3, 2}));
  };
  // int16 where the backend has it (MXNet has none), int32 always.
  if (ivy::supports_dtype(b, ivy::int16)) check(std::int16_t{0}, ivy::int16);
  check(std::int32_t{0}, ivy::int32);
  // A null pointer is fine for zero elements and a ValueError otherwise.
  EXPECT_EQ(ivy::shape(ivy::from_buffer(nullptr, {0, 4}, ivy::float32, b)), (ivy::Shape{0, 4}));
  try {
    ivy::from_buffer(nullptr, {2}, ivy::float32, b);
    ADD_FAILURE() << "no error for null data";
  } catch (const ivy::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::from_buffer"), std::string::npos) << e.what();
  }
}

TEST(CreationProps, ArangeNeedsFiniteBoundsAndAStep) {
  const ivy::Backend& b = under_test();
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(ivy::arange(0.0, inf, 1.0, b), ivy::ValueError);
  EXPECT_THROW(ivy::arange(-inf, 0.0, 1.0, b), ivy::ValueError);
  EXPECT_THROW(ivy::arange(0.0, nan, 1.0, b), ivy::ValueError);
  EXPECT_THROW(ivy::arange(0.0, 1.0, nan, b), ivy::ValueError);
  EXPECT_THROW(ivy::arange(0, 10, 0, b), ivy::ValueError);
  EXPECT_THROW(ivy::arange(0.0, 1.0, inf, b), ivy::ValueError);
  EXPECT_THROW(ivy::arange(0, std::int64_t{1} << 62, 1, b), ivy::ValueError);  // too long
}

TEST(CreationProps, LikeFunctionsKeepBackendDtypeAndDevice) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = under_test();
  // A dtype other than the defaults: int16 where the backend has it (MXNet has none).
  const ivy::DType small = ivy::supports_dtype(b, ivy::int16) ? ivy::int16 : ivy::int8;
  const ivy::Array x = ivy::ones({2, 3}, ivy::Options(small).on(b));
  ivy::use scope{"stub"};  // ignored: the backend comes from x
  for (const ivy::Array& y : {ivy::zeros_like(x), ivy::ones_like(x), ivy::full_like(x, 5)}) {
    EXPECT_EQ(y.backend_name(), backend_under_test());
    EXPECT_EQ(ivy::dtype(y), small);
    EXPECT_EQ(ivy::shape(y), (ivy::Shape{2, 3}));
    EXPECT_EQ(ivy::device(y), ivy::device(x));
  }
  EXPECT_EQ(ivy::dtype(ivy::zeros_like(x, ivy::float64)), ivy::float64);
  const ivy::Array undefined{};
  EXPECT_THROW(ivy::zeros_like(undefined), ivy::ValueError);
}

TEST(CreationProps, DefaultDtypes) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = under_test();
  EXPECT_EQ(ivy::dtype(ivy::zeros({1}, b)), ivy::float32);
  EXPECT_EQ(ivy::dtype(ivy::ones({1}, b)), ivy::float32);
  EXPECT_EQ(ivy::dtype(ivy::full({1}, 2, b)), ivy::int64);
  EXPECT_EQ(ivy::dtype(ivy::full({1}, 2.0, b)), ivy::float32);
  EXPECT_EQ(ivy::dtype(ivy::full({1}, false, b)), ivy::bool_);
  EXPECT_EQ(ivy::dtype(ivy::arange(3, b)), ivy::int64);
  EXPECT_EQ(ivy::dtype(ivy::arange(0, 3, 0.5, b)), ivy::float32);
  EXPECT_EQ(ivy::dtype(ivy::linspace(0, 1, 3, -1, true, b)), ivy::float32);
  EXPECT_EQ(ivy::dtype(ivy::eye(2, -1, 0, b)), ivy::float32);
  EXPECT_EQ(ivy::dtype(ivy::one_hot(ivy::array({1}, b), 2)), ivy::float32);
  EXPECT_TRUE(ivy::meshgrid({}).empty());
}

TEST(CreationProps, LinspaceFollowsTheArrayEnds) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = under_test();
  const ivy::Array lo = ivy::array({0.0, 10.0}, b);
  // The ends' backend is used, whatever scope is open; endpoints are exact.
  ivy::use scope{"stub"};
  const ivy::Array y = ivy::linspace(lo, 1.0, 7);
  EXPECT_EQ(y.backend_name(), backend_under_test());
  EXPECT_EQ(ivy::dtype(y), ivy::float64);
  const std::vector<double> v = y.to_vector<double>();
  EXPECT_EQ(v[0], 0.0);
  EXPECT_EQ(v[6], 1.0);
  EXPECT_EQ(v[7], 10.0);
  EXPECT_EQ(v[13], 1.0);
}
