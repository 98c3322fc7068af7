#pragma once
/// nn functions.
#include "ivy/core/array.hpp"

namespace ivy {}  // namespace ivy
