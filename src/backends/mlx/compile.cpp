// compile_fn on MLX: mlx::core::compile traces f on placeholder arrays and fuses the graph
// (on the CPU, fused elementwise kernels are generated as C++, built with the system compiler at
// run time and cached). MLX retraces by itself for new shapes or dtypes; core keeps one
// compiled function per argument signature anyway, as on torch.
#include <mlx/compile.h>

#include <exception>
#include <memory>
#include <string>
#include <utility>

#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

std::vector<mx::array> natives_of(const std::vector<Array>& outs) {
  std::vector<mx::array> r;
  for (std::size_t i = 0; i < outs.size(); ++i) {
    if (!outs[i].defined() || outs[i].backend_ptr() != &backend())
      detail::raise<BackendError>("compile_fn", "mlx",
                                  "output " + std::to_string(i) +
                                      " of the function is not an mlx array (outputs must be "
                                      "arrays of the arguments' backend)");
    r.push_back(native(outs[i]));
  }
  return r;
}

ArrayFunction compile(const ArrayFunction& f, const std::vector<Array>& example) {
  // An exception of f itself (an ivy error, or a Python one from the bindings) reaches the
  // caller as it is; only MLX's own failures go through guarded's mapping.
  auto failure_of_f = std::make_shared<std::exception_ptr>();
  auto compiled = mx::compile([f, failure_of_f](const std::vector<mx::array>& xs) {
    std::vector<Array> args;
    for (const mx::array& x : xs) args.push_back(wrap(x));
    try {
      return natives_of(f(args));
    } catch (...) {
      *failure_of_f = std::current_exception();
      throw;
    }
  });
  ArrayFunction run = [compiled, failure_of_f](const std::vector<Array>& args) {
    std::vector<mx::array> xs;
    for (const Array& x : args) xs.push_back(native(x));
    std::vector<mx::array> ys;
    try {
      ys = guarded("compile_fn", [&] { return compiled(xs); });
    } catch (...) {
      if (std::exception_ptr e = std::exchange(*failure_of_f, nullptr)) std::rethrow_exception(e);
      throw;
    }
    std::vector<Array> outs;
    for (const mx::array& y : ys) outs.push_back(wrap(y));
    return outs;
  };
  run(example);  // traces now, so that errors in f surface at compile_fn
  return run;
}

}  // namespace

const CompileKernels& compile_kernels() {
  static const CompileKernels k{"mlx::core::compile", compile};
  return k;
}

}  // namespace ivy::backends::mlx_impl
