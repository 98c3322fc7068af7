// The stub backend: every unified function builds against it and throws UnsupportedError,
// because it implements no kernel family and holds no arrays.
#include "backends/backends.hpp"

namespace ivy::backends {
namespace {
const char* no_dtypes(DType) { return "the stub backend holds no arrays"; }
}  // namespace

const Backend& stub() {
  static const Backend table = [] {
    Backend b;
    b.name = "stub";
    b.dtype_unsupported = no_dtypes;
    return b;
  }();
  return table;
}

}  // namespace ivy::backends
