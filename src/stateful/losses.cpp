#include "ivy/stateful/losses.hpp"

#include <string>
#include <string_view>

#include "ivy/core/dtype.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/ops/reduction.hpp"

namespace ivy {

namespace {

Array reduce(const Array& per_item, Reduction r) {
  switch (r) {
    case Reduction::mean:
      return mean(per_item);
    case Reduction::sum:
      return sum(per_item);
    case Reduction::none:
      break;
  }
  return per_item;
}

void require_same_shape(std::string_view fn, const Array& a, const Array& b) {
  if (a.shape() != b.shape())
    detail::raise<ShapeError>(fn, a.backend_name(),
                              "prediction " + shape_str(a.shape()) + " and target " +
                                  shape_str(b.shape()) + " differ in shape");
}

// Labels as a floating array of probs' shape: integer class indices become one-hot rows.
Array dense_labels(std::string_view fn, const Array& probs, const Array& labels) {
  const std::string_view b = probs.backend_name();
  if (probs.ndim() < 1)
    detail::raise<ShapeError>(fn, b, "the predictions need a class axis, got a 0-d array");
  if (is_bool(labels.dtype()))
    detail::raise<DTypeError>(fn, b, "labels must be integer class indices or floats, got bool");
  if (is_floating(labels.dtype())) {
    if (labels.shape() != probs.shape())
      detail::raise<ShapeError>(fn, b,
                                "one-hot labels " + shape_str(labels.shape()) +
                                    " must have the predictions' shape " +
                                    shape_str(probs.shape()));
    return labels;
  }
  Shape items = probs.shape();
  const std::int64_t classes = items.back();
  items.pop_back();
  if (labels.shape() != items)
    detail::raise<ShapeError>(fn, b,
                              "class-index labels " + shape_str(labels.shape()) +
                                  " must have the shape " + shape_str(items) +
                                  " of the predictions " + shape_str(probs.shape()) +
                                  " without the class axis");
  if (labels.size() > 0) {
    const auto lo = min(labels).item<std::int64_t>();
    const auto hi = max(labels).item<std::int64_t>();
    if (lo < 0 || hi >= classes)
      detail::raise<IndexError>(fn, b,
                                "class index " + std::to_string(lo < 0 ? lo : hi) +
                                    " is outside [0, " + std::to_string(classes) + ")");
  }
  const DType d = is_floating(probs.dtype()) ? probs.dtype() : kDefaultFloat;
  return one_hot(labels, classes, Options(d).on(probs.backend()).to(probs.device()));
}

}  // namespace

Array mean_squared_error(const Array& pred, const Array& target, Reduction reduction) {
  require_same_shape("mean_squared_error", pred, target);
  return reduce(square(subtract(pred, target)), reduction);
}

Array binary_cross_entropy(const Array& pred, const Array& target, double epsilon,
                           Reduction reduction) {
  // The functional loss of ivy/ops/nn.hpp, per item, then reduced.
  return reduce(binary_cross_entropy(pred, target, epsilon), reduction);
}

Array categorical_cross_entropy(const Array& probs, const Array& labels, double epsilon,
                                Reduction reduction) {
  const Array y = dense_labels("categorical_cross_entropy", probs, labels);
  // The functional loss of ivy/ops/nn.hpp, per item, then reduced.
  return reduce(cross_entropy(y, probs, -1, epsilon), reduction);
}

Array categorical_cross_entropy_from_logits(const Array& logits, const Array& labels,
                                            Reduction reduction) {
  const Array y = dense_labels("categorical_cross_entropy_from_logits", logits, labels);
  const Array shifted = subtract(logits, max(logits, -1, true));
  const Array log_p = subtract(shifted, log(sum(exp(shifted), -1, true)));
  return reduce(negative(sum(multiply(y, log_p), -1)), reduction);
}

}  // namespace ivy
