#pragma once
// Case handlers: how the conformance runner calls the function a fixture case names. Each
// family's handlers live in tests/cases/<family>.cpp:
//
//   IVY_CASE(clip) { return {ivy::clip(c.in(0), c.in(1), c.in(2))}; }
#include <functional>
#include <string>
#include <vector>

#include "support/fixture.hpp"

namespace ivy::testing {

class CaseContext {
 public:
  CaseContext(const FixtureCase& fc, const Backend& b, std::vector<Array> inputs)
      : fc_(fc), backend_(b), inputs_(std::move(inputs)) {}
  /** Input i as an Array on the backend under test. */
  const Array& in(std::size_t i) const { return inputs_.at(i); }
  const std::vector<Array>& inputs() const { return inputs_; }
  std::size_t num_inputs() const { return inputs_.size(); }
  /** Parameter by name; throws when missing. */
  template <class T>
  T param(const std::string& name) const {
    return fc_.params.at(name).get<T>();
  }
  template <class T>
  T param(const std::string& name, T fallback) const {
    return fc_.params.contains(name) ? fc_.params.at(name).get<T>() : fallback;
  }
  bool has(const std::string& name) const { return fc_.params.contains(name); }
  const nlohmann::json& params() const { return fc_.params; }
  const Backend& backend() const { return backend_; }
  const FixtureCase& fixture() const { return fc_; }

 private:
  const FixtureCase& fc_;
  const Backend& backend_;
  std::vector<Array> inputs_;
};

using Outputs = std::vector<Array>;
using CaseFn = std::function<Outputs(const CaseContext&)>;

bool register_case(const std::string& fn, CaseFn handler);
const CaseFn* find_case(const std::string& fn);

/**
 * Declares that the test "Suite.Name" checks the registry function fn by properties (random,
 * device, conversion...) rather than by fixtures; the coverage test accepts either, and fails
 * when the named test does not exist in the binary.
 */
bool register_property_coverage(const std::string& fn, const std::string& test);
bool is_covered_by_property_test(const std::string& fn);
/** The tests named as covering fn by properties. */
std::vector<std::string> property_tests_of(const std::string& fn);

}  // namespace ivy::testing

#define IVY_CASE_CAT2(a, b) a##b
#define IVY_CASE_CAT(a, b) IVY_CASE_CAT2(a, b)
#define IVY_CASE(name)                                                                  \
  static ::ivy::testing::Outputs ivy_case_##name(const ::ivy::testing::CaseContext& c); \
  [[maybe_unused]] static const bool ivy_case_registered_##name =                       \
      ::ivy::testing::register_case(#name, ivy_case_##name);                            \
  static ::ivy::testing::Outputs ivy_case_##name(                                       \
      [[maybe_unused]] const ::ivy::testing::CaseContext& c)
#define IVY_PROPERTY_COVERS(name, suite, test)                             \
  [[maybe_unused]] static const bool IVY_CASE_CAT(ivy_covers_, __LINE__) = \
      ::ivy::testing::register_property_coverage(#name, #suite "." #test)
