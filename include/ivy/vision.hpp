#pragma once
/// ivy::vision, the computer-vision library written once over the unified functions: camera
/// containers and single-view geometry. See docs/vision.md.
#include "ivy/vision/containers.hpp"
#include "ivy/vision/mesh.hpp"
#include "ivy/vision/padding.hpp"
#include "ivy/vision/quantization.hpp"
#include "ivy/vision/single_view_geometry.hpp"
#include "ivy/vision/smoothing.hpp"
#include "ivy/vision/two_view_geometry.hpp"
#include "ivy/vision/voxel_grids.hpp"
