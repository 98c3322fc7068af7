// Image checks that a fixture cannot express: a call with no images at all.
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
