// scaled_dot_product_attention and multi_head_attention: the original Ivy's functional
// attention, as composites of matmul, softmax and reshapes (einsum and einops in the original).
#include <limits>
#include <string>

#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

// The largest finite value of a float dtype (ivy.finfo(dtype).max in the original).
double finite_max(DType d) {
  switch (d) {
    case DType::float16:
      return 65504.0;
    case DType::bfloat16:
      return 3.3895313892515355e38;
    case DType::float32:
      return std::numeric_limits<float>::max();
    case DType::float64:
    case DType::bool_:  // not floats: callers require a float dtype first
    case DType::int8:
    case DType::int16:
    case DType::int32:
    case DType::int64:
    case DType::uint8:
      break;
  }
  return std::numeric_limits<double>::max();
}

void require_float(const Array& a, const char* what, std::string_view fn, const Backend& b) {
  if (!is_floating(a.dtype()))
    detail::raise<DTypeError>(
        fn, b.name,
        std::string(what) + " must be a float array, got " + std::string(dtype_name(a.dtype())));
}

std::int64_t last(const Shape& s) { return s[s.size() - 1]; }

// [..., N, H * F] -> [..., H, N, F]
Array split_heads(const Array& t, std::int64_t heads) {
  Shape s = t.shape();
  const std::int64_t f = last(s) / heads;
  s.back() = heads;
  s.push_back(f);
  return swapaxes(reshape(t, s), -2, -3);
}

// [..., H, N, F] -> [..., N, H * F]
Array join_heads(const Array& t) {
  const Array u = swapaxes(t, -2, -3);
  Shape s = u.shape();
  const std::int64_t f = s.back();
  s.pop_back();
  s.back() *= f;
  return reshape(u, s);
}

}  // namespace

Array scaled_dot_product_attention(const Array& q, const Array& k, const Array& v, double scale,
                                   const std::optional<Array>& mask) {
  constexpr std::string_view fn = "scaled_dot_product_attention";
  const Backend& b = mask ? detail::common_backend(fn, {&q, &k, &v, &*mask})
                          : detail::common_backend(fn, {&q, &k, &v});
  require_float(q, "q", fn, b);
  require_float(k, "k", fn, b);
  require_float(v, "v", fn, b);
  if (q.ndim() < 2 || k.ndim() < 2 || v.ndim() < 2)
    detail::raise<ShapeError>(fn, b.name,
                              "q, k and v need rank 2 or more ([..., N, F]), got shapes " +
                                  shape_str(q.shape()) + ", " + shape_str(k.shape()) + ", " +
                                  shape_str(v.shape()));
  const Shape qs = q.shape(), ks = k.shape(), vs = v.shape();
  if (last(qs) != last(ks))
    detail::raise<ShapeError>(
        fn, b.name, "q and k feature sizes differ: " + shape_str(qs) + " and " + shape_str(ks));
  if (ks[ks.size() - 2] != vs[vs.size() - 2])
    detail::raise<ShapeError>(
        fn, b.name, "k and v key counts differ: " + shape_str(ks) + " and " + shape_str(vs));
  Array sim = multiply(matmul(q, swapaxes(k, -1, -2)), scale);
  if (mask) {
    if (!is_bool(mask->dtype()))
      detail::raise<DTypeError>(fn, b.name,
                                "mask must be bool, got " + std::string(dtype_name(mask->dtype())));
    const Shape ss = sim.shape();
    if (detail::broadcast_shapes(ss, mask->shape(), fn, b.name) != ss)
      detail::raise<ShapeError>(fn, b.name,
                                "mask of shape " + shape_str(mask->shape()) +
                                    " does not broadcast to the scores' shape " + shape_str(ss));
    // The original fills the masked scores with -finfo.max before the softmax. The same result
    // without arithmetic on that value (MLX's float64 exp gives NaN gradients where it
    // underflows): the row maximum over the kept scores, the masked ones set to it (exp 1),
    // then zeroed; a row with nothing kept attends uniformly, as -finfo.max everywhere does.
    const Array keep = broadcast_to(*mask, ss);
    const Array kept_any = any(keep, -1, true);
    const Array row_max =
        where(kept_any, max(where(keep, sim, -finite_max(sim.dtype())), -1, true), 0);
    const Array z = where(keep, sim, row_max);
    const Array e = where(kept_any, where(keep, exp(subtract(z, row_max)), 0), 1);
    return matmul(divide(e, sum(e, -1, true)), v);
  }
  return matmul(softmax(sim, -1), v);
}

Array multi_head_attention(const Array& x, double scale, std::int64_t num_heads,
                           const std::optional<Array>& context, const std::optional<Array>& mask,
                           const AttentionProjection& to_q_fn, const AttentionProjection& to_kv_fn,
                           const AttentionProjection& to_out_fn) {
  constexpr std::string_view fn = "multi_head_attention";
  const Backend& b = detail::backend_of(fn, x);
  if (num_heads < 1)
    detail::raise<ValueError>(fn, b.name,
                              "num_heads must be 1 or more, got " + std::to_string(num_heads));
  const Array q = to_q_fn ? to_q_fn(x) : x;
  const Array ctx = context ? *context : x;
  const Array kv = to_kv_fn ? to_kv_fn(ctx) : ctx;
  for (const Array* t : {&q, &kv})
    if (t->ndim() < 2)
      detail::raise<ShapeError>(
          fn, b.name,
          "queries and keys need rank 2 or more ([..., N, H * F]), got " + shape_str(t->shape()));
  if (last(kv.shape()) % 2 != 0)
    detail::raise<ShapeError>(fn, b.name,
                              "the keys and values " + shape_str(kv.shape()) +
                                  " do not split in two halves on the last axis");
  const std::vector<Array> halves = split(kv, 2, -1);
  const Array& k = halves[0];
  const Array& v = halves[1];
  if (last(q.shape()) != last(k.shape()))
    detail::raise<ShapeError>(fn, b.name,
                              "query features " + shape_str(q.shape()) + " and key features " +
                                  shape_str(k.shape()) + " differ");
  if (last(q.shape()) % num_heads != 0)
    detail::raise<ShapeError>(fn, b.name,
                              "the feature size of " + shape_str(q.shape()) +
                                  " is not divisible by num_heads = " + std::to_string(num_heads));
  std::optional<Array> head_mask;
  if (mask) {
    if (mask->ndim() < 2)
      detail::raise<ShapeError>(
          fn, b.name, "mask needs rank 2 or more ([..., Q, K]), got " + shape_str(mask->shape()));
    head_mask = expand_dims(*mask, -3);  // [..., 1, Q, K]: the same mask for every head
  }
  const Array out =
      join_heads(scaled_dot_product_attention(split_heads(q, num_heads), split_heads(k, num_heads),
                                              split_heads(v, num_heads), scale, head_mask));
  return to_out_fn ? to_out_fn(out) : out;
}

}  // namespace ivy
