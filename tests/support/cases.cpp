#include "support/cases.hpp"

#include <map>
#include <set>

namespace ivy::testing {
namespace {
std::map<std::string, CaseFn>& handlers() {
  static std::map<std::string, CaseFn> h;
  return h;
}
std::map<std::string, std::vector<std::string>>& property_covered() {
  static std::map<std::string, std::vector<std::string>> s;
  return s;
}
}  // namespace

bool register_case(const std::string& fn, CaseFn handler) {
  handlers()[fn] = std::move(handler);
  return true;
}

const CaseFn* find_case(const std::string& fn) {
  auto it = handlers().find(fn);
  return it == handlers().end() ? nullptr : &it->second;
}

bool register_property_coverage(const std::string& fn, const std::string& test) {
  property_covered()[fn].push_back(test);
  return true;
}

std::vector<std::string> property_tests_of(const std::string& fn) {
  auto it = property_covered().find(fn);
  return it == property_covered().end() ? std::vector<std::string>{} : it->second;
}

bool is_covered_by_property_test(const std::string& fn) { return property_covered().count(fn) > 0; }

}  // namespace ivy::testing
