// ivy::supports / ivy::unsupported_reason (issue 13): the public answer to "does this backend
// support this function on this dtype", from each backend's one declared table.
#include <gtest/gtest.h>

#include <string>

#include "ivy/backend/contract.hpp"
#include "ivy/ivy.hpp"
#include "support/needs_arrays.hpp"

namespace {

using ivy::testing::under_test;

TEST(SupportQuery, AnswersFromTheBackendsDeclarations) {
  const ivy::Backend& b = under_test();
  const std::string name = ivy::testing::backend_under_test();
  if (name == "stub") {
    EXPECT_FALSE(ivy::supports("add", ivy::float32, b));
    return;
  }
  EXPECT_TRUE(ivy::supports("add", ivy::float32, b));
  EXPECT_TRUE(ivy::supports("matmul", ivy::float64, name));
  const bool half = name != "xtensor";
  EXPECT_EQ(ivy::supports("add", ivy::float16, b), half);
  if (!half) {
    const auto why = ivy::unsupported_reason("zeros", ivy::bfloat16, b);
    ASSERT_TRUE(why.has_value());
    EXPECT_NE(why->find("half-precision"), std::string::npos) << *why;
  }
  // mlx declares erf of float64 (float32 precision); the others compute it.
  EXPECT_EQ(ivy::supports("erf", ivy::float64, b), name != "mlx");
  EXPECT_TRUE(ivy::supports("erf", ivy::float32, b));
}

TEST(SupportQuery, DeclaredCellsNameRegisteredFunctions) {
  for (const std::string& name : ivy::available_backends()) {
    const ivy::Backend& b = ivy::backend(name);
    for (const ivy::UnsupportedCell& cell : b.unsupported_cells) {
      EXPECT_NO_THROW((void)ivy::supports(cell.function, cell.dtype, b))
          << name << " declares a cell of '" << cell.function << "', which is not registered";
      EXPECT_FALSE(cell.reason.empty()) << name << ": " << cell.function;
    }
  }
}

TEST(SupportQuery, UnknownFunctionsAndBackendsAreErrors) {
  try {
    (void)ivy::supports("no_such_function", ivy::float32, under_test());
    ADD_FAILURE() << "no error";
  } catch (const ivy::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::supports"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no_such_function"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)ivy::supports("add", ivy::float32, "no_such_backend"), ivy::BackendError);
}

}  // namespace
