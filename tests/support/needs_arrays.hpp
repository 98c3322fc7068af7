#pragma once
// For property tests that call the backend under test directly (no ArrayTest fixture): that
// backend, and a guard that checks the stub refuses to create arrays, then skips.
#include <gtest/gtest.h>

#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace ivy::testing {
inline const Backend& under_test() { return backend(backend_under_test()); }
}  // namespace ivy::testing

#define IVY_NEEDS_ARRAYS()                                                            \
  if (ivy::testing::backend_under_test() == "stub") {                                 \
    EXPECT_THROW(ivy::zeros({1}, ivy::testing::under_test()), ivy::UnsupportedError); \
    GTEST_SKIP() << "the stub backend holds no arrays (creation is unsupported)";     \
  }
