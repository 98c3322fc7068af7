#pragma once
/// ivy::vision, the computer-vision library written once over the unified functions: camera
/// containers and single-view geometry, on ivy::Array and on engines' own arrays
/// (vision/native.hpp). See docs/vision.md.
#include "ivy/vision/containers.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "ivy/vision/two_view_geometry.hpp"
// Last: the overloads for native arrays of every function above.
#include "ivy/vision/native.hpp"
