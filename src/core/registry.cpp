#include "ivy/core/registry.hpp"

#include <algorithm>
#include <array>

#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"

namespace ivy {
namespace {

#define IVY_COUNT_ONE(name, diff) +1
constexpr int kNumFunctions = 0 IVY_FUNCTIONS(IVY_COUNT_ONE);
#undef IVY_COUNT_ONE
// The exact count, as ggml asserts its op count: adding or removing a function is a deliberate
// change of this line and of README.md's count (python/tests/test_registry.py checks that one).
static_assert(kNumFunctions == 196, "the registry changed: update this count and README.md");

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

std::optional<std::string> unsupported_reason(std::string_view fn, DType d, const Backend& b) {
  if (std::none_of(kFunctions.begin(), kFunctions.end(),
                   [&](const FunctionInfo& f) { return f.name == fn; }))
    detail::raise<ValueError>("supports", b.name,
                              "'" + std::string(fn) + "' is not a registered function");
  if (b.dtype_unsupported)
    if (const char* why = b.dtype_unsupported(d)) return std::string(why);
  for (const UnsupportedCell& cell : b.unsupported_cells)
    if (cell.function == fn && cell.dtype == d) return std::string(cell.reason);
  return std::nullopt;
}

bool supports(std::string_view fn, DType d, const Backend& b) {
  return !unsupported_reason(fn, d, b).has_value();
}

bool supports(std::string_view fn, DType d, std::string_view backend) {
  return supports(fn, d, ivy::backend(backend));
}

}  // namespace ivy
