#pragma once
// The benchmark cases every backend program registers: the same functions, sizes and paths,
// with only the engine's own calls supplied by the program as an "engine" struct E:
//
//   using Native = ...;                                 // the engine's array type
//   static constexpr const char* name = "torch";        // the ivy backend's name
//   static Native make(const std::vector<float>&, const ivy::Shape&);
//   static Native sin(const Native&), exp, sum, mean0 (mean over axis 0), same_cast (cast
//     to float32), same_reshape(const Native&, const ivy::Shape&), framework_cast (the
//     ivy::<engine>::cast overload);
//   static Native add(const Native&, const Native&), multiply, maximum, matmul;
//   static void force(const Native&), force(const ivy::Array&);  // computes a lazy result
//   static constexpr bool threaded;  // the engine computes on threads of its own
//
// force runs inside the timed loop on every path, so a lazy engine does the work of each call
// there; eager engines make it a no-op. A threaded engine is timed by the CPU time of the whole
// process (the calling thread alone would only wait).
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "bench_support.hpp"
#include "ivy/ivy.hpp"
#include "ivy/native.hpp"  // the static overloads, seen where the cases are defined

namespace ivy_bench {

/** Two float32 arrays of n elements in every form the paths take. */
template <class N>
struct Inputs {
  N a, b;
  ivy::Array explicit_a, explicit_b;
  ivy::Array erased_a, erased_b;
};

/**
 * The inputs of n elements, shape [n] or [sqrt(n), sqrt(n)], created and computed once so that
 * the timed loops compute only the function itself.
 */
template <class E>
const Inputs<typename E::Native>& inputs(std::int64_t n, bool matrix) {
  static std::map<std::pair<std::int64_t, bool>, std::unique_ptr<Inputs<typename E::Native>>> cache;
  auto& slot = cache[{n, matrix}];
  if (slot) return *slot;
  const std::int64_t s = side(n);
  const ivy::Shape shape = matrix ? ivy::Shape{s, s} : ivy::Shape{n};
  const std::vector<float> va = values(n, 1);
  const std::vector<float> vb = values(n, 2);
  ivy::Array erased_a, erased_b;
  {
    ivy::use scope{E::name};
    erased_a = ivy::array(va, shape);
    erased_b = ivy::array(vb, shape);
  }
  slot = std::make_unique<Inputs<typename E::Native>>(Inputs<typename E::Native>{
      E::make(va, shape), E::make(vb, shape), ivy::array(va, shape, ivy::backend(E::name)),
      ivy::array(vb, shape, ivy::backend(E::name)), erased_a, erased_b});
  E::force(slot->a);
  E::force(slot->b);
  ivy::eval({slot->explicit_a, slot->explicit_b, slot->erased_a, slot->erased_b});
  return *slot;
}

/** Registers f (returning an array), forced by E inside the timed loop. */
template <class E, class F>
void add_forced(const std::string& benchmark_name, F f) {
  benchmark::internal::Benchmark* b = add(benchmark_name, [f] {
    auto result = f();
    E::force(result);
    return result;
  });
  if (E::threaded) b->MeasureProcessCPUTime();
}

/**
 * One function at every size on the four paths; `unified` is called with E::Native (static)
 * and with ivy::Array (explicit, erased).
 */
template <class E, class Native, class Unified>
void register_op(const char* fn, bool matrix, Native native, Unified unified) {
  for (const std::int64_t n : kSizes) {
    const Inputs<typename E::Native>& in = inputs<E>(n, matrix);
    add_forced<E>(name(E::name, fn, "native", n), [&in, native] { return native(in.a, in.b); });
    add_forced<E>(name(E::name, fn, "static", n), [&in, unified] { return unified(in.a, in.b); });
    add_forced<E>(name(E::name, fn, "explicit", n),
                  [&in, unified] { return unified(in.explicit_a, in.explicit_b); });
    add_forced<E>(name(E::name, fn, "erased", n),
                  [&in, unified] { return unified(in.erased_a, in.erased_b); });
  }
}

/** The eight functions of the tables, on E's engine. */
template <class E>
void register_functions() {
  using N = typename E::Native;
  register_op<E>(
      "sin", false, [](const N& x, const N&) { return E::sin(x); },
      [](const auto& x, const auto&) { return ivy::sin(x); });
  register_op<E>(
      "exp", false, [](const N& x, const N&) { return E::exp(x); },
      [](const auto& x, const auto&) { return ivy::exp(x); });
  register_op<E>(
      "add", false, [](const N& x, const N& y) { return E::add(x, y); },
      [](const auto& x, const auto& y) { return ivy::add(x, y); });
  register_op<E>(
      "multiply", false, [](const N& x, const N& y) { return E::multiply(x, y); },
      [](const auto& x, const auto& y) { return ivy::multiply(x, y); });
  register_op<E>(
      "maximum", false, [](const N& x, const N& y) { return E::maximum(x, y); },
      [](const auto& x, const auto& y) { return ivy::maximum(x, y); });
  register_op<E>(
      "sum", false, [](const N& x, const N&) { return E::sum(x); },
      [](const auto& x, const auto&) { return ivy::sum(x); });
  register_op<E>(
      "mean", true, [](const N& x, const N&) { return E::mean0(x); },
      [](const auto& x, const auto&) { return ivy::mean(x, ivy::Axes(0)); });
  register_op<E>(
      "matmul", true, [](const N& x, const N& y) { return E::matmul(x, y); },
      [](const auto& x, const auto& y) { return ivy::matmul(x, y); });
}

/**
 * The cheapest ops, to see the pure cost of each path: a cast to the array's own dtype and a
 * reshape to its own shape (ivy returns its input for both), and copying the array.
 */
template <class E>
void register_wrapper_only() {
  using N = typename E::Native;
  const std::int64_t n = kWrapperSize;
  const Inputs<N>& in = inputs<E>(n, true);
  static const ivy::Shape same = {side(n), side(n)};
  const auto* b = E::name;
  add_forced<E>(name(b, "wrapper_cast", "native", n), [&in] { return E::same_cast(in.a); });
  add_forced<E>(name(b, "wrapper_cast", "static", n),
                [&in] { return ivy::cast(in.a, ivy::float32); });
  add_forced<E>(name(b, "wrapper_cast", "framework", n), [&in] { return E::framework_cast(in.a); });
  add_forced<E>(name(b, "wrapper_cast", "explicit", n),
                [&in] { return ivy::cast(in.explicit_a, ivy::float32); });
  add_forced<E>(name(b, "wrapper_cast", "erased", n),
                [&in] { return ivy::cast(in.erased_a, ivy::float32); });
  add_forced<E>(name(b, "wrapper_reshape", "native", n),
                [&in] { return E::same_reshape(in.a, same); });
  add_forced<E>(name(b, "wrapper_reshape", "static", n),
                [&in] { return ivy::reshape(in.a, same); });
  add_forced<E>(name(b, "wrapper_reshape", "explicit", n),
                [&in] { return ivy::reshape(in.explicit_a, same); });
  add_forced<E>(name(b, "wrapper_reshape", "erased", n),
                [&in] { return ivy::reshape(in.erased_a, same); });
  // Copies compute nothing: no force.
  add(name(b, "wrapper_copy", "native", n), [&in] { return N(in.a); });
  add(name(b, "wrapper_copy", "erased", n), [&in] { return ivy::Array(in.erased_a); });
}

/** Registers every case of E, then runs (see run in bench_support.hpp). */
template <class E>
int run_all(int argc, char** argv) {
  register_wrapper_only<E>();
  register_functions<E>();
  return run(argc, argv);
}

}  // namespace ivy_bench
