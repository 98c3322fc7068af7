#include "support/cases.hpp"

#include <map>
#include <set>

namespace ivy::testing {
namespace {
std::map<std::string, CaseFn>& handlers() {
  static std::map<std::string, CaseFn> h;
  return h;
}
std::set<std::string>& property_covered() {
  static std::set<std::string> s;
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

bool register_property_coverage(const std::string& fn) {
  property_covered().insert(fn);
  return true;
}

bool is_covered_by_property_test(const std::string& fn) { return property_covered().count(fn) > 0; }

}  // namespace ivy::testing
