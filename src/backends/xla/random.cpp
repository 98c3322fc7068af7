// Random numbers from stablehlo.rng_bit_generator (THREE_FRY). The backend keeps the generator's
// state on the host, (seed, counter): each draw passes it in as an input array (never in the
// module's text, so draws of one shape share one module) and moves the counter past the words it
// used: a seeded sequence of draws is reproducible.
#include <cmath>
#include <mutex>
#include <random>

#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

struct GeneratorState {
  std::mutex mutex;
  std::uint64_t seed = std::random_device{}();
  std::uint64_t counter = 0;
};

GeneratorState& generator() {
  static GeneratorState g;
  return g;
}

void seed(std::uint64_t value) {
  GeneratorState& g = generator();
  const std::lock_guard<std::mutex> lock(g.mutex);
  g.seed = value;
  g.counter = 0;
}

// The state for a draw of count random words, as a [2] int64 array (the bits of THREE_FRY's
// uint64 key and counter: ivy has no uint64). Each word uses at most one counter value.
Array next_state(std::int64_t count, std::string_view fn) {
  untraceable("a random draw");
  GeneratorState& g = generator();
  std::uint64_t state[2];
  {
    const std::lock_guard<std::mutex> lock(g.mutex);
    state[0] = g.seed;
    state[1] = g.counter;
    g.counter += static_cast<std::uint64_t>(count);
  }
  return from_bytes(state, DType::int64, {2}, fn);
}

// count random words of 32 bits (or 64 with wide) as int32 (int64) bits, from the state.
Value random_words(Builder& b, const Value& state, std::int64_t count, bool wide) {
  const char* unsigned_t = wide ? "ui64" : "ui32";
  const DType bits = wide ? DType::int64 : DType::int32;
  const std::string key_t = "tensor<2xui64>";
  const std::string words_t = "tensor<" + std::to_string(count) + "x" + unsigned_t + ">";
  const Value key = b.op("stablehlo.bitcast_convert " + state.name + " : (" +
                             tensor_type(state.dtype, state.shape) + ") -> " + key_t,
                         DType::int64, state.shape);
  const std::vector<Value> r =
      b.ops("stablehlo.rng_bit_generator " + key.name + ", algorithm = THREE_FRY : (" + key_t +
                ") -> (" + key_t + ", " + words_t + ")",
            {{DType::int64, {2}}, {bits, {count}}});
  return b.op("stablehlo.bitcast_convert " + r[1].name + " : (" + words_t + ") -> " +
                  tensor_type(bits, {count}),
              bits, {count});
}

// The significand's precision (bits, the implicit one included) of a float dtype.
int precision(DType d) {
  switch (d) {
    case DType::float16:
      return 11;
    case DType::bfloat16:
      return 8;
    case DType::float64:
      return 53;
    default:
      return 24;
  }
}

// count floats uniform on [0, 1) in dtype d: the top precision(d) bits of a word, times
// 2^-precision. Every step is exact, so each of the 2^precision values is equally likely.
Value uniform_values(Builder& b, const Value& state, std::int64_t count, DType d) {
  const bool wide = d == DType::float64;
  const Value words = random_words(b, state, count, wide);
  const int p = precision(d);
  const Value shift = b.constant(Scalar(std::int64_t{(wide ? 64 : 32) - p}), words.dtype, {count});
  const Value top = b.binary("shift_right_logical", words, shift);
  return b.binary("multiply", b.convert(top, d),
                  b.constant(Scalar(std::ldexp(1.0, -p)), d, {count}));
}

Array uniform(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_uniform");
  const std::int64_t n = numel(shape);
  if (n == 0) return from_bytes(nullptr, d, shape, "random_uniform");
  return run1("random_uniform", {next_state(n, "random_uniform")},
              [&](Builder& b, const std::vector<Value>& in) {
                return b.reshape(uniform_values(b, in[0], n, d), shape);
              });
}

Value slice(Builder& b, const Value& x, std::int64_t start, std::int64_t stop) {
  const Shape s{stop - start};
  return b.op("\"stablehlo.slice\"(" + x.name + ") {start_indices = array<i64: " +
                  std::to_string(start) + ">, limit_indices = array<i64: " + std::to_string(stop) +
                  ">, strides = array<i64: 1>} : (" + tensor_type(x.dtype, x.shape) + ") -> " +
                  tensor_type(x.dtype, s),
              x.dtype, s);
}

// Box-Muller: sqrt(-2 log u) cos(2 pi v) for u in (0, 1] and v in [0, 1), computed in float32
// for the half types (which then round once).
Array normal(const Shape& shape, DType d, const Device& dev) {
  require_cpu(dev, "random_normal");
  const std::int64_t n = numel(shape);
  if (n == 0) return from_bytes(nullptr, d, shape, "random_normal");
  const DType w = d == DType::float64 ? DType::float64 : DType::float32;
  return run1("random_normal", {next_state(2 * n, "random_normal")},
              [&](Builder& b, const std::vector<Value>& in) {
                const Value both = uniform_values(b, in[0], 2 * n, w);
                const Value one = b.constant(Scalar(1.0), w, {n});
                const Value u = b.binary("subtract", one, slice(b, both, 0, n));
                const Value v = slice(b, both, n, 2 * n);
                const Value radius = b.unary(
                    "sqrt",
                    b.binary("multiply", b.constant(Scalar(-2.0), w, {n}), b.unary("log", u)));
                const Value angle =
                    b.binary("multiply", b.constant(Scalar(2 * 3.14159265358979323846), w, {n}), v);
                const Value z = b.binary("multiply", radius, b.unary("cosine", angle));
                return b.reshape(b.convert(z, d), shape);
              });
}

// The order of n random 64-bit keys (a stable sort by key, so ties, of probability about
// n^2 / 2^65, still give a permutation).
Array randperm(std::int64_t n, const Device& dev) {
  require_cpu(dev, "shuffle");
  if (n == 0) return from_bytes(nullptr, DType::int64, {0}, "shuffle");
  return run1("shuffle", {next_state(n, "shuffle")}, [&](Builder& b, const std::vector<Value>& in) {
    const Value keys = random_words(b, in[0], n, true);
    const std::string t = tensor_type(DType::int64, {n}), scalar_t = tensor_type(DType::int64, {});
    const Value positions = b.op("stablehlo.iota dim = 0 : " + t, DType::int64, {n});
    const std::vector<Value> sorted =
        b.ops("\"stablehlo.sort\"(" + keys.name + ", " + positions.name + ") ({",
              {{DType::int64, {n}}, {DType::int64, {n}}});
    const Value k1{b.fresh(), DType::int64, {}}, k2{b.fresh(), DType::int64, {}};
    const std::string p1 = b.fresh(), p2 = b.fresh();
    b.line("^bb0(" + k1.name + ": " + scalar_t + ", " + k2.name + ": " + scalar_t + ", " + p1 +
           ": " + scalar_t + ", " + p2 + ": " + scalar_t + "):");
    const Value less = b.compare("LT", k1, k2);
    b.line("\"stablehlo.return\"(" + less.name + ") : (tensor<i1>) -> ()");
    b.line("}) {dimension = 0 : i64, is_stable = true} : (" + t + ", " + t + ") -> (" + t + ", " +
           t + ")");
    return sorted[1];
  });
}

}  // namespace

const RandomKernels& random_kernels() {
  static const RandomKernels k{seed, uniform, normal, randperm};
  return k;
}

}  // namespace ivy::backends::xla_impl
