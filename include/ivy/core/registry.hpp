#pragma once
/// The unified function registry: the one list of every function, from which the native
/// overloads, the support matrix and the conformance runner's coverage check are generated.
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ivy/core/dtype.hpp"

#include "ivy/core/registry/conversion.def"
#include "ivy/core/registry/creation.def"
#include "ivy/core/registry/elementwise.def"
#include "ivy/core/registry/image.def"
#include "ivy/core/registry/indexing.def"
#include "ivy/core/registry/linalg.def"
#include "ivy/core/registry/manipulation.def"
#include "ivy/core/registry/nn.def"
#include "ivy/core/registry/random.def"
#include "ivy/core/registry/reduction.def"

// clang-format off
// X(name, differentiable) for every unified function, family by family.
#define IVY_FUNCTIONS(X)                                                              \
  IVY_CREATION_FUNCTIONS(X)                                                           \
  IVY_CONVERSION_FUNCTIONS(X) IVY_ELEMENTWISE_FUNCTIONS(X) IVY_REDUCTION_FUNCTIONS(X) \
      IVY_MANIPULATION_FUNCTIONS(X) IVY_INDEXING_FUNCTIONS(X) IVY_LINALG_FUNCTIONS(X) \
          IVY_RANDOM_FUNCTIONS(X) IVY_NN_FUNCTIONS(X) IVY_IMAGE_FUNCTIONS(X)
// clang-format on

namespace ivy {

struct FunctionInfo {
  std::string_view name;
  std::string_view family;
  bool differentiable;
};

/**
 * The differentiable flag of the registered function name, usable at compile time (a name that
 * is not registered does not compile there; at run time it is an std::invalid_argument).
 */
constexpr bool registered_differentiable(std::string_view name) {
#define IVY_DIFFERENTIABLE_IF(fn, diff) \
  if (name == #fn) return diff;
  IVY_FUNCTIONS(IVY_DIFFERENTIABLE_IF)
#undef IVY_DIFFERENTIABLE_IF
  throw std::invalid_argument("registered_differentiable: not a registered function");
}

/** Every unified function, grouped by family. */
std::span<const FunctionInfo> registered_functions();

struct Backend;
/**
 * Why backend b does not support function fn on dtype d (the backend's whole-dtype limits and
 * its table of unsupported cells, Backend::unsupported_cells), or nullopt when it does. A name
 * that is not registered is a ValueError naming ivy::supports.
 */
std::optional<std::string> unsupported_reason(std::string_view fn, DType d, const Backend& b);
/** True unless unsupported_reason(fn, d, b) has a reason. */
bool supports(std::string_view fn, DType d, const Backend& b);
/** The same for the backend named backend (BackendError when there is none). */
bool supports(std::string_view fn, DType d, std::string_view backend);

}  // namespace ivy
