#pragma once
// Checks shared by Module::set_v and the optimizers: two Containers with the same key chains
// and, leaf by leaf, the same shapes.
#include <string>
#include <string_view>

#include "ivy/container.hpp"

namespace ivy::stateful_detail {

/** The backend name of the first Array leaf of c, else "core" (for error messages). */
std::string backend_name_of(const Container& c);

/**
 * A ShapeError "ivy::<fn> [backend]: <prefix>'<key chain>' is in the <a_name> but not in the
 * <b_name>" for the first key chain on one side only, or "...: at '<kc>': <a_name> [2,3] vs
 * <b_name> [3,2]" for the first pair of Array leaves of different shapes.
 */
void require_same_layout(std::string_view fn, const std::string& prefix, const Container& a,
                         std::string_view a_name, const Container& b, std::string_view b_name);

}  // namespace ivy::stateful_detail
