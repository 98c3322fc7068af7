#pragma once
#include <functional>
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

/** A function of arrays to arrays (what ivy::compile_fn compiles). */
using ArrayFunction = std::function<std::vector<Array>(const std::vector<Array>&)>;

/** An engine's own function compiler; backends without one run functions as they are. */
struct CompileKernels {
  /** What compiles ("TorchScript tracing", "mlx::core::compile"), for messages and docs. */
  std::string_view engine;
  /**
   * A compiled form of f, valid for arguments of the shapes, dtypes and devices of `example`
   * (core retraces for other ones). Arrays f captures are constants of the compiled form.
   * `example` may be used to trace f now.
   */
  ArrayFunction (*compile)(const ArrayFunction& f, const std::vector<Array>& example) = nullptr;
};

}  // namespace ivy
