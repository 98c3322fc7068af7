#pragma once
/// Choosing the backend at run time: by name, by a thread-local stack of scopes, or the default.
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/dtype.hpp"

namespace ivy {

struct Backend;

/** The backend called name ("torch", "xtensor", "stub"...); throws BackendError if unknown. */
const Backend& backend(std::string_view name);
/** The name of backend b. */
std::string_view backend_name(const Backend& b);
/** Whether backend b can hold arrays of dtype d. */
bool supports_dtype(const Backend& b, DType d);
/** Names of the backends built into this library, the stub included. */
std::vector<std::string> available_backends();
/** Whether a backend of this name is built in. */
bool has_backend(std::string_view name);

/**
 * The backend creation functions use when given none: the innermost scope or set_framework of
 * this thread, else the process default (environment variable IVY_BACKEND, else the first
 * built of torch, mlx, xtensor, stub).
 */
const Backend& current_backend();
const Backend& default_backend();

/** Pushes a backend on this thread's framework stack (as the paper's set_framework). */
void set_framework(std::string_view name);
void set_framework(const Backend& b);
/** Pops the top of this thread's framework stack; throws BackendError if it is empty. */
void unset_framework();
/** Depth of this thread's framework stack. */
int framework_depth();

/**
 * RAII scope: `{ ivy::use scope{"torch"}; ... }`. On leaving (exceptions included) the stack
 * returns to the depth it had before the scope, whatever set_framework calls happened inside.
 */
class use {
 public:
  explicit use(std::string_view name);
  explicit use(const Backend& b);
  ~use();
  use(const use&) = delete;
  use& operator=(const use&) = delete;

 private:
  int depth_before_ = 0;
};

}  // namespace ivy
