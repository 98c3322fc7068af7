#include "gym/spaces.hpp"

#include <string>

#include "ops/dispatch.hpp"

namespace ivy::gym::impl {

int at_least(int count, int least, std::string_view task, std::string_view parameter) {
  if (count < least)
    ivy::detail::raise<ValueError>("gym::" + std::string(task), "-",
                                   std::string(parameter) + " must be at least " +
                                       std::to_string(least) + ", got " + std::to_string(count));
  return count;
}

}  // namespace ivy::gym::impl
