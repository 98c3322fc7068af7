#pragma once
/// ivy::vision, the computer-vision library written once over the unified functions: camera
/// containers, single-view and two-view geometry and optical flow. See docs/vision.md.
#include "ivy/vision/containers.hpp"
#include "ivy/vision/optical_flow.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "ivy/vision/two_view_geometry.hpp"
