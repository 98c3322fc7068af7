#include "ivy/stateful/conv.hpp"

#include "ivy/ops/elementwise.hpp"
#include "stateful/layer_args.hpp"

namespace ivy {

namespace {

void require_filter(std::string_view kind, std::int64_t in, std::int64_t out,
                    const Shape& filter_shape, std::size_t rank) {
  stateful_detail::require_positive(kind, "in_channels", in);
  stateful_detail::require_positive(kind, "out_channels", out);
  if (filter_shape.size() != rank)
    detail::raise<ShapeError>(
        kind, "core",
        "filter_shape needs " + std::to_string(rank) + " entries, got " + shape_str(filter_shape));
  for (std::int64_t k : filter_shape) stateful_detail::require_positive(kind, "filter size", k);
}

// The filter and, when wanted, the bias of length out, with the fans of the filter shape.
Container filter_and_bias(const Shape& w_shape, std::int64_t out, bool bias,
                          const Initializer& w_init, const Initializer& b_init,
                          const Options& opts) {
  const Fans fans = filter_fans(w_shape);
  Container v{{"w", w_init(w_shape, fans, opts)}};
  if (bias) v["b"] = b_init({out}, fans, opts);
  return v;
}

Array add_bias(const Array& y, const Container& v, bool bias) {
  return bias ? add(y, v["b"].array()) : y;
}

}  // namespace

Conv1D::Conv1D(std::int64_t in_channels, std::int64_t out_channels, std::int64_t filter_size,
               SpatialInts strides, std::string padding, SpatialInts dilations, bool bias,
               Initializer weight_init, Initializer bias_init)
    : Module("Conv1D"),
      in_(in_channels),
      out_(out_channels),
      filter_size_(filter_size),
      strides_(std::move(strides)),
      dilations_(std::move(dilations)),
      padding_(std::move(padding)),
      bias_(bias),
      weight_init_(std::move(weight_init)),
      bias_init_(std::move(bias_init)) {
  require_filter("Conv1D", in_, out_, {filter_size_}, 1);
}

Container Conv1D::create_variables(const Options& opts) {
  return filter_and_bias({filter_size_, in_, out_}, out_, bias_, weight_init_, bias_init_, opts);
}

Array Conv1D::forward(const Array& x, const Container& v) {
  require_channels(x, in_, 3);
  return add_bias(conv1d(x, v["w"].array(), strides_, padding_, "NWC", dilations_), v, bias_);
}

Conv2D::Conv2D(std::int64_t in_channels, std::int64_t out_channels, Shape filter_shape,
               SpatialInts strides, std::string padding, SpatialInts dilations, bool bias,
               Initializer weight_init, Initializer bias_init)
    : Module("Conv2D"),
      in_(in_channels),
      out_(out_channels),
      filter_shape_(std::move(filter_shape)),
      strides_(std::move(strides)),
      dilations_(std::move(dilations)),
      padding_(std::move(padding)),
      bias_(bias),
      weight_init_(std::move(weight_init)),
      bias_init_(std::move(bias_init)) {
  require_filter("Conv2D", in_, out_, filter_shape_, 2);
}

Container Conv2D::create_variables(const Options& opts) {
  return filter_and_bias({filter_shape_[0], filter_shape_[1], in_, out_}, out_, bias_, weight_init_,
                         bias_init_, opts);
}

Array Conv2D::forward(const Array& x, const Container& v) {
  require_channels(x, in_, 4);
  return add_bias(conv2d(x, v["w"].array(), strides_, padding_, "NHWC", dilations_), v, bias_);
}

Conv2DTranspose::Conv2DTranspose(std::int64_t in_channels, std::int64_t out_channels,
                                 Shape filter_shape, SpatialInts strides, std::string padding,
                                 std::optional<Shape> output_shape, SpatialInts dilations,
                                 bool bias, Initializer weight_init, Initializer bias_init)
    : Module("Conv2DTranspose"),
      in_(in_channels),
      out_(out_channels),
      filter_shape_(std::move(filter_shape)),
      strides_(std::move(strides)),
      padding_(std::move(padding)),
      output_shape_(std::move(output_shape)),
      dilations_(std::move(dilations)),
      bias_(bias),
      weight_init_(std::move(weight_init)),
      bias_init_(std::move(bias_init)) {
  require_filter("Conv2DTranspose", in_, out_, filter_shape_, 2);
}

Container Conv2DTranspose::create_variables(const Options& opts) {
  return filter_and_bias({filter_shape_[0], filter_shape_[1], out_, in_}, out_, bias_, weight_init_,
                         bias_init_, opts);
}

Array Conv2DTranspose::forward(const Array& x, const Container& v) {
  require_channels(x, in_, 4);
  return add_bias(
      conv2d_transpose(x, v["w"].array(), strides_, padding_, output_shape_, "NHWC", dilations_), v,
      bias_);
}

}  // namespace ivy
