#pragma once
// The evenly spaced values behind linspace and logspace, with errors naming the caller.
// Private to the library.
#include <cstdint>
#include <string_view>

#include "ivy/core/options.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy::detail {

/** linspace(start, stop, num, axis, endpoint, opts), its errors naming fn. */
Array evenly_spaced(const Operand& start, const Operand& stop, std::int64_t num, int axis,
                    bool endpoint, const Options& opts, std::string_view fn);

}  // namespace ivy::detail
