// Overhead of ivy's call paths on xtensor: xtensor expressions evaluated into an xt::xarray
// (native), ivy's overloads on xt::xarray<float> (static: they copy the inputs in and the
// result out by design), and ivy::Array from an explicit backend (explicit) or from the scope's
// backend (erased). See bench_support.hpp for the names and docs/benchmarks.md for the results.
#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>

#include "bench_support.hpp"
#include "ivy/xtensor.hpp"

namespace {

using ivy_bench::add;
using ivy_bench::name;
using Xf = xt::xarray<float>;

struct Inputs {
  Xf a, b;
  ivy::Array explicit_a, explicit_b;
  ivy::Array erased_a, erased_b;
};

Xf make(const std::vector<float>& v, const ivy::Shape& shape) {
  Xf x = Xf::from_shape(std::vector<std::size_t>(shape.begin(), shape.end()));
  std::copy(v.begin(), v.end(), x.begin());
  return x;
}

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
  slot->a = make(va, shape);
  slot->b = make(vb, shape);
  slot->explicit_a = ivy::array(va, shape, ivy::backend("xtensor"));
  slot->explicit_b = ivy::array(vb, shape, ivy::backend("xtensor"));
  {
    ivy::use scope{"xtensor"};
    slot->erased_a = ivy::array(va, shape);
    slot->erased_b = ivy::array(vb, shape);
  }
  return *slot;
}

// One function at every size on the four paths; `unified` is called with xt::xarray<float>
// (static) and with ivy::Array (explicit, erased).
template <class Native, class Unified>
void register_op(const char* fn, bool matrix, Native native, Unified unified) {
  for (const std::int64_t n : ivy_bench::kSizes) {
    const Inputs& in = inputs(n, matrix);
    add(name("xtensor", fn, "native", n), [&in, native] { return native(in.a, in.b); });
    add(name("xtensor", fn, "static", n), [&in, unified] { return unified(in.a, in.b); });
    add(name("xtensor", fn, "explicit", n),
        [&in, unified] { return unified(in.explicit_a, in.explicit_b); });
    add(name("xtensor", fn, "erased", n),
        [&in, unified] { return unified(in.erased_a, in.erased_b); });
  }
}

void register_functions() {
  register_op(
      "sin", false, [](const Xf& x, const Xf&) { return Xf(xt::sin(x)); },
      [](const auto& x, const auto&) { return ivy::sin(x); });
  register_op(
      "exp", false, [](const Xf& x, const Xf&) { return Xf(xt::exp(x)); },
      [](const auto& x, const auto&) { return ivy::exp(x); });
  register_op(
      "add", false, [](const Xf& x, const Xf& y) { return Xf(x + y); },
      [](const auto& x, const auto& y) { return ivy::add(x, y); });
  register_op(
      "multiply", false, [](const Xf& x, const Xf& y) { return Xf(x * y); },
      [](const auto& x, const auto& y) { return ivy::multiply(x, y); });
  register_op(
      "maximum", false, [](const Xf& x, const Xf& y) { return Xf(xt::maximum(x, y)); },
      [](const auto& x, const auto& y) { return ivy::maximum(x, y); });
  register_op(
      "sum", false, [](const Xf& x, const Xf&) { return Xf(xt::sum(x)); },
      [](const auto& x, const auto&) { return ivy::sum(x); });
  register_op(
      "mean", true, [](const Xf& x, const Xf&) { return Xf(xt::mean(x, {0})); },
      [](const auto& x, const auto&) { return ivy::mean(x, ivy::Axes(0)); });
  register_op(
      "matmul", true, [](const Xf& x, const Xf& y) { return Xf(xt::linalg::dot(x, y)); },
      [](const auto& x, const auto& y) { return ivy::matmul(x, y); });
}

// The cheapest ops, to see the pure cost of each path: a cast to the array's own dtype and a
// reshape to its own shape (ivy returns its input for both), and copying the array. An
// xt::xarray owns its buffer, so the native baseline of an op returning its input is a copy.
void register_wrapper_only() {
  const std::int64_t n = ivy_bench::kWrapperSize;
  const Inputs& in = inputs(n, true);
  static const ivy::Shape same = {ivy_bench::side(n), ivy_bench::side(n)};
  add(name("xtensor", "wrapper_cast", "native", n), [&in] { return Xf(xt::cast<float>(in.a)); });
  add(name("xtensor", "wrapper_cast", "static", n),
      [&in] { return ivy::cast(in.a, ivy::float32); });
  add(name("xtensor", "wrapper_cast", "framework", n),
      [&in] { return ivy::xtensor::cast(in.a, ivy::float32); });
  add(name("xtensor", "wrapper_cast", "explicit", n),
      [&in] { return ivy::cast(in.explicit_a, ivy::float32); });
  add(name("xtensor", "wrapper_cast", "erased", n),
      [&in] { return ivy::cast(in.erased_a, ivy::float32); });
  add(name("xtensor", "wrapper_reshape", "native", n), [&in] {
    Xf y = in.a;
    y.reshape({10, 10});
    return y;
  });
  add(name("xtensor", "wrapper_reshape", "static", n), [&in] { return ivy::reshape(in.a, same); });
  add(name("xtensor", "wrapper_reshape", "explicit", n),
      [&in] { return ivy::reshape(in.explicit_a, same); });
  add(name("xtensor", "wrapper_reshape", "erased", n),
      [&in] { return ivy::reshape(in.erased_a, same); });
  add(name("xtensor", "wrapper_copy", "native", n), [&in] { return Xf(in.a); });
  add(name("xtensor", "wrapper_copy", "erased", n), [&in] { return ivy::Array(in.erased_a); });
}

}  // namespace

int main(int argc, char** argv) {
  register_wrapper_only();
  register_functions();
  return ivy_bench::run(argc, argv);
}
