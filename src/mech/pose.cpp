// ivy::mech pose functions compiled once for ivy::Array.
#include "ivy/mech/pose.hpp"

namespace ivy::mech {
IVY_MECH_POSE_INSTANTIATIONS()
}  // namespace ivy::mech
