// variable, stop_gradient and execute_with_gradients: the public face of the gradient engine.
#include <cstdlib>
#include <string>
#include <string_view>

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

// How a backend's gradients are computed: by its own autodiff where it has one (LibTorch's
// autograd, MLX's value_and_grad), else by ivy's tape. IVY_GRADIENT_ENGINE=tape in the
// environment makes every backend use the tape (the tests run both engines this way).
enum class GradientEngine { tape, native };

bool tape_forced() {
  static const bool forced = [] {
    const char* e = std::getenv("IVY_GRADIENT_ENGINE");
    return e && std::string_view(e) == "tape";
  }();
  return forced;
}

// The native engine differentiates arrays of its own backend only: arguments on several
// backends go through the tape, which records to_backend like any other function.
GradientEngine engine_for(const Backend& b, const std::vector<Array>& xs) {
  bool native = b.autodiff && b.autodiff->value_and_grad && !tape_forced();
  for (const Array& x : xs) native = native && x.backend_ptr() == &b;
  return native ? GradientEngine::native : GradientEngine::tape;
}

// Gradient computations do not nest, whichever engine runs them.
thread_local bool computing_gradients = false;

struct ComputingGuard {
  explicit ComputingGuard(std::string_view bname) {
    if (computing_gradients)
      raise<UnsupportedError>("execute_with_gradients", bname,
                              "gradient computations do not nest (a gradient of a gradient is not "
                              "supported)");
    computing_gradients = true;
  }
  ~ComputingGuard() { computing_gradients = false; }
};

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

// The gradients of xs, with zeros (of x's shape and dtype) where x does not reach the loss.
std::vector<Array> with_zeros_for_unused(std::vector<Array> grads, const std::vector<Array>& xs) {
  grads.resize(xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (!grads[i].defined()) grads[i] = zeros_like(detached(xs[i]));
  return grads;
}

// Nesting is refused by ComputingGuard before a tape could be open on this thread.
GradResult with_tape(const GradFunction& f, const std::vector<Array>& xs, std::string_view bname) {
  std::vector<Array> outs;
  {
    open_tape();
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
  r.grads = with_zeros_for_unused(backward(outs[0], static_cast<int>(xs.size())), xs);
  r.value = detached(outs[0]);
  for (std::size_t i = 1; i < outs.size(); ++i) r.extras.push_back(detached(outs[i]));
  return r;
}

GradResult with_native_engine(const GradFunction& f, const std::vector<Array>& xs,
                              std::string_view bname, const Backend& b) {
  std::vector<Array> grads;
  std::vector<Array> outs = b.autodiff->value_and_grad(f, xs, grads);
  check_loss(outs, bname);
  GradResult r;
  r.value = outs[0];
  r.extras.assign(outs.begin() + 1, outs.end());
  r.grads = with_zeros_for_unused(std::move(grads), xs);
  return r;
}

}  // namespace

GradResult execute_with_gradients(const GradFunction& f, const std::vector<Array>& xs) {
  const std::string_view bname = backend_name_of(xs);
  check_arguments(xs, bname);
  const ComputingGuard guard(bname);
  const Backend& b = xs.empty() ? current_backend() : xs[0].backend();
  switch (engine_for(b, xs)) {
    case GradientEngine::tape:
      return with_tape(f, xs, bname);
    case GradientEngine::native:
      try {
        return with_native_engine(f, xs, bname, b);
      } catch (const UnsupportedError&) {
        // The engine cannot differentiate something f does (MLX has no VJP for inv, svd, the
        // LU factorisation): the computation is repeated on ivy's tape, which can. A failure
        // of f itself fails again there and reaches the caller.
        return with_tape(f, xs, bname);
      }
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

Array stop_gradient(const Array& x) {
  const Backend& b = detail::backend_of("stop_gradient", x);
  Array y = detail::detached(x);
  if (b.autodiff && b.autodiff->stop_gradient) y = b.autodiff->stop_gradient(y);
  return y;
}

std::string_view gradient_engine(const Backend& b) {
  return detail::engine_for(b, {}) == detail::GradientEngine::native ? "native" : "tape";
}

}  // namespace ivy
