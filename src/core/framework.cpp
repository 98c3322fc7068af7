#include "ivy/core/framework.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "backends/backends.hpp"
#include "ivy/core/errors.hpp"

namespace ivy {
namespace {

// In order of preference for the process default.
const std::vector<const Backend*>& built_backends() {
  static const std::vector<const Backend*> all = [] {
    std::vector<const Backend*> v;
#ifdef IVY_WITH_TORCH
    v.push_back(&backends::torch());
#endif
#ifdef IVY_WITH_XTENSOR
    v.push_back(&backends::xtensor());
#endif
#ifdef IVY_WITH_MLX
    v.push_back(&backends::mlx());
#endif
#ifdef IVY_WITH_TENSORFLOW
    v.push_back(&backends::tensorflow());
#endif
#ifdef IVY_WITH_MXNET
    v.push_back(&backends::mxnet());
#endif
#ifdef IVY_WITH_XLA
    v.push_back(&backends::xla());
#endif
    v.push_back(&backends::stub());
    return v;
  }();
  return all;
}

std::string names_list() {
  std::string out;
  for (const Backend* b : built_backends()) out += (out.empty() ? "" : ", ") + std::string(b->name);
  return out;
}

thread_local std::vector<const Backend*> framework_stack;

}  // namespace

const Backend& backend(std::string_view name) {
  for (const Backend* b : built_backends())
    if (b->name == name) return *b;
  detail::raise<BackendError>("backend", name,
                              "unknown or unavailable backend '" + std::string(name) +
                                  "'; this build has: " + names_list());
}

std::string_view backend_name(const Backend& b) { return b.name; }

bool supports_dtype(const Backend& b, DType d) {
  return b.dtype_unsupported && b.dtype_unsupported(d) == nullptr;
}

std::vector<std::string> available_backends() {
  std::vector<std::string> out;
  for (const Backend* b : built_backends()) out.emplace_back(b->name);
  return out;
}

bool has_backend(std::string_view name) {
  for (const Backend* b : built_backends())
    if (b->name == name) return true;
  return false;
}

const Backend& default_backend() {
  static const Backend* chosen = [] {
    if (const char* env = std::getenv("IVY_BACKEND"); env && *env) {
      if (!has_backend(env))
        detail::raise<BackendError>(
            "default_backend", env,
            "the environment variable IVY_BACKEND names '" + std::string(env) +
                "', which is unknown or unavailable; this build has: " + names_list());
      return &backend(env);
    }
    return built_backends().front();
  }();
  return *chosen;
}

const Backend& current_backend() {
  return framework_stack.empty() ? default_backend() : *framework_stack.back();
}

void set_framework(std::string_view name) { set_framework(backend(name)); }
void set_framework(const Backend& b) { framework_stack.push_back(&b); }

void unset_framework() {
  if (framework_stack.empty())
    detail::raise<BackendError>("unset_framework", current_backend().name,
                                "the framework stack is empty");
  framework_stack.pop_back();
}

int framework_depth() { return static_cast<int>(framework_stack.size()); }

use::use(std::string_view name) : depth_before_(framework_depth()) { set_framework(name); }
use::use(const Backend& b) : depth_before_(framework_depth()) { set_framework(b); }
// Never pops below the depth the scope began at, even after unbalanced calls inside it.
use::~use() {
  if (framework_depth() > depth_before_) framework_stack.resize(depth_before_);
}

}  // namespace ivy
