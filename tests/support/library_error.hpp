#pragma once
// The check the libraries' tests (mech, vision, robot) share: f throws the error type E, whose
// message names the qualified function ("ivy::robot::sample_spline_path"), the backend under
// test and, when given, a detail such as a shape.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "support/support_record.hpp"

namespace ivy::testing {

template <class E>
void expect_library_error(const std::function<void()>& f, const std::string& qualified_fn,
                          const std::string& detail = "") {
  try {
    f();
    ADD_FAILURE() << "no error from " << qualified_fn;
  } catch (const E& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(qualified_fn), std::string::npos) << msg;
    EXPECT_NE(msg.find(backend_under_test()), std::string::npos) << msg;
    if (!detail.empty()) EXPECT_NE(msg.find(detail), std::string::npos) << msg;
  }
}

}  // namespace ivy::testing
