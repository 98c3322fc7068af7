#pragma once
/// linalg functions.
#include "ivy/core/array.hpp"

namespace ivy {}  // namespace ivy
