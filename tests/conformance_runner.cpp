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

std::string case_dtype(const FixtureCase& fc) {
  if (fc.params.contains("dtype")) return fc.params.at("dtype").get<std::string>();
  if (!fc.inputs.empty()) return std::string(dtype_name(fc.inputs[0].dtype));
  if (!fc.expected.empty()) return std::string(dtype_name(fc.expected[0].dtype));
  return "-";
}

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
    if (!fc.error) record_support(fc.fn, dtype, Support::unsupported, e.what());
    if (backend_name(b) == "stub")
      SUCCEED() << "the stub reports unsupported, as it should";
    else
      GTEST_SKIP() << "unsupported on " << backend_name(b) << ": " << e.what();
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
    record_support(fc.fn, dtype, Support::unsupported, e.what());
    GTEST_SKIP() << "unsupported on " << backend_name(b) << ": " << e.what();
  }
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
  }
  RecordProperty("untested", untested);
}

TEST(Registry, HasAtLeast120Functions) { EXPECT_GE(registered_functions().size(), 120u); }

}  // namespace
}  // namespace ivy::testing
