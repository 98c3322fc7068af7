#pragma once
/// Devices: "cpu", "cuda:0"...
#include <string>
#include <string_view>

namespace ivy {

class Device {
 public:
  Device() = default;
  Device(const char* s) : Device(std::string_view(s)) {}  // NOLINT(google-explicit-constructor)
  Device(std::string_view s);                             // NOLINT(google-explicit-constructor)
  /** "cpu" or "cuda:N". */
  const std::string& str() const { return str_; }
  bool is_cpu() const { return str_ == "cpu"; }
  int index() const { return index_; }
  bool operator==(const Device& o) const { return str_ == o.str_; }

 private:
  std::string str_ = "cpu";
  int index_ = 0;
};

}  // namespace ivy
