#include "ivy/core/registry.hpp"

#include <array>

namespace ivy {
namespace {

#define IVY_COUNT_ONE(name, diff) +1
constexpr int kNumFunctions = 0 IVY_FUNCTIONS(IVY_COUNT_ONE);
#undef IVY_COUNT_ONE
// The foundation promises at least 120 unified functions; a lost family shows up here.
static_assert(kNumFunctions >= 120, "the unified function registry lost entries");

#define IVY_REG_ONE(family, name, diff) FunctionInfo{#name, family, diff},
#define IVY_REG_creation(name, diff) IVY_REG_ONE("creation", name, diff)
#define IVY_REG_conversion(name, diff) IVY_REG_ONE("conversion", name, diff)
#define IVY_REG_elementwise(name, diff) IVY_REG_ONE("elementwise", name, diff)
#define IVY_REG_reduction(name, diff) IVY_REG_ONE("reduction", name, diff)
#define IVY_REG_manipulation(name, diff) IVY_REG_ONE("manipulation", name, diff)
#define IVY_REG_indexing(name, diff) IVY_REG_ONE("indexing", name, diff)
#define IVY_REG_linalg(name, diff) IVY_REG_ONE("linalg", name, diff)
#define IVY_REG_random(name, diff) IVY_REG_ONE("random", name, diff)
#define IVY_REG_nn(name, diff) IVY_REG_ONE("nn", name, diff)
#define IVY_REG_image(name, diff) IVY_REG_ONE("image", name, diff)

constexpr std::array<FunctionInfo, kNumFunctions> kFunctions = {
    IVY_CREATION_FUNCTIONS(IVY_REG_creation)          //
    IVY_CONVERSION_FUNCTIONS(IVY_REG_conversion)      //
    IVY_ELEMENTWISE_FUNCTIONS(IVY_REG_elementwise)    //
    IVY_REDUCTION_FUNCTIONS(IVY_REG_reduction)        //
    IVY_MANIPULATION_FUNCTIONS(IVY_REG_manipulation)  //
    IVY_INDEXING_FUNCTIONS(IVY_REG_indexing)          //
    IVY_LINALG_FUNCTIONS(IVY_REG_linalg)              //
    IVY_RANDOM_FUNCTIONS(IVY_REG_random)              //
    IVY_NN_FUNCTIONS(IVY_REG_nn)                      //
    IVY_IMAGE_FUNCTIONS(IVY_REG_image)};

}  // namespace

std::span<const FunctionInfo> registered_functions() { return kFunctions; }

}  // namespace ivy
