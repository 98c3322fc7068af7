// The original Ivy's functional losses: cross_entropy, sparse_cross_entropy and
// binary_cross_entropy (the per-item losses; ivy/stateful/losses.hpp reduces them).
#include <numeric>
#include <string>

#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

void check_epsilon(double epsilon, std::string_view fn, const Backend& b) {
  if (!(epsilon >= 0 && epsilon < 0.5))
    detail::raise<ValueError>(fn, b.name,
                              "epsilon must be in [0, 0.5), got " + std::to_string(epsilon));
}

void require_float_pred(const Array& pred, std::string_view fn, const Backend& b) {
  if (!is_floating(pred.dtype()))
    detail::raise<DTypeError>(
        fn, b.name,
        "pred must be a float array (probabilities), got " + std::string(dtype_name(pred.dtype())));
}

}  // namespace

Array cross_entropy(const Array& true_dist, const Array& pred, int axis, double epsilon) {
  constexpr std::string_view fn = "cross_entropy";
  const Backend& b = detail::common_backend(fn, {&true_dist, &pred});
  require_float_pred(pred, fn, b);
  if (is_bool(true_dist.dtype()))
    detail::raise<DTypeError>(fn, b.name, "true must be numeric, got bool");
  if (true_dist.shape() != pred.shape())
    detail::raise<ShapeError>(fn, b.name,
                              "true " + shape_str(true_dist.shape()) + " and pred " +
                                  shape_str(pred.shape()) + " differ in shape");
  const int ax = detail::normalize_axis(axis, pred.ndim(), fn, b.name);
  check_epsilon(epsilon, fn, b);
  const Array log_p = log(clip(pred, epsilon, 1.0 - epsilon));
  return negative(sum(multiply(true_dist, log_p), ax));
}

Array sparse_cross_entropy(const Array& true_indices, const Array& pred, int axis, double epsilon) {
  constexpr std::string_view fn = "sparse_cross_entropy";
  const Backend& b = detail::common_backend(fn, {&true_indices, &pred});
  require_float_pred(pred, fn, b);
  if (!is_integral(true_indices.dtype()))
    detail::raise<DTypeError>(
        fn, b.name,
        "true_indices must be integers, got " + std::string(dtype_name(true_indices.dtype())));
  const int ax = detail::normalize_axis(axis, pred.ndim(), fn, b.name);
  check_epsilon(epsilon, fn, b);
  Shape items = pred.shape();
  const std::int64_t classes = items[static_cast<std::size_t>(ax)];
  items.erase(items.begin() + ax);
  if (true_indices.shape() != items)
    detail::raise<ShapeError>(fn, b.name,
                              "true_indices " + shape_str(true_indices.shape()) +
                                  " must have the shape " + shape_str(items) + " of pred " +
                                  shape_str(pred.shape()) + " without axis " +
                                  std::to_string(axis));
  if (true_indices.size() > 0) {
    const auto lo = min(true_indices).item<std::int64_t>();
    const auto hi = max(true_indices).item<std::int64_t>();
    if (lo < 0 || hi >= classes)
      detail::raise<IndexError>(fn, b.name,
                                "class index " + std::to_string(lo < 0 ? lo : hi) +
                                    " is outside [0, " + std::to_string(classes) + ")");
  }
  Array y = one_hot(true_indices, classes, Options(pred.dtype()).on(b).to(pred.device()));
  if (ax != pred.ndim() - 1) {  // one_hot's classes are last: move them to axis
    std::vector<int> perm(static_cast<std::size_t>(pred.ndim() - 1));
    std::iota(perm.begin(), perm.end(), 0);
    perm.insert(perm.begin() + ax, pred.ndim() - 1);
    y = transpose(y, perm);
  }
  return cross_entropy(y, pred, ax, epsilon);
}

Array binary_cross_entropy(const Array& pred, const Array& target, double epsilon) {
  constexpr std::string_view fn = "binary_cross_entropy";
  const Backend& b = detail::common_backend(fn, {&pred, &target});
  require_float_pred(pred, fn, b);
  if (is_bool(target.dtype()))
    detail::raise<DTypeError>(fn, b.name, "target must be numeric, got bool");
  if (pred.shape() != target.shape())
    detail::raise<ShapeError>(fn, b.name,
                              "pred " + shape_str(pred.shape()) + " and target " +
                                  shape_str(target.shape()) + " differ in shape");
  check_epsilon(epsilon, fn, b);
  // Integer labels take pred's dtype, so that 1 - target is not integer arithmetic.
  const DType d =
      is_floating(target.dtype()) ? promote_types(pred.dtype(), target.dtype()) : pred.dtype();
  const Array p = clip(cast(pred, d), epsilon, 1.0 - epsilon);
  const Array y = cast(target, d);
  // log1p(-p) keeps log(1 - p) accurate for small p.
  const Array ll = add(multiply(y, log(p)), multiply(subtract(1.0, y), log1p(negative(p))));
  return negative(ll);
}

}  // namespace ivy
