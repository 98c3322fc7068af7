#pragma once
/// ivy::robot, the robotics library written once over the unified functions: spline paths, rigid
/// mobile robots (the drone) and Denavit-Hartenberg manipulators (the Mico and Panda arms), on
/// ivy::Array and on engines' own arrays (robot/native.hpp).
/// See docs/robot.md.
#include "ivy/robot/manipulator.hpp"
#include "ivy/robot/rigid_mobile.hpp"
#include "ivy/robot/spline.hpp"
// Last: the overloads for native arrays of every function above.
#include "ivy/robot/native.hpp"
