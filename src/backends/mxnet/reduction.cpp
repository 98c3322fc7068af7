#include <algorithm>
#include <cstring>
#include <limits>

#include "backends/mxnet/mx_array.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

const char* reduce_name(ReduceOp op) {
  switch (op) {
    case ReduceOp::sum:
      return "_np_sum";
    case ReduceOp::prod:
      return "_np_prod";
    case ReduceOp::mean:
      return "_npi_mean";
    case ReduceOp::min:
      return "_np_min";
    case ReduceOp::max:
      return "_np_max";
    case ReduceOp::all:
      return "_np_all";
    case ReduceOp::any:
      return "_np_any";
  }
  return "_np_sum";
}

// The reduction of zero elements (MXNet's kernels refuse zero-size operands).
Scalar identity(ReduceOp op) {
  switch (op) {
    case ReduceOp::any:
      return Scalar(false);
    case ReduceOp::sum:
    case ReduceOp::min:  // never called on zero-size reductions
    case ReduceOp::max:
      return Scalar(0);
    case ReduceOp::prod:
      return Scalar(1);
    case ReduceOp::mean:
      return Scalar(std::numeric_limits<double>::quiet_NaN());
    case ReduceOp::all:
      return Scalar(true);
  }
  return Scalar(0);
}

NDArray reduced(const char* name, const NDArray& x, const std::vector<int>& axes, bool keepdims) {
  return run(name, "reduce", {x},
             {{"axis", tuple(std::vector<std::int64_t>(axes.begin(), axes.end()))},
              {"keepdims", keepdims ? "True" : "False"}});
}

// MXNet sums floats with Kahan compensation, which turns inf + inf (and inf + 1) into NaN. max and
// min over the same axes, which propagate NaN, tell which lanes hold only finite values (both
// finite: MXNet's sum is the answer) and otherwise what the answer is (a NaN: both NaN; +inf and
// -inf: min + max is NaN; only +inf: max; only -inf: min), with no host read (compile_fn traces
// this) and no constant arrays. A finite sum that overflows stays MXNet's (NaN, or inf when the
// last term overflows) unless the lane holds an infinity, as before.
// MXNet's Kahan compensation turns a sum that overflows into NaN (inf - inf) where NumPy's is
// +-inf. float32 (and the half types, summed in float32) are summed in float64, which cannot
// overflow, and rounded back. A float64 sum that comes out NaN from finite values is replaced by
// its overflow: the sum scaled by 2^-60 has the overflow's sign, and scaled back is +-inf.
NDArray sum_in_float64(const NDArray& xf, const std::vector<int>& axes, bool keepdims) {
  return cast_to(run("_np_sum", "reduce", {xf},
                     {{"axis", tuple(std::vector<std::int64_t>(axes.begin(), axes.end()))},
                      {"keepdims", keepdims ? "True" : "False"},
                      {"dtype", "float64"}}),
                 DType::float32, "reduce");
}

NDArray overflowed_sum(const NDArray& xf, const std::vector<int>& axes, bool keepdims) {
  constexpr std::string_view fn = "reduce";
  const NDArray scaled = run("_npi_multiply_scalar", fn, {xf},
                             {{"scalar", "8.673617379884035e-19"}, {"is_int", "False"}});
  return run("_npi_multiply_scalar", fn, {reduced("_np_sum", scaled, axes, keepdims)},
             {{"scalar", "1152921504606846976"}, {"is_int", "False"}});
}

NDArray float_sum(const NDArray& x, DType d, const Shape& xs, const std::vector<int>& axes,
                  bool keepdims, bool mean) {
  constexpr std::string_view fn = "reduce";
  const NDArray xf =
      d == DType::bfloat16 || d == DType::float16 ? cast_to(x, DType::float32, fn) : x;
  const bool wide = dtype_of(xf) == DType::float64;
  NDArray total =
      wide ? reduced("_np_sum", xf, axes, keepdims) : sum_in_float64(xf, axes, keepdims);
  NDArray overflow = wide ? overflowed_sum(xf, axes, keepdims) : NDArray();
  if (mean) {
    std::int64_t count = 1;
    for (int a : axes) count *= xs[static_cast<std::size_t>(a)];
    auto divided = [&](const NDArray& t) {
      return run("_npi_true_divide_scalar", fn, {t},
                 {{"scalar", std::to_string(count)}, {"is_int", "False"}});
    };
    total = divided(total);
    if (wide) overflow = divided(overflow);
  }
  NDArray hi = reduced("_np_max", xf, axes, keepdims);
  NDArray lo = reduced("_np_min", xf, axes, keepdims);
  if (recorded(x)) {  // the derivative is the sum's alone (zero in lanes that are not finite)
    hi = run("BlockGrad", fn, {hi});
    lo = run("BlockGrad", fn, {lo});
  }
  // MXNet's where takes at most 5 dimensions: a reduced shape with more is flattened.
  const std::size_t rank = keepdims ? xs.size() : xs.size() - axes.size();
  Shape rs;
  if (rank > 5) {
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const bool r = std::find(axes.begin(), axes.end(), static_cast<int>(i)) != axes.end();
      if (!r)
        rs.push_back(xs[i]);
      else if (keepdims)
        rs.push_back(1);
    }
    const Shape flat{numel(rs)};
    total = reshape_to(total, flat, fn);
    hi = reshape_to(hi, flat, fn);
    lo = reshape_to(lo, flat, fn);
    if (wide) overflow = reshape_to(overflow, flat, fn);
  }
  if (wide) total = run("_npi_where", fn, {run("_npi_isnan", fn, {total}), overflow, total});
  // lo finite: the total, or hi where hi is +inf; lo -inf or NaN: lo + hi (-inf, or NaN when hi
  // is +inf or NaN).
  NDArray r = run("_npi_where", fn,
                  {run("_npi_isfinite", fn, {lo}),
                   run("_npi_where", fn, {run("_npi_isfinite", fn, {hi}), total, hi}),
                   run("_npi_add", fn, {lo, hi})});
  if (rank > 5) r = reshape_to(r, rs, fn);
  return cast_to(r, d, fn);
}

NDArray reduced(ReduceOp op, const NDArray& x, const std::vector<int>& axes, bool keepdims) {
  const DType d = dtype_of(x);
  Op o(reduce_name(op), "reduce");
  // bfloat16 reductions run in float32 (MXNet's reductions have no bfloat16 kernels).
  o.input(d == DType::bfloat16 ? cast_to(x, DType::float32, "reduce") : x)
      .param("axis", tuple(std::vector<std::int64_t>(axes.begin(), axes.end())));
  o.param("keepdims", keepdims ? "True" : "False");
  NDArray r = o.run1();
  // Sums and products keep the dtype core chose (MXNet widens small integers).
  if (op == ReduceOp::sum || op == ReduceOp::prod || op == ReduceOp::min || op == ReduceOp::max)
    r = cast_to(r, d, "reduce");
  return r;
}

// The derivative of a min/max reduction: shared evenly between the tied extremes, as ivy's tape
// and torch.amax do (docs/gradients.md); MXNet's own gives each of them the whole cotangent.
NDArray tied_extremes_cotangent(ReduceOp op, const NDArray& x, const NDArray& g,
                                const std::vector<int>& axes) {
  const DType d = dtype_of(x);
  const NDArray extreme = reduced(op, x, axes, true);
  const NDArray won = cast_to(run("_npi_equal", "reduce", {x, extreme}), d, "reduce");
  const NDArray ties = reduced(ReduceOp::sum, won, axes, true);
  const NDArray share = run("_npi_true_divide", "reduce",
                            {won, run("_npi_maximum_scalar", "reduce", {ties}, {{"scalar", "1"}})});
  return run("_npi_multiply", "reduce", {reshape_to(g, shape_of(extreme), "reduce"), share});
}

Array reduce(ReduceOp op, const Array& x, const std::vector<int>& axes, bool keepdims) {
  const DType d = x.dtype();
  const Shape xs = shape_of(native(x));  // read once: each read is an MXNet call
  if (numel(xs) == 0) {
    Shape s;
    for (int i = 0; i < static_cast<int>(xs.size()); ++i) {
      const bool reduced = std::find(axes.begin(), axes.end(), i) != axes.end();
      if (!reduced)
        s.push_back(xs[static_cast<std::size_t>(i)]);
      else if (keepdims)
        s.push_back(1);
    }
    const DType out = op == ReduceOp::all || op == ReduceOp::any ? DType::bool_ : d;
    return wrap(full_array(s, out, identity(op)));
  }
  if (is_floating(d) && (op == ReduceOp::sum || op == ReduceOp::mean))
    return wrap(float_sum(native(x), d, xs, axes, keepdims, op == ReduceOp::mean));
  const bool extreme = op == ReduceOp::min || op == ReduceOp::max;
  if (!extreme || !is_floating(d) || !recorded(native(x)))
    return wrap(reduced(op, native(x), axes, keepdims));
  return wrap(with_derivative(
      {native(x)},
      [&](const std::vector<NDArray>& in) { return reduced(op, in[0], axes, keepdims); },
      [op, axes](const std::vector<NDArray>& in, const NDArray& g) {
        return std::vector<NDArray>{tied_extremes_cotangent(op, in[0], g, axes)};
      }));
}

Array arg_reduce(ArgReduceOp op, const Array& x, int axis, bool keepdims) {
  const char* name = op == ArgReduceOp::argmax ? "_npi_argmax" : "_npi_argmin";
  NDArray r = run(name, "arg_reduce", {native(x)},
                  {{"axis", std::to_string(axis)}, {"keepdims", keepdims ? "True" : "False"}});
  return wrap(cast_to(r, DType::int64, "arg_reduce"));
}

Array scan(ScanOp op, const Array& x, int axis) {
  const Shape s = shape_of(native(x));
  if (numel(s) == 0) return x;
  if (op == ScanOp::cumsum)
    return wrap(cast_to(run("_np_cumsum", "scan", {native(x)}, {{"axis", std::to_string(axis)}}),
                        x.dtype(), "scan"));
  // MXNet 1.9.1 has no cumulative product: on the host, in float64 or wrapping int64.
  std::int64_t outer = 1, inner = 1;
  for (int i = 0; i < axis; ++i) outer *= s[static_cast<std::size_t>(i)];
  for (std::size_t i = static_cast<std::size_t>(axis) + 1; i < s.size(); ++i) inner *= s[i];
  const std::int64_t n = s[static_cast<std::size_t>(axis)];
  tape_gradient_only(native(x), "scan", "MXNet 1.9.1 has no cumprod; it runs on the host");
  auto scan_host = [&](auto zero) {
    using T = decltype(zero);
    std::vector<T> v = x.to_vector<T>();
    for (std::int64_t o = 0; o < outer; ++o)
      for (std::int64_t i = 0; i < inner; ++i)
        for (std::int64_t k = 1; k < n; ++k) {
          T& cur = v[static_cast<std::size_t>((o * n + k) * inner + i)];
          const T prev = v[static_cast<std::size_t>((o * n + k - 1) * inner + i)];
          if constexpr (std::is_integral_v<T>)
            cur =
                static_cast<T>(static_cast<std::uint64_t>(cur) * static_cast<std::uint64_t>(prev));
          else
            cur = cur * prev;
        }
    const DType host = std::is_integral_v<T> ? DType::int64 : DType::float64;
    NDArray r = host_array(
        s, host, [&](void* dst, std::size_t bytes) { std::memcpy(dst, v.data(), bytes); });
    return wrap(cast_to(r, x.dtype(), "scan"));
  };
  if (is_floating(x.dtype())) return scan_host(0.0);
  return scan_host(std::int64_t{0});
}

}  // namespace

const ReductionKernels& reduction_kernels() {
  static const ReductionKernels k{reduce, arg_reduce, scan};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
