#pragma once
/// image functions.
#include "ivy/core/array.hpp"

namespace ivy {}  // namespace ivy
