#pragma once
/// ivy::mech, the mechanics library: orientation, pose and position conversions written once
/// over ArrayLike. For native arrays include the engine's header (ivy/torch.hpp,
/// ivy/xtensor.hpp) before this one. See docs/mech.md.
#include "ivy/mech/constants.hpp"
#include "ivy/mech/orientation.hpp"
#include "ivy/mech/pose.hpp"
#include "ivy/mech/position.hpp"
