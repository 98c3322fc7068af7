// variable, stop_gradient and execute_with_gradients: the public face of the gradient engine.
#include <string>

#include "grad/backward.hpp"
#include "grad/tape.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/grad.hpp"
#include "ivy/ops/creation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace detail {
namespace {

// How a backend's gradients are computed. Only ivy's own tape exists so far; a backend with
// a native autodiff engine (LibTorch, MLX) may get its own entry behind the same API, as long
// as it gives the same gradients.
enum class GradientEngine { tape };

GradientEngine engine_for(const Backend&) { return GradientEngine::tape; }

std::string_view backend_name_of(const std::vector<Array>& xs) {
  for (const Array& x : xs)
    if (x.defined()) return x.backend_name();
  return current_backend().name;
}

void check_arguments(const std::vector<Array>& xs, std::string_view bname) {
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!xs[i].defined())
      raise<ValueError>("execute_with_gradients", bname,
                        "argument " + std::to_string(i) + " is undefined");
    if (!is_floating(xs[i].dtype()))
      raise<DTypeError>("execute_with_gradients", bname,
                        "argument " + std::to_string(i) + " has dtype " +
                            std::string(dtype_name(xs[i].dtype())) +
                            "; gradients are taken for floating arrays only");
  }
}

void check_loss(const std::vector<Array>& outs, std::string_view bname) {
  if (outs.empty() || !outs[0].defined())
    raise<ValueError>("execute_with_gradients", bname, "the function returned no loss");
  const Array& y = outs[0];
  if (y.size() != 1 || !is_floating(y.dtype()))
    raise<ValueError>("execute_with_gradients", bname,
                      "the loss must be a floating array of one element, got shape " +
                          shape_str(y.shape()) + " and dtype " +
                          std::string(dtype_name(y.dtype())));
}

// Closes the tape however f exits.
struct TapeGuard {
  ~TapeGuard() { close_tape(); }
};

GradResult with_tape(const GradFunction& f, const std::vector<Array>& xs, std::string_view bname) {
  if (open_tape() == 0)
    raise<UnsupportedError>("execute_with_gradients", bname,
                            "gradient computations do not nest (a gradient of a gradient is not "
                            "supported)");
  std::vector<Array> outs;
  {
    TapeGuard guard;
    std::vector<Array> args = xs;
    for (std::size_t i = 0; i < args.size(); ++i) {
      GradNode* leaf = new_leaf(static_cast<int>(i));
      leaf->variable = is_variable(xs[i]);
      args[i].set_grad_node(leaf);
    }
    outs = f(args);
  }
  check_loss(outs, bname);
  GradResult r;
  r.grads = backward(outs[0], static_cast<int>(xs.size()));
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (!r.grads[i].defined()) r.grads[i] = zeros_like(detached(xs[i]));
  r.value = detached(outs[0]);
  for (std::size_t i = 1; i < outs.size(); ++i) r.extras.push_back(detached(outs[i]));
  return r;
}

}  // namespace

GradResult execute_with_gradients(const GradFunction& f, const std::vector<Array>& xs) {
  const std::string_view bname = backend_name_of(xs);
  check_arguments(xs, bname);
  switch (engine_for(xs.empty() ? current_backend() : xs[0].backend())) {
    case GradientEngine::tape:
      return with_tape(f, xs, bname);
  }
  return {};
}

}  // namespace detail

Array variable(const Array& x) {
  const Backend& b = detail::backend_of("variable", x);
  if (!is_floating(x.dtype()))
    detail::raise<DTypeError>("variable", b.name,
                              "needs a floating array, got " + std::string(dtype_name(x.dtype())));
  // Inside a gradient computation x keeps its tape link, so gradients still flow through it.
  if (is_variable(x) || detail::tracked(x)) return x;
  Array out = x;
  out.set_grad_node(detail::new_variable_marker());
  return out;
}

bool is_variable(const Array& x) {
  const detail::GradNode* n = x.grad_node();
  return n && n->variable;
}

Array stop_gradient(const Array& x) { return detail::detached(x); }

}  // namespace ivy
