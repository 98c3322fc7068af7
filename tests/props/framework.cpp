// The ways to choose a backend (DESIGN.md section 3): an explicit Options backend, ivy::use
// scopes, set_framework/unset_framework, the thread-local stack and the process default; plus
// the errors for unknown and mixed backends and the stub's UnsupportedError.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace {
using ivy::testing::backend_under_test;

std::string name_of(const ivy::Backend& b) { return std::string(ivy::backend_name(b)); }
std::string current() { return name_of(ivy::current_backend()); }

// Each test starts and must end with an empty framework stack on this thread.
class Framework : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(ivy::framework_depth(), 0); }
  void TearDown() override {
    EXPECT_EQ(ivy::framework_depth(), 0);
    while (ivy::framework_depth() > 0) ivy::unset_framework();
  }
};

// The backend that creation functions without a backend use now, seen through zeros().
std::string creation_backend_now() {
  try {
    return std::string(ivy::zeros({1}).backend_name());
  } catch (const ivy::UnsupportedError& e) {
    const std::string msg = e.what();
    return msg.find("[stub]") != std::string::npos ? "stub" : "unsupported: " + msg;
  }
}

// Checks that f throws E with a message containing every one of words.
template <class E>
void expect_error_naming(const std::function<void()>& f, const std::vector<std::string>& words) {
  try {
    f();
    ADD_FAILURE() << "nothing was thrown";
  } catch (const E& e) {
    const std::string msg = e.what();
    for (const std::string& w : words)
      EXPECT_NE(msg.find(w), std::string::npos) << "'" << w << "' not in: " << msg;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong exception: " << e.what();
  }
}

bool both_engines() { return ivy::has_backend("torch") && ivy::has_backend("xtensor"); }
}  // namespace

TEST_F(Framework, BackendsByName) {
  const std::vector<std::string> names = ivy::available_backends();
  EXPECT_NE(std::find(names.begin(), names.end(), "stub"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), backend_under_test()), names.end());
  for (const std::string& n : names) {
    EXPECT_TRUE(ivy::has_backend(n));
    EXPECT_EQ(name_of(ivy::backend(n)), n);
    EXPECT_EQ(&ivy::backend(n), &ivy::backend(n)) << "one table per backend";
  }
  EXPECT_FALSE(ivy::has_backend("nope"));
  EXPECT_FALSE(ivy::has_backend(""));
}

TEST_F(Framework, UnknownBackendIsABackendErrorNamingIt) {
  expect_error_naming<ivy::BackendError>([] { ivy::backend("tensorflow_x"); },
                                         {"tensorflow_x", "ivy::backend"});
  expect_error_naming<ivy::BackendError>([] { ivy::set_framework("nope"); }, {"nope"});
  expect_error_naming<ivy::BackendError>([] { ivy::use scope{"nope2"}; }, {"nope2"});
  EXPECT_EQ(ivy::framework_depth(), 0) << "a failed push leaves the stack alone";
}

TEST_F(Framework, DefaultBackend) {
  EXPECT_EQ(&ivy::current_backend(), &ivy::default_backend());
  const char* env = std::getenv("IVY_BACKEND");
  if (env && *env)
    EXPECT_EQ(name_of(ivy::default_backend()), env);
  else  // the first built of torch, mlx, xtensor, stub
    EXPECT_EQ(name_of(ivy::default_backend()), ivy::available_backends().front());
  EXPECT_EQ(creation_backend_now(), name_of(ivy::default_backend()));
}

TEST_F(Framework, ExplicitBackendWinsOverScopes) {
  ivy::use scope{"stub"};
  if (backend_under_test() == "stub") {
    expect_error_naming<ivy::UnsupportedError>([] { ivy::zeros({2}, ivy::backend("stub")); },
                                               {"ivy::zeros", "[stub]"});
    return;
  }
  const ivy::Backend& b = ivy::backend(backend_under_test());
  EXPECT_EQ(ivy::zeros({2}, b).backend_name(), backend_under_test());
  EXPECT_EQ(ivy::arange(3, ivy::Options(ivy::int32).on(b)).backend_name(), backend_under_test());
  EXPECT_EQ(ivy::eye(2, -1, 0, b).backend_name(), backend_under_test());
}

TEST_F(Framework, UseScopesNestAndRestore) {
  const std::string outer = current();
  {
    ivy::use a{backend_under_test()};
    EXPECT_EQ(ivy::framework_depth(), 1);
    EXPECT_EQ(current(), backend_under_test());
    EXPECT_EQ(creation_backend_now(), backend_under_test());
    {
      ivy::use b{"stub"};
      EXPECT_EQ(ivy::framework_depth(), 2);
      EXPECT_EQ(current(), "stub");
      EXPECT_EQ(creation_backend_now(), "stub");
      {
        ivy::use c{ivy::backend(backend_under_test())};
        EXPECT_EQ(current(), backend_under_test());
      }
      EXPECT_EQ(current(), "stub");
    }
    EXPECT_EQ(current(), backend_under_test());
    EXPECT_EQ(creation_backend_now(), backend_under_test());
  }
  EXPECT_EQ(ivy::framework_depth(), 0);
  EXPECT_EQ(current(), outer);
}

TEST_F(Framework, UseScopeIsRestoredAfterAnException) {
  try {
    ivy::use a{"stub"};
    ivy::use b{backend_under_test()};
    ivy::zeros({-1});  // ValueError from inside the scopes
    FAIL() << "no error for a negative dimension";
  } catch (const ivy::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("[" + backend_under_test() + "]"), std::string::npos)
        << "the innermost scope chose the backend: " << e.what();
  }
  EXPECT_EQ(ivy::framework_depth(), 0);
  try {
    ivy::use a{"stub"};
    throw std::runtime_error("user error");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(ivy::framework_depth(), 0);
  EXPECT_EQ(&ivy::current_backend(), &ivy::default_backend());
}

TEST_F(Framework, UseScopeSurvivesUnbalancedCallsInside) {
  {
    ivy::use a{"stub"};
    ivy::set_framework(backend_under_test());  // never unset: the scope end pops it too
    EXPECT_EQ(ivy::framework_depth(), 2);
  }
  EXPECT_EQ(ivy::framework_depth(), 0);
  {
    ivy::use a{"stub"};
    ivy::unset_framework();  // pops the scope's own entry: the scope end must not pop again
    EXPECT_EQ(ivy::framework_depth(), 0);
  }
  EXPECT_EQ(ivy::framework_depth(), 0);
  ivy::set_framework("stub");
  {
    ivy::use a{backend_under_test()};
    ivy::unset_framework();
  }
  EXPECT_EQ(ivy::framework_depth(), 1) << "the entry below the scope stays";
  EXPECT_EQ(current(), "stub");
  ivy::unset_framework();
}

TEST_F(Framework, SetAndUnsetFramework) {
  ivy::set_framework(backend_under_test());
  EXPECT_EQ(current(), backend_under_test());
  EXPECT_EQ(creation_backend_now(), backend_under_test());
  ivy::set_framework(ivy::backend("stub"));
  EXPECT_EQ(ivy::framework_depth(), 2);
  EXPECT_EQ(current(), "stub");
  ivy::unset_framework();
  EXPECT_EQ(current(), backend_under_test());
  ivy::unset_framework();
  EXPECT_EQ(ivy::framework_depth(), 0);
  EXPECT_EQ(&ivy::current_backend(), &ivy::default_backend());
  expect_error_naming<ivy::BackendError>([] { ivy::unset_framework(); },
                                         {"ivy::unset_framework", "empty"});
  EXPECT_EQ(ivy::framework_depth(), 0);
}

TEST_F(Framework, StackIsThreadLocal) {
  std::promise<void> entered, checked;
  std::shared_future<void> checked_f = checked.get_future().share();
  std::string inside_thread, other_thread;
  std::thread t([&] {
    ivy::use scope{"stub"};
    inside_thread = current();
    entered.set_value();
    checked_f.wait();  // keep the scope open while the other threads look
  });
  entered.get_future().wait();
  EXPECT_EQ(ivy::framework_depth(), 0) << "a scope in another thread does not reach this one";
  EXPECT_EQ(&ivy::current_backend(), &ivy::default_backend());
  std::thread u([&] { other_thread = current(); });
  u.join();
  checked.set_value();
  t.join();
  EXPECT_EQ(inside_thread, "stub");
  EXPECT_EQ(other_thread, name_of(ivy::default_backend()));

  // And this thread's scope is not seen by a new thread.
  ivy::use mine{"stub"};
  std::string seen;
  int depth = -1;
  std::thread v([&] {
    seen = current();
    depth = ivy::framework_depth();
  });
  v.join();
  EXPECT_EQ(seen, name_of(ivy::default_backend()));
  EXPECT_EQ(depth, 0);
}

TEST_F(Framework, ArraysOfTwoBackendsInOneCall) {
  if (!both_engines()) GTEST_SKIP() << "needs both the torch and the xtensor backend in this build";
  const ivy::Array t = ivy::ones({2}, ivy::backend("torch"));
  const ivy::Array x = ivy::ones({2}, ivy::backend("xtensor"));
  const std::vector<std::string> both = {"torch", "xtensor"};
  expect_error_naming<ivy::BackendError>([&] { ivy::add(t, x); }, both);
  expect_error_naming<ivy::BackendError>([&] { ivy::add(x, t); }, both);
  expect_error_naming<ivy::BackendError>([&] { ivy::linspace(t, x, 3); }, both);
  expect_error_naming<ivy::BackendError>([&] { ivy::meshgrid({t, x}); }, both);
  expect_error_naming<ivy::BackendError>([&] { ivy::meshgrid({x, x, t}); }, both);
  // Converting one side first makes the call valid.
  EXPECT_EQ(ivy::add(t, ivy::to_backend(x, "torch")).to_vector<float>(),
            (std::vector<float>{2.0f, 2.0f}));
}

TEST_F(Framework, StubCreationIsUnsupportedNamingStub) {
  const ivy::Backend& stub = ivy::backend("stub");
  const std::vector<std::string> words = {"[stub]"};
  using U = ivy::UnsupportedError;
  const float host[2] = {1.0f, 2.0f};
  expect_error_naming<U>([&] { ivy::array({1.0f, 2.0f}, stub); }, {"ivy::from_buffer", "[stub]"});
  expect_error_naming<U>([&] { ivy::array({{1, 2}, {3, 4}}, stub); }, words);
  expect_error_naming<U>([&] { ivy::array(3.0, stub); }, words);
  expect_error_naming<U>([&] { ivy::from_buffer(host, {2}, ivy::float32, stub); },
                         {"ivy::from_buffer", "[stub]"});
  expect_error_naming<U>([&] { ivy::arange(5, stub); }, {"ivy::arange", "[stub]"});
  expect_error_naming<U>([&] { ivy::arange(0.0, 1.0, 0.25, stub); }, {"ivy::arange", "[stub]"});
  expect_error_naming<U>([&] { ivy::linspace(0.0, 1.0, 5, -1, true, stub); },
                         {"ivy::linspace", "[stub]"});
  expect_error_naming<U>([&] { ivy::zeros({2, 3}, stub); }, {"ivy::zeros", "[stub]"});
  expect_error_naming<U>([&] { ivy::ones({2}, stub); }, {"ivy::ones", "[stub]"});
  expect_error_naming<U>([&] { ivy::full({2}, 1.5, stub); }, {"ivy::full", "[stub]"});
  expect_error_naming<U>([&] { ivy::eye(3, -1, 0, stub); }, words);
  expect_error_naming<U>([&] { ivy::identity(3, {2}, stub); }, words);
  {
    ivy::use scope{"stub"};  // no explicit backend: the scope picks the stub
    expect_error_naming<U>([] { ivy::zeros({2}); }, {"ivy::zeros", "[stub]"});
    expect_error_naming<U>([] { ivy::arange(3); }, {"ivy::arange", "[stub]"});
  }
  // The *_like functions and one_hot/meshgrid need an array; from another backend, the stub
  // can still be asked to hold the result.
  if (backend_under_test() != "stub") {
    const ivy::Array x = ivy::ones({2}, ivy::backend(backend_under_test()));
    expect_error_naming<U>([&] { ivy::zeros_like(x, stub); }, {"ivy::zeros_like", "[stub]"});
    expect_error_naming<U>([&] { ivy::ones_like(x, stub); }, {"ivy::ones_like", "[stub]"});
    expect_error_naming<U>([&] { ivy::full_like(x, 2, stub); }, {"ivy::full_like", "[stub]"});
    expect_error_naming<U>([&] { ivy::to_backend(x, stub); }, {"[stub]"});
  }
}
