// main of each per-backend test binary: IVY_TEST_BACKEND names the backend it checks. It ends
// with one line of counts: passed, failed, declared unsupported, and skipped by reason.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <string>

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

// The reason of a skipped test: its skip message up to the first ':' (the stub's and h5py's
// skips say why first), so that reasons group.
std::string skip_reason(const ::testing::TestResult& r) {
  for (int i = 0; i < r.total_part_count(); ++i) {
    const ::testing::TestPartResult& part = r.GetTestPartResult(i);
    if (!part.skipped()) continue;
    std::string msg = part.message();
    if (const auto colon = msg.find(':'); colon != std::string::npos) msg.resize(colon);
    return msg.empty() ? "no reason given" : msg;
  }
  return "no reason given";
}

class CountsLine : public ::testing::EmptyTestEventListener {
  void OnTestProgramEnd(const ::testing::UnitTest& unit) override {
    int passed = 0, failed = 0;
    std::map<std::string, int> skipped;
    for (int s = 0; s < unit.total_test_suite_count(); ++s) {
      const ::testing::TestSuite& suite = *unit.GetTestSuite(s);
      for (int t = 0; t < suite.total_test_count(); ++t) {
        const ::testing::TestInfo& info = *suite.GetTestInfo(t);
        if (!info.should_run()) continue;
        const ::testing::TestResult& r = *info.result();
        if (r.Skipped())
          ++skipped[skip_reason(r)];
        else if (r.Failed())
          ++failed;
        else
          ++passed;
      }
    }
    std::cout << "[ivy counts] " << ivy::testing::backend_under_test() << ": " << passed
              << " passed (" << ivy::testing::declared_unsupported_count()
              << " of them on declared-unsupported cells), " << failed << " failed";
    int total_skipped = 0;
    for (const auto& [reason, n] : skipped) total_skipped += n;
    std::cout << ", " << total_skipped << " skipped";
    for (const auto& [reason, n] : skipped) std::cout << " [" << n << ": " << reason << "]";
    std::cout << std::endl;
  }
};
}  // namespace

int main(int argc, char** argv) {
  ivy::testing::set_backend_under_test(IVY_TEST_BACKEND);
  ::testing::InitGoogleTest(&argc, argv);
  // A filtered run sees part of the suite: its table would be incomplete, so it writes none.
  if (::testing::GTEST_FLAG(filter) == "*") ::testing::AddGlobalTestEnvironment(new SupportWriter);
  ::testing::UnitTest::GetInstance()->listeners().Append(new CountsLine);
  return RUN_ALL_TESTS();
}
