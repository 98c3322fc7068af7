#pragma once
/// ivy::compile_fn: a function of arrays compiled by the engine's own compiler (TorchScript
/// tracing on torch, mlx::core::compile on MLX); on backends without one the function runs as
/// it is (docs/compile.md).
#include <cstddef>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ivy/backend/compile_kernels.hpp"
#include "ivy/core/array.hpp"

namespace ivy {

/**
 * What compile_fn returns: callable like the function it compiles. Each new signature of the
 * arguments (shapes, dtypes, devices) is traced and compiled once, then reused. Copies share
 * the compiled forms.
 */
class CompiledFunction {
 public:
  /**
   * The outputs of the function for args: as many arrays as the example, on its backend
   * (ValueError / BackendError naming ivy::compile_fn otherwise).
   */
  std::vector<Array> operator()(const std::vector<Array>& args) const;
  /**
   * The single-array form: one argument, one output (ValueError naming ivy::compile_fn). A
   * template so that a braced list, f({x}), always means the vector form.
   */
  template <class A>
  requires std::is_same_v<std::remove_cvref_t<A>, Array> Array operator()(A&& x) const {
    return call_one(x);
  }

  /** "TorchScript tracing", "mlx::core::compile", or "none" (the function runs uncompiled). */
  std::string_view engine() const;
  bool compiled() const { return engine() != "none"; }
  /** Number of argument signatures compiled so far (1 after compile_fn on a compiler). */
  std::size_t traces() const;
  /** Number of arguments the function takes. */
  std::size_t arity() const;

  struct State;
  explicit CompiledFunction(std::shared_ptr<State> state) : state_(std::move(state)) {}

 private:
  Array call_one(const Array& x) const;
  std::shared_ptr<State> state_;
};

namespace detail {
CompiledFunction compile_fn(ArrayFunction f, const std::vector<Array>& example_args);
}  // namespace detail

/**
 * Compiles f, a function of arrays returning an Array or a std::vector<Array>, for arguments
 * like example_args (at least one; all of one backend): traced now on torch and MLX, where
 * arrays f captures become constants of the compiled form. On a backend without a compiler, f
 * is called as it is and one notice per backend is written to stderr.
 *
 *     auto fast = ivy::compile_fn([](const std::vector<ivy::Array>& a) {
 *       return std::vector<ivy::Array>{ivy::tanh(ivy::matmul(a[0], a[1]))};
 *     }, {x, w});
 *     std::vector<ivy::Array> y = fast({x2, w2});
 */
template <class F>
requires std::is_invocable_v < F&, const std::vector<Array>
& > CompiledFunction compile_fn(F f, const std::vector<Array>& example_args) {
  return detail::compile_fn(
      [f = std::move(f)](const std::vector<Array>& args) mutable -> std::vector<Array> {
        if constexpr (std::is_convertible_v<std::invoke_result_t<F&, const std::vector<Array>&>,
                                            Array>)
          return {f(args)};
        else
          return f(args);
      },
      example_args);
}

/** The single-array form: f(const Array&) -> Array, called as fast(x). */
template <class F>
requires(std::is_invocable_r_v<Array, F&, const Array&> &&
         !std::is_invocable_v<F&, const std::vector<Array>&>) CompiledFunction
    compile_fn(F f, const Array& example_arg) {
  return detail::compile_fn(
      [f = std::move(f)](const std::vector<Array>& args) mutable -> std::vector<Array> {
        return {f(args.at(0))};
      },
      {example_arg});
}

}  // namespace ivy
