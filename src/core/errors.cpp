#include "ivy/core/errors.hpp"

namespace ivy::detail {

std::string error_message(std::string_view fn, std::string_view backend, std::string_view what) {
  std::string msg = "ivy::";
  msg += fn;
  msg += " [";
  msg += backend;
  msg += "]: ";
  msg += what;
  return msg;
}

}  // namespace ivy::detail
