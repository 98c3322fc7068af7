// ivy::split_func_call on the backend under test: chunked calls give the whole call's values
// (written out below from the closed form), with the right number of calls, per-input and
// per-output axes, and errors naming split_func_call.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ivy/split_func_call.hpp"
#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

using SplitFuncCall = StatefulTest;

// x [n, 2] = [[0, 1], [2, 3], ...], y [n] = [0, 1, ...]: f gives x * 2 + y[:, None] and y^2.
TEST_F(SplitFuncCall, ChunksGiveTheWholeCallsValues) {
  const std::int64_t n = 7;
  std::vector<double> xv, yv;
  for (std::int64_t i = 0; i < 2 * n; ++i) xv.push_back(static_cast<double>(i));
  for (std::int64_t i = 0; i < n; ++i) yv.push_back(static_cast<double>(i));
  int calls = 0;
  const auto f = [&calls](const std::vector<Array>& a) {
    ++calls;
    return std::vector<Array>{add(multiply(a[0], 2.0), expand_dims(a[1], 1)), square(a[1])};
  };
  const std::vector<Array> out =
      split_func_call(f, {from_values(xv, {n, 2}), from_values(yv, {n})}, 3);
  EXPECT_EQ(calls, 3);  // parts of 3, 3 and 1 rows
  std::vector<double> first, second;
  for (std::int64_t i = 0; i < n; ++i) {
    first.push_back(2.0 * static_cast<double>(2 * i) + static_cast<double>(i));
    first.push_back(2.0 * static_cast<double>(2 * i + 1) + static_cast<double>(i));
    second.push_back(static_cast<double>(i * i));
  }
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(close(out[0], from_values(first, {n, 2})));
  EXPECT_TRUE(close(out[1], from_values(second, {n})));

  calls = 0;
  (void)split_func_call(f, {from_values(xv, {n, 2}), from_values(yv, {n})}, n);
  EXPECT_EQ(calls, 1);  // a chunk as long as the inputs: one call on the whole
}

// x [2, n] chunked along axis 1, y [n] along axis 0; the output joined along axis 1.
TEST_F(SplitFuncCall, AxesPerInputAndOutput) {
  const Array x = from_values({1, 2, 3, 4, 5, 10, 20, 30, 40, 50}, {2, 5});
  const Array y = from_values({1, -1, 1, -1, 1}, {5});
  const auto f = [](const std::vector<Array>& a) {
    return std::vector<Array>{multiply(a[0], a[1])};
  };
  const std::vector<Array> out = split_func_call(f, {x, y}, 2, {1, 0}, {1});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(close(out[0], from_values({1, -2, 3, -4, 5, 10, -20, 30, -40, 50}, {2, 5})));
  EXPECT_TRUE(close(split_func_call(f, {x, y}, 2, {-1, 0}, {-1})[0], out[0]));
}

TEST_F(SplitFuncCall, BadCallsNameSplitFuncCall) {
  const auto id = [](const std::vector<Array>& a) { return a; };
  const Array x = from_values({1, 2, 3, 4}, {4});
  const auto names = [](const std::string& msg) {
    EXPECT_NE(msg.find("split_func_call"), std::string::npos) << msg;
  };
  names(error_of<ValueError>([&] { (void)split_func_call(id, {}, 2); }));
  names(error_of<ValueError>([&] { (void)split_func_call(id, {x}, 0); }));
  names(error_of<ShapeError>([&] {
    (void)split_func_call(id, {x, from_values({1, 2, 3}, {3})}, 2);
  }));
  names(error_of<ValueError>([&] { (void)split_func_call(id, {x, x, x}, 2, {0, 0}); }));
  names(error_of<IndexError>([&] { (void)split_func_call(id, {x}, 2, {1}); }));
  int call = 0;
  const auto varying = [&call](const std::vector<Array>& a) {
    return ++call == 1 ? a : std::vector<Array>{a[0], a[0]};
  };
  names(error_of<ValueError>([&] { (void)split_func_call(varying, {x}, 2); }));
}

}  // namespace
}  // namespace ivy::testing
