#pragma once
/// The unified function registry: the one list of every function, from which the native
/// overloads, the support matrix and the conformance runner's coverage check are generated.
#include <span>
#include <string_view>

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

/** Every unified function, grouped by family. */
std::span<const FunctionInfo> registered_functions();

}  // namespace ivy
