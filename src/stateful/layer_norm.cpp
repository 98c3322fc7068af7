#include <algorithm>

#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/nn.hpp"
#include "ivy/stateful/layers.hpp"
#include "stateful/layer_args.hpp"

namespace ivy {

LayerNorm::LayerNorm(Shape normalized_shape, double eps, bool elementwise_affine)
    : Module("LayerNorm"),
      shape_(std::move(normalized_shape)),
      eps_(eps),
      affine_(elementwise_affine) {
  if (shape_.empty())
    detail::raise<ValueError>("LayerNorm", "core", "normalized_shape must not be empty");
  for (std::int64_t n : shape_)
    stateful_detail::require_positive("LayerNorm", "a normalized dimension", n);
  if (!(eps_ >= 0.0))
    detail::raise<ValueError>("LayerNorm", "core", "eps must be >= 0, got " + std::to_string(eps_));
}

Container LayerNorm::create_variables(const Options& opts) {
  if (!affine_) return Container();
  return Container{{"weight", ones(shape_, opts)}, {"bias", zeros(shape_, opts)}};
}

Array LayerNorm::forward(const Array& x, const Container& v) {
  const Shape xs = x.shape();
  const std::size_t k = shape_.size();
  if (xs.size() < k ||
      !std::equal(shape_.begin(), shape_.end(), xs.end() - static_cast<std::ptrdiff_t>(k)))
    fail<ShapeError>(x.backend_name(), "expected an input ending in " + shape_str(shape_) +
                                           ", got shape " + shape_str(xs));
  std::vector<int> axes;
  for (std::size_t i = 0; i < k; ++i) axes.push_back(-1 - static_cast<int>(i));
  // The functional layer_norm of ivy/ops/nn.hpp (one implementation).
  if (!affine_) return layer_norm(x, Axes(axes), eps_);
  return layer_norm(x, Axes(axes), eps_, v["weight"].array(), v["bias"].array());
}

}  // namespace ivy
