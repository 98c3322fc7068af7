#include "support/support_record.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "ivy/ivy.hpp"

namespace ivy::testing {
namespace {
struct Cell {
  Support status = Support::ok;
  std::string reason;
};
std::map<std::pair<std::string, std::string>, Cell>& cells() {
  static std::map<std::pair<std::string, std::string>, Cell> c;
  return c;
}
std::string& backend_name() {
  static std::string name;
  return name;
}
}  // namespace

void record_support(const std::string& fn, const std::string& dtype, Support s,
                    const std::string& reason) {
  auto [it, fresh] = cells().try_emplace({fn, dtype}, Cell{s, reason});
  if (fresh) return;
  // A failure outranks everything; an unsupported case outranks a pass.
  Cell& c = it->second;
  if (s == Support::failed || (s == Support::unsupported && c.status == Support::ok))
    c = {s, reason};
}

bool declared_unsupported(const std::string& fn, const std::string& dtype) {
  try {
    return !ivy::supports(fn, ivy::dtype_from_name(dtype), ivy::backend(backend_name()));
  } catch (const ivy::Error&) {
    return false;  // no dtype ("-"), an unknown one, or fn not registered: nothing declared
  }
}

bool declared_unsupported_any(const std::string& fn, const std::vector<std::string>& dtypes) {
  for (const std::string& d : dtypes)
    if (declared_unsupported(fn, d)) return true;
  return false;
}

namespace {
std::atomic<int>& declared_count() {
  static std::atomic<int> n{0};
  return n;
}
}  // namespace

void count_declared_unsupported() { ++declared_count(); }
int declared_unsupported_count() { return declared_count(); }

void write_support(const std::string& dir, const std::string& backend) {
  std::filesystem::create_directories(dir);
  std::ofstream out(dir + "/support_" + backend + ".tsv");
  for (const auto& [key, cell] : cells()) {
    const char* status = cell.status == Support::ok       ? "ok"
                         : cell.status == Support::failed ? "failed"
                                                          : "unsupported";
    std::string reason = cell.reason;
    for (char& ch : reason)
      if (ch == '\t' || ch == '\n' || ch == '|') ch = ' ';
    out << key.first << '\t' << key.second << '\t' << status << '\t' << reason << '\n';
  }
}

const std::string& backend_under_test() { return backend_name(); }
void set_backend_under_test(std::string name) { backend_name() = std::move(name); }

}  // namespace ivy::testing
