#pragma once
/// ivy::vision, the computer-vision library written once over the unified functions: cameras,
/// single- and two-view geometry, optical flow, rendering, signed distances and implicit
/// rendering, on ivy::Array and on engines' own arrays (vision/native.hpp). See docs/vision.md.
#include "ivy/vision/containers.hpp"
#include "ivy/vision/implicit.hpp"
#include "ivy/vision/mesh.hpp"
#include "ivy/vision/optical_flow.hpp"
#include "ivy/vision/padding.hpp"
#include "ivy/vision/quantization.hpp"
#include "ivy/vision/sdf.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "ivy/vision/smoothing.hpp"
#include "ivy/vision/two_view_geometry.hpp"
#include "ivy/vision/voxel_grids.hpp"
// Last: the overloads for native arrays of every function above.
#include "ivy/vision/native.hpp"
