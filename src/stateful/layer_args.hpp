#pragma once
// Constructor argument checks shared by the layers.
#include <cstdint>
#include <string>
#include <string_view>

#include "ivy/core/errors.hpp"

namespace ivy::stateful_detail {

/** A ValueError "ivy::<kind> [core]: <what> must be positive, got <n>" unless n > 0. */
inline void require_positive(std::string_view kind, std::string_view what, std::int64_t n) {
  if (n <= 0)
    detail::raise<ValueError>(kind, "core",
                              std::string(what) + " must be positive, got " + std::to_string(n));
}

}  // namespace ivy::stateful_detail
