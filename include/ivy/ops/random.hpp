#pragma once
/// random functions.
#include "ivy/core/array.hpp"

namespace ivy {}  // namespace ivy
