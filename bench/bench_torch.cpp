// Overhead of ivy's call paths on LibTorch: the engine called directly (native), ivy's
// overloads on at::Tensor (static), and ivy::Array from an explicit backend (explicit) or from
// the scope's backend (erased). See bench_support.hpp for the names and docs/benchmarks.md for
// the results.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <map>
#include <memory>
#include <utility>

#include "bench_support.hpp"
#include "ivy/torch.hpp"

namespace {

using ivy_bench::add;
using ivy_bench::name;

struct Inputs {
  at::Tensor a, b;
  ivy::Array explicit_a, explicit_b;
  ivy::Array erased_a, erased_b;
};

// Two arrays of n float32 elements, shape [n] or [sqrt(n), sqrt(n)], in every form.
const Inputs& inputs(std::int64_t n, bool matrix) {
  static std::map<std::pair<std::int64_t, bool>, std::unique_ptr<Inputs>> cache;
  auto& slot = cache[{n, matrix}];
  if (slot) return *slot;
  const std::int64_t s = ivy_bench::side(n);
  const ivy::Shape shape = matrix ? ivy::Shape{s, s} : ivy::Shape{n};
  const std::vector<float> va = ivy_bench::values(n, 1);
  const std::vector<float> vb = ivy_bench::values(n, 2);
  slot = std::make_unique<Inputs>();
  slot->a = at::from_blob(const_cast<float*>(va.data()), shape, at::kFloat).clone();
  slot->b = at::from_blob(const_cast<float*>(vb.data()), shape, at::kFloat).clone();
  slot->explicit_a = ivy::array(va, shape, ivy::backend("torch"));
  slot->explicit_b = ivy::array(vb, shape, ivy::backend("torch"));
  {
    ivy::use scope{"torch"};
    slot->erased_a = ivy::array(va, shape);
    slot->erased_b = ivy::array(vb, shape);
  }
  return *slot;
}

// One function at every size on the four paths; `unified` is called with at::Tensor (static)
// and with ivy::Array (explicit, erased).
template <class Native, class Unified>
void register_op(const char* fn, bool matrix, Native native, Unified unified) {
  for (const std::int64_t n : ivy_bench::kSizes) {
    const Inputs& in = inputs(n, matrix);
    add(name("torch", fn, "native", n), [&in, native] { return native(in.a, in.b); });
    add(name("torch", fn, "static", n), [&in, unified] { return unified(in.a, in.b); });
    add(name("torch", fn, "explicit", n),
        [&in, unified] { return unified(in.explicit_a, in.explicit_b); });
    add(name("torch", fn, "erased", n),
        [&in, unified] { return unified(in.erased_a, in.erased_b); });
  }
}

void register_functions() {
  register_op(
      "sin", false, [](const at::Tensor& x, const at::Tensor&) { return at::sin(x); },
      [](const auto& x, const auto&) { return ivy::sin(x); });
  register_op(
      "exp", false, [](const at::Tensor& x, const at::Tensor&) { return at::exp(x); },
      [](const auto& x, const auto&) { return ivy::exp(x); });
  register_op(
      "add", false, [](const at::Tensor& x, const at::Tensor& y) { return at::add(x, y); },
      [](const auto& x, const auto& y) { return ivy::add(x, y); });
  register_op(
      "multiply", false, [](const at::Tensor& x, const at::Tensor& y) { return at::mul(x, y); },
      [](const auto& x, const auto& y) { return ivy::multiply(x, y); });
  register_op(
      "maximum", false, [](const at::Tensor& x, const at::Tensor& y) { return at::maximum(x, y); },
      [](const auto& x, const auto& y) { return ivy::maximum(x, y); });
  register_op(
      "sum", false, [](const at::Tensor& x, const at::Tensor&) { return x.sum(); },
      [](const auto& x, const auto&) { return ivy::sum(x); });
  register_op(
      "mean", true, [](const at::Tensor& x, const at::Tensor&) { return x.mean(0); },
      [](const auto& x, const auto&) { return ivy::mean(x, ivy::Axes(0)); });
  register_op(
      "matmul", true, [](const at::Tensor& x, const at::Tensor& y) { return at::matmul(x, y); },
      [](const auto& x, const auto& y) { return ivy::matmul(x, y); });
}

// The cheapest ops, to see the pure cost of each path: a cast to the array's own dtype and a
// reshape to its own shape (ivy returns its input for both), and copying the handle.
void register_wrapper_only() {
  const std::int64_t n = ivy_bench::kWrapperSize;
  const Inputs& in = inputs(n, true);
  static const ivy::Shape same = {ivy_bench::side(n), ivy_bench::side(n)};
  add(name("torch", "wrapper_cast", "native", n), [&in] { return in.a.to(at::kFloat); });
  add(name("torch", "wrapper_cast", "static", n), [&in] { return ivy::cast(in.a, ivy::float32); });
  add(name("torch", "wrapper_cast", "framework", n),
      [&in] { return ivy::torch::cast(in.a, ivy::float32); });
  add(name("torch", "wrapper_cast", "explicit", n),
      [&in] { return ivy::cast(in.explicit_a, ivy::float32); });
  add(name("torch", "wrapper_cast", "erased", n),
      [&in] { return ivy::cast(in.erased_a, ivy::float32); });
  add(name("torch", "wrapper_reshape", "native", n), [&in] { return in.a.reshape(same); });
  add(name("torch", "wrapper_reshape", "static", n), [&in] { return ivy::reshape(in.a, same); });
  add(name("torch", "wrapper_reshape", "explicit", n),
      [&in] { return ivy::reshape(in.explicit_a, same); });
  add(name("torch", "wrapper_reshape", "erased", n),
      [&in] { return ivy::reshape(in.erased_a, same); });
  add(name("torch", "wrapper_copy", "native", n), [&in] { return at::Tensor(in.a); });
  add(name("torch", "wrapper_copy", "erased", n), [&in] { return ivy::Array(in.erased_a); });
}

}  // namespace

int main(int argc, char** argv) {
  at::set_num_threads(1);  // stable timings on a 2-core machine; ivy adds no threads
  register_wrapper_only();
  register_functions();
  return ivy_bench::run(argc, argv);
}
