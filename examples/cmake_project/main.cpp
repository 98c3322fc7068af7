// Uses only the installed headers and library: the type-erased API on every built backend.
#include <cmath>
#include <iostream>

#include "ivy/ivy.hpp"

int main() {
  int checked = 0;
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub") continue;
    ivy::use scope{name};
    const ivy::Array x = ivy::array({{1.f, 2.f}, {3.f, 4.f}});
    const float total = ivy::sum(ivy::clip(x, 1.5, 3.5)).item<float>();
    std::cout << name << ": sum(clip(x, 1.5, 3.5)) = " << total << "\n";
    if (std::abs(total - 10.0f) > 1e-6f) return 1;  // 1.5 + 2 + 3 + 3.5
    ++checked;
  }
  return checked > 0 ? 0 : 1;
}
