// Printing an Array names its shape, dtype and backend, then the values.
#include <gtest/gtest.h>

#include <sstream>

#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace {

TEST(Printing, ArrayShowsShapeDtypeBackendAndValues) {
  std::ostringstream undefined;
  undefined << ivy::Array();
  EXPECT_EQ(undefined.str(), "Array(undefined)");
  const std::string name = ivy::testing::backend_under_test();
  if (name == "stub") {
    EXPECT_THROW(ivy::array({1.5f, -2.0f}, ivy::backend(name)), ivy::UnsupportedError);
    return;
  }
  std::ostringstream os;
  os << ivy::array({1.5f, -2.0f}, ivy::backend(name));
  EXPECT_EQ(os.str(), "Array(shape=[2], dtype=float32, backend=" + name + ") [1.5, -2]");
}

}  // namespace
