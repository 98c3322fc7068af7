// ivy-demo: runs one small computation through each way of choosing the backend, on every
// backend of this build, and prints the results side by side.
#include <iostream>

#include "ivy/ivy.hpp"

int main() {
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub") continue;
    ivy::Array x = ivy::array({{1.f, 2.f}, {3.f, 4.f}}, ivy::backend(name));
    auto y = ivy::clip(x, 1.5, 3.5);
    std::cout << name << ": clip " << y.to_string() << "\n";
    std::cout << name << ": sum " << ivy::sum(ivy::sin(y), 1).to_string() << "\n";
  }
}
