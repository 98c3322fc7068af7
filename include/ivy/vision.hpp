#pragma once
/// ivy::vision: the 3-D vision library (issue 14), written once from unified functions; see
/// docs/vision.md.
#include "ivy/vision/single_view.hpp"
