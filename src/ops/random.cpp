// Random numbers: a few kernels (seed, uniform, normal, randperm); everything else is written
// here once, so bounds, shapes and errors are the same on every backend.
#include "ivy/ops/random.hpp"

#include <string>

#include "ivy/core/framework.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// Where a sampling call runs and what it produces.
struct Draw {
  const Backend* b;
  Device device;
  DType dtype;
  Shape shape;
  Array lo, hi;  // the two parameters as arrays of `dtype` (or float64 for randint)
};

const RandomKernels& random_family(const Backend& b, std::string_view fn) {
  return detail::family(b, &Backend::random, fn);
}

DType default_dtype(const Operand& a, const Operand& b, DType fallback) {
  std::optional<DType> d;
  for (const Operand* o : {&a, &b})
    if (o->is_array() && is_floating(o->array().dtype()))
      d = d ? promote_types(*d, o->array().dtype()) : o->array().dtype();
  return d.value_or(fallback);
}

Shape operand_shape(const Operand& o) { return o.is_array() ? o.array().shape() : Shape{}; }

Array operand_array(const Operand& o, const Draw& d, DType t, std::string_view fn) {
  if (o.is_array()) return cast(o.array(), t);
  return detail::scalar_array(*d.b, o.scalar(), t, d.device, fn);
}

// Resolves backend, device, dtype and the output shape, and materialises the parameters.
Draw prepare(std::string_view fn, const Operand& a, const Operand& b,
             const std::optional<Shape>& shape, const Options& opts, DType dtype,
             DType param_dtype) {
  const bool has_array = a.is_array() || b.is_array();
  const Backend& bk =
      has_array ? detail::common_backend(fn, {&a, &b}) : detail::creation_backend(opts);
  Device device = a.is_array()   ? a.array().device()
                  : b.is_array() ? b.array().device()
                                 : detail::creation_device(opts);
  const Shape params = detail::broadcast_shapes(operand_shape(a), operand_shape(b), fn, bk.name);
  if (shape) {
    for (auto s : *shape)
      if (s < 0)
        detail::raise<ValueError>(fn, bk.name, "negative dimension in shape " + shape_str(*shape));
    if (detail::broadcast_shapes(params, *shape, fn, bk.name) != *shape)
      detail::raise<ShapeError>(fn, bk.name,
                                "parameters of shape " + shape_str(params) +
                                    " do not broadcast to shape " + shape_str(*shape));
  }
  detail::require_dtype(bk, dtype, fn);
  // The draw, the scaled result and the float64 draw of randint: a few arrays of the shape.
  detail::check_shape(shape.value_or(params), fn, bk.name, 3 * itemsize(dtype));
  Draw d{&bk, device, dtype, shape.value_or(params), {}, {}};
  d.lo = operand_array(a, d, param_dtype, fn);
  d.hi = operand_array(b, d, param_dtype, fn);
  return d;
}

bool any_true(const Array& cond) { return any(cond).item<bool>(); }

}  // namespace

void seed(std::uint64_t value) {
  for (const std::string& name : available_backends()) {
    const Backend& b = backend(name);
    if (b.random && b.random->seed) b.random->seed(value);
  }
}

Array random_uniform(const Operand& low, const Operand& high, const std::optional<Shape>& shape,
                     const Options& opts) {
  constexpr std::string_view fn = "random_uniform";
  const DType dtype = opts.dtype.value_or(default_dtype(low, high, kDefaultFloat));
  const Draw d = prepare(fn, low, high, shape, opts, dtype, dtype);
  if (!is_floating(dtype))
    detail::raise<DTypeError>(fn, d.b->name,
                              "needs a float dtype, got " + std::string(dtype_name(dtype)));
  // An infinite or NaN bound has no uniform distribution (low + (high - low) * u is NaN or inf).
  if (any_true(logical_not(logical_and(isfinite(d.lo), isfinite(d.hi)))))
    detail::raise<ValueError>(fn, d.b->name, "bounds must be finite");
  if (any_true(greater(d.lo, d.hi))) detail::raise<ValueError>(fn, d.b->name, "low > high");
  const Array u =
      detail::kernel(*d.b, random_family(*d.b, fn).uniform, fn)(d.shape, dtype, d.device);
  const Array span = subtract(d.hi, d.lo);
  // high - low overflows for bounds near the dtype's limits: then add half the span twice
  // (each partial sum lies between low and high). Other bounds keep the plain, exact form.
  Array r;
  if (any_true(isinf(span))) {
    const Array half = multiply(subtract(multiply(d.hi, 0.5), multiply(d.lo, 0.5)), u);
    r = add(add(d.lo, half), half);
  } else {
    r = add(d.lo, multiply(span, u));
  }
  // low + (high - low) * u can round up to high; the interval stays half-open.
  return where(less(r, d.hi), r, broadcast_to(d.lo, d.shape));
}

Array random_normal(const Operand& mean, const Operand& std, const std::optional<Shape>& shape,
                    const Options& opts) {
  constexpr std::string_view fn = "random_normal";
  const DType dtype = opts.dtype.value_or(default_dtype(mean, std, kDefaultFloat));
  const Draw d = prepare(fn, mean, std, shape, opts, dtype, dtype);
  if (!is_floating(dtype))
    detail::raise<DTypeError>(fn, d.b->name,
                              "needs a float dtype, got " + std::string(dtype_name(dtype)));
  if (any_true(less(d.hi, 0.0))) detail::raise<ValueError>(fn, d.b->name, "std < 0");
  const Array n =
      detail::kernel(*d.b, random_family(*d.b, fn).normal, fn)(d.shape, dtype, d.device);
  return add(d.lo, multiply(d.hi, n));
}

Array randint(const Operand& low, const Operand& high, const std::optional<Shape>& shape,
              const Options& opts) {
  constexpr std::string_view fn = "randint";
  const DType dtype = opts.dtype.value_or(kDefaultInt);
  // Bounds are checked in the output dtype (so they must fit it), drawn in float64.
  const Draw d =
      prepare(fn, low, high, shape, opts, dtype, is_integral(dtype) ? dtype : DType::float64);
  if (!is_integral(dtype))
    detail::raise<DTypeError>(fn, d.b->name,
                              "needs an integer dtype, got " + std::string(dtype_name(dtype)));
  if (any_true(greater_equal(d.lo, d.hi)))
    detail::raise<ValueError>(fn, d.b->name, "low >= high: the range is empty");
  const Array lo = cast(d.lo, DType::float64), hi = cast(d.hi, DType::float64);
  // Draws are made in float64, which holds every integer only up to 2^53.
  constexpr double kExact = 9007199254740992.0;
  if (any_true(logical_or(greater(abs(lo), kExact), greater(abs(hi), kExact))))
    detail::raise<ValueError>(fn, d.b->name, "bounds beyond +-2^53 cannot be drawn uniformly");
  const Array u =
      detail::kernel(*d.b, random_family(*d.b, fn).uniform, fn)(d.shape, DType::float64, d.device);
  const Array r = add(lo, floor(multiply(subtract(hi, lo), u)));
  return cast(minimum(r, subtract(hi, 1.0)), dtype);
}

Array shuffle(const Array& x) {
  const Backend& b = detail::backend_of("shuffle", x);
  if (x.ndim() == 0)
    detail::raise<ShapeError>("shuffle", b.name, "needs an array of rank >= 1, got a 0-d array");
  const auto randperm = detail::kernel(b, random_family(b, "shuffle").randperm, "shuffle");
  return take(x, randperm(x.shape()[0], x.device()), 0);
}

namespace {

// One class index per row and draw: the number of cdf steps at or below a uniform draw.
Array sample_rows(const Array& p, std::int64_t num_samples, const Backend& b) {
  const Shape s = p.shape();
  const Array cdf = cumsum(p, -1);
  const Array total = slice_ranges(cdf, {{0, s[0], 1}, {s[1] - 1, s[1], 1}});
  const Array normed = divide(cdf, total);  // the last entry is exactly 1 > any draw
  const Array u = detail::kernel(b, random_family(b, "multinomial").uniform, "multinomial")(
      {s[0], num_samples, 1}, DType::float64, p.device());
  return sum(cast(greater_equal(u, expand_dims(normed, 1)), DType::int64), {-1});
}

}  // namespace

Array multinomial(const Array& probs, std::int64_t num_samples, bool replace) {
  constexpr std::string_view fn = "multinomial";
  const Backend& b = detail::backend_of(fn, probs);
  detail::require_kind(probs, !is_bool(probs.dtype()), fn, "a numeric dtype");
  const Shape s = probs.shape();
  if (s.size() != 2)
    detail::raise<ShapeError>(fn, b.name, "needs probs [batch, classes], got " + shape_str(s));
  if (num_samples < 0)
    detail::raise<ValueError>(fn, b.name, "num_samples < 0: " + std::to_string(num_samples));
  // The int64 samples and the float64 draws behind them, per row.
  detail::check_shape({s[0], num_samples}, fn, b.name, 2 * sizeof(std::int64_t));
  Array p = cast(probs, DType::float64);
  if (s[0] == 0 || num_samples == 0)
    return zeros({s[0], num_samples}, Options(DType::int64).on(b).to(probs.device()));
  if (s[1] == 0 || any_true(less(p, 0.0)) || any_true(less_equal(sum(p, {-1}), 0.0)))
    detail::raise<ValueError>(fn, b.name,
                              "probabilities must be >= 0 with a positive sum in every row");
  if (replace) return sample_rows(p, num_samples, b);
  const std::int64_t fewest =
      min(sum(cast(greater(p, 0.0), DType::int64), {-1})).item<std::int64_t>();
  if (num_samples > fewest)
    detail::raise<ValueError>(fn, b.name,
                              "cannot draw " + std::to_string(num_samples) +
                                  " classes without replacement from a row with " +
                                  std::to_string(fewest) + " non-zero probabilities");
  // Draw one class at a time and remove it from its row.
  const Array classes = arange(s[1], Options(DType::int64).on(b).to(probs.device()));
  std::vector<Array> picks;
  for (std::int64_t k = 0; k < num_samples; ++k) {
    const Array idx = sample_rows(p, 1, b);  // [batch, 1]
    picks.push_back(idx);
    p = where(equal(idx, classes), 0.0, p);
  }
  return concat(picks, 1);
}

}  // namespace ivy
