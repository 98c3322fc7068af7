// The readable tree print.
#include <ostream>
#include <sstream>

#include "ivy/container.hpp"

namespace ivy {

namespace {
void print(std::ostream& os, const Container& c, int depth) {
  if (c.is_leaf()) {
    os << c.leaf().to_string();
    return;
  }
  if (c.empty()) {
    os << "{}";
    return;
  }
  os << "{\n";
  for (const Container::Item& item : c.items()) {
    os << std::string(2 * (depth + 1), ' ') << item.first << ": ";
    print(os, item.second, depth + 1);
    os << "\n";
  }
  os << std::string(2 * depth, ' ') << "}";
}
}  // namespace

std::string Container::to_string() const {
  std::ostringstream os;
  print(os, *this, 0);
  return os.str();
}

std::ostream& operator<<(std::ostream& os, const Container& c) { return os << c.to_string(); }

}  // namespace ivy
