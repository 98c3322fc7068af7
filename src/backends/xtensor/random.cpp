#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <numeric>
#include <random>

#include "backends/xtensor/layout.hpp"
#include "backends/xtensor/xt_array.hpp"

namespace ivy::backends::xtensor_impl {
namespace {

// The backend's one generator. Each kernel holds the lock for its whole draw, so concurrent
// calls from several threads are safe and each call's numbers are contiguous in the sequence.
struct Generator {
  std::mutex mutex;
  std::mt19937_64 engine{5489u};
};
Generator& generator_state() {
  static Generator g;
  return g;
}
std::mt19937_64& generator() { return generator_state().engine; }

void seed(std::uint64_t value) {
  std::lock_guard lock(generator_state().mutex);
  generator().seed(value);
}

// The top bits of one draw, scaled: exactly representable, so always < 1 after conversion.
template <class T>
T unit_draw() {
  constexpr int bits = std::numeric_limits<T>::digits;
  return static_cast<T>(generator()() >> (64 - bits)) * static_cast<T>(std::ldexp(1.0, -bits));
}

template <class F>
Array fill(const Shape& shape, DType d, F draw) {
  std::lock_guard lock(generator_state().mutex);
  return visit_dtype(d, [&](auto tag) -> Array {
    using T = typename decltype(tag)::type;
    if constexpr (is_float_v<T>) {
      auto a = xt::xarray<T>::from_shape(to_xshape(shape));
      for (auto& v : a) v = draw(Tag<T>{});
      return wrap(std::move(a));
    } else {
      detail::raise<UnsupportedError>("random", "xtensor", "needs a float dtype");
    }
  });
}

Array uniform(const Shape& shape, DType d, const Device&) {
  return fill(shape, d, [](auto tag) { return unit_draw<typename decltype(tag)::type>(); });
}

// Box-Muller on the generator's own draws, so the sequence depends only on the seed.
Array normal(const Shape& shape, DType d, const Device&) {
  return fill(shape, d, [](auto tag) {
    using T = typename decltype(tag)::type;
    const double u1 = 1.0 - unit_draw<double>(), u2 = unit_draw<double>();
    return static_cast<T>(std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2));
  });
}

// Fisher-Yates with unbiased bounded draws.
Array randperm(std::int64_t n, const Device&) {
  std::lock_guard lock(generator_state().mutex);
  auto a = xt::xarray<std::int64_t>::from_shape({static_cast<std::size_t>(n)});
  std::iota(a.begin(), a.end(), std::int64_t{0});
  for (std::int64_t i = n - 1; i > 0; --i) {
    std::uniform_int_distribution<std::int64_t> pick(0, i);
    std::swap(a.data()[i], a.data()[pick(generator())]);
  }
  return wrap(std::move(a));
}

}  // namespace

const RandomKernels& random_kernels() {
  static const RandomKernels k = [] {
    RandomKernels t;
    t.seed = seed;
    t.uniform = uniform;
    t.normal = normal;
    t.randperm = randperm;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::xtensor_impl
