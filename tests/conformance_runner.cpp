// The conformance runner: every fixture case on the backend under test, compared with the
// NumPy-generated expectation; plus the check that every registry function is tested.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <set>

#include "support/cases.hpp"
#include "support/fixture.hpp"
#include "support/support_record.hpp"

namespace ivy::testing {
namespace {

void expect_matches(const FixtureCase& fc, const HostArray& want, const Array& got, std::size_t k) {
  ASSERT_TRUE(got.defined()) << "output " << k << " is undefined";
  ASSERT_EQ(shape_str(got.shape()), shape_str(want.shape)) << "output " << k << " shape";
  ASSERT_EQ(dtype_name(got.dtype()), dtype_name(want.dtype)) << "output " << k << " dtype";
  const std::vector<double> values = got.to_vector<double>();
  ASSERT_EQ(values.size(), want.values.size());
  int reported = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double g = values[i], w = want.values[i];
    bool ok;
    if (std::isnan(w))
      ok = std::isnan(g);
    else if (std::isinf(w))
      ok = g == w;
    else
      ok = std::abs(g - w) <= fc.atol + fc.rtol * std::abs(w);
    if (!ok && reported++ < 5)
      ADD_FAILURE() << "output " << k << " element " << i << ": got " << g << ", expected " << w
                    << " (rtol " << fc.rtol << ", atol " << fc.atol << ")";
  }
}

// Whether the backend declares unsupported any (fc.fn, dtype) cell the case involves (a cast to
// float16 is declared by float16, not by its float32 input).
bool case_declared(const FixtureCase& fc) {
  return declared_unsupported_any(fc.fn, case_dtypes(fc));
}

// An UnsupportedError is an outcome only on a cell the backend declares (ivy::supports: its
// whole-dtype limits and its one table of cells); anywhere else it is a failure, never a skip.
void expect_declared(const FixtureCase& fc, const std::string& dtype, const UnsupportedError& e) {
  if (!case_declared(fc)) {
    ADD_FAILURE() << "UnsupportedError on a cell the backend does not declare (" << fc.fn << ", "
                  << dtype << "): " << e.what();
    return;
  }
  record_support(fc.fn, dtype, Support::unsupported, e.what());
  count_declared_unsupported();
}

class Conformance : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(Conformance, MatchesNumPy) {
  const FixtureCase& fc = GetParam();
  const Backend& b = ivy::backend(backend_under_test());
  const std::string dtype = case_dtype(fc);
  const CaseFn* handler = find_case(fc.fn);
  ASSERT_NE(handler, nullptr) << "no case handler for '" << fc.fn << "' (tests/cases/)";

  std::vector<Array> inputs;
  try {
    for (const HostArray& h : fc.inputs) inputs.push_back(to_device_array(h, b));
  } catch (const UnsupportedError& e) {
    if (backend_name(b) == "stub") {  // declares its whole API unsupported: it holds no arrays
      if (!fc.error) record_support(fc.fn, dtype, Support::unsupported, e.what());
      return count_declared_unsupported();
    }
    if (!fc.error) return expect_declared(fc, dtype, e);
    // A bad-input case whose inputs cannot exist here (float16 on xtensor) never reaches its
    // check; that too must be declared.
    if (case_declared(fc)) return count_declared_unsupported();
    ADD_FAILURE() << "UnsupportedError building the inputs of a bad-input case: " << e.what();
    return;
  }
  const CaseContext ctx(fc, b, std::move(inputs));

  if (backend_name(b) == "stub") {
    // The stub holds no arrays: every call must end in UnsupportedError (or, for a bad-input
    // case, the error core finds before it reaches the backend).
    try {
      (*handler)(ctx);
      ADD_FAILURE() << "the stub backend returned a result";
    } catch (const UnsupportedError& e) {
      if (!fc.error) record_support(fc.fn, dtype, Support::unsupported, e.what());
      count_declared_unsupported();
    } catch (const ivy::Error& e) {
      EXPECT_TRUE(fc.error && error_class(e) == *fc.error) << e.what();
    }
    return;
  }

  if (fc.error) {
    try {
      (*handler)(ctx);
      ADD_FAILURE() << "expected " << *fc.error << ", nothing was thrown";
    } catch (const ivy::Error& e) {
      EXPECT_EQ(error_class(e), *fc.error) << e.what();
      const std::string msg = e.what();
      EXPECT_NE(msg.find("ivy::" + fc.fn), std::string::npos)
          << "message does not name ivy::" << fc.fn << ": " << msg;
      EXPECT_NE(msg.find("[" + std::string(backend_name(b)) + "]"), std::string::npos)
          << "message does not name the backend: " << msg;
    }
    return;
  }

  Outputs outputs;
  try {
    outputs = (*handler)(ctx);
  } catch (const UnsupportedError& e) {
    return expect_declared(fc, dtype, e);
  }
  EXPECT_FALSE(case_declared(fc)) << "the backend declares (" << fc.fn << ", " << dtype
                                  << ") unsupported, but it works";
  ASSERT_EQ(outputs.size(), fc.expected.size()) << "number of outputs";
  for (std::size_t k = 0; k < outputs.size(); ++k)
    expect_matches(fc, fc.expected[k], outputs[k], k);
  record_support(fc.fn, dtype, HasFailure() ? Support::failed : Support::ok);
}

std::string case_name(const ::testing::TestParamInfo<FixtureCase>& info) {
  std::string name = info.param.id;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Conformance, ::testing::ValuesIn(all_fixture_cases()),
                         case_name);

bool test_exists(const std::string& suite_dot_name) {
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  for (int s = 0; s < unit.total_test_suite_count(); ++s) {
    const ::testing::TestSuite& suite = *unit.GetTestSuite(s);
    for (int t = 0; t < suite.total_test_count(); ++t)
      if (std::string(suite.name()) + "." + suite.GetTestInfo(t)->name() == suite_dot_name)
        return true;
  }
  return false;
}

TEST(Registry, EveryFunctionIsTested) {
  std::set<std::string> with_fixtures;
  for (const FixtureCase& fc : all_fixture_cases()) with_fixtures.insert(fc.fn);
  int untested = 0;
  for (const FunctionInfo& f : registered_functions()) {
    const std::string name(f.name);
    if (with_fixtures.count(name)) {
      EXPECT_NE(find_case(name), nullptr) << name << " has fixtures but no case handler";
    } else if (!is_covered_by_property_test(name)) {
      ADD_FAILURE() << "registry function '" << name << "' (" << f.family
                    << ") has neither fixture cases nor a property test";
      ++untested;
    }
    for (const std::string& test : property_tests_of(name))
      EXPECT_TRUE(test_exists(test))
          << name << " is declared covered by " << test << ", which is not a test of this binary";
  }
  RecordProperty("untested", untested);
}

// (The exact count is a static_assert in src/core/registry.cpp.)
TEST(Registry, NamesAreUnique) {
  std::set<std::string_view> names;
  for (const FunctionInfo& f : registered_functions())
    EXPECT_TRUE(names.insert(f.name).second) << f.name << " is registered twice";
}

}  // namespace
}  // namespace ivy::testing
