// ivy::mech position functions compiled once for ivy::Array.
#include "ivy/mech/position.hpp"

namespace ivy::mech {
IVY_MECH_POSITION_INSTANTIATIONS()
}  // namespace ivy::mech
