#pragma once
// The Ivy side of the one-process probes (mixed.cpp, host.cpp): sum(clip(x, 1.5, 3.5)) on
// every built backend but stub; the number of backends that got 10, or -1 at the first wrong one.
#include <cmath>
#include <iostream>
#include <string>

#include "ivy/ivy.hpp"

inline int ivy_part() {
  int checked = 0;
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub") continue;
    ivy::use scope{name};
    const ivy::Array x = ivy::array({{1.f, 2.f}, {3.f, 4.f}});
    const float total = ivy::sum(ivy::clip(x, 1.5, 3.5)).item<float>();
    std::cout << "  ivy " << name << ": sum(clip(x,1.5,3.5)) = " << total << "\n";
    if (std::abs(total - 10.0f) > 1e-6f) return -1;
    ++checked;
  }
  return checked;
}
