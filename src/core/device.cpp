#include "ivy/core/device.hpp"

#include <charconv>
#include <string>

#include "ivy/core/errors.hpp"

namespace ivy {

Device::Device(std::string_view s) {
  if (s == "cpu") return;
  constexpr std::string_view kCuda = "cuda:";
  if (s.substr(0, kCuda.size()) == kCuda) {
    auto digits = s.substr(kCuda.size());
    int idx = -1;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), idx);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && idx >= 0) {
      str_ = std::string(s);
      index_ = idx;
      return;
    }
  }
  detail::raise<ValueError>("Device", "core",
                            "unknown device '" + std::string(s) + "' (expected cpu or cuda:N)");
}

}  // namespace ivy
