// main of each per-backend test binary: IVY_TEST_BACKEND names the backend it checks.
#include <gtest/gtest.h>

#include "support/support_record.hpp"

#ifndef IVY_TEST_BACKEND
#error "IVY_TEST_BACKEND must name the backend under test"
#endif

namespace {
class SupportWriter : public ::testing::Environment {
 public:
  void TearDown() override {
    ivy::testing::write_support(IVY_SUPPORT_DIR, ivy::testing::backend_under_test());
  }
};
}  // namespace

int main(int argc, char** argv) {
  ivy::testing::set_backend_under_test(IVY_TEST_BACKEND);
  ::testing::InitGoogleTest(&argc, argv);
  // A filtered run sees part of the suite: its table would be incomplete, so it writes none.
  if (::testing::GTEST_FLAG(filter) == "*") ::testing::AddGlobalTestEnvironment(new SupportWriter);
  return RUN_ALL_TESTS();
}
