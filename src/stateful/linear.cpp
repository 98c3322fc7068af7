#include "ivy/stateful/linear.hpp"

#include <optional>

#include "ivy/ops/nn.hpp"
#include "stateful/layer_args.hpp"

namespace ivy {

Linear::Linear(std::int64_t in_channels, std::int64_t out_channels, bool bias,
               Initializer weight_init, Initializer bias_init)
    : Module("Linear"),
      in_(in_channels),
      out_(out_channels),
      bias_(bias),
      weight_init_(std::move(weight_init)),
      bias_init_(std::move(bias_init)) {
  stateful_detail::require_positive("Linear", "in_channels", in_);
  stateful_detail::require_positive("Linear", "out_channels", out_);
}

Container Linear::create_variables(const Options& opts) {
  const Fans fans = dense_fans(in_, out_);
  Container v{{"w", weight_init_({out_, in_}, fans, opts)}};
  if (bias_) v["b"] = bias_init_({out_}, fans, opts);
  return v;
}

Array Linear::forward(const Array& x, const Container& v) {
  require_channels(x, in_);
  std::optional<Array> b;
  if (bias_) b = v["b"].array();
  return linear(x, v["w"].array(), b);
}

}  // namespace ivy
