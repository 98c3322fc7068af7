#pragma once
/// Convolution layers, channel-last as ivy's convolution functions (TensorFlow layouts):
/// inputs [batch..., spatial..., channels], filters [spatial..., in, out].
#include <cstdint>
#include <optional>
#include <string>

#include "ivy/ops/nn.hpp"
#include "ivy/stateful/initializers.hpp"
#include "ivy/stateful/module.hpp"

namespace ivy {

/**
 * ivy::conv1d(x, w, strides, padding, "NWC", dilations) + b with variables w [filter_size, in,
 * out] (Glorot-uniform, Keras fans) and b [out] (zeros). x is [..., W, in]; another channel
 * count or a rank below 3 is a ShapeError naming the layer.
 */
class Conv1D : public Module {
 public:
  Conv1D(std::int64_t in_channels, std::int64_t out_channels, std::int64_t filter_size,
         SpatialInts strides = 1, std::string padding = "SAME", SpatialInts dilations = 1,
         bool bias = true, Initializer weight_init = Initializer::glorot_uniform(),
         Initializer bias_init = Initializer::zeros());
  Array forward(const Array& x, const Container& v) override;

 protected:
  Container create_variables(const Options& opts) override;

 private:
  std::int64_t in_, out_, filter_size_;
  SpatialInts strides_, dilations_;
  std::string padding_;
  bool bias_;
  Initializer weight_init_, bias_init_;
};

/**
 * ivy::conv2d(x, w, strides, padding, "NHWC", dilations) + b with variables w [fh, fw, in, out]
 * and b [out]. x is [..., H, W, in]. filter_shape is {fh, fw}.
 */
class Conv2D : public Module {
 public:
  Conv2D(std::int64_t in_channels, std::int64_t out_channels, Shape filter_shape,
         SpatialInts strides = 1, std::string padding = "SAME", SpatialInts dilations = 1,
         bool bias = true, Initializer weight_init = Initializer::glorot_uniform(),
         Initializer bias_init = Initializer::zeros());
  Array forward(const Array& x, const Container& v) override;

 protected:
  Container create_variables(const Options& opts) override;

 private:
  std::int64_t in_, out_;
  Shape filter_shape_;
  SpatialInts strides_, dilations_;
  std::string padding_;
  bool bias_;
  Initializer weight_init_, bias_init_;
};

/**
 * ivy::conv2d_transpose(x, w, strides, padding, output_shape, "NHWC", dilations) + b with
 * variables w [fh, fw, out, in] (tf.nn.conv2d_transpose's filter layout) and b [out]. x is
 * [..., H, W, in].
 */
class Conv2DTranspose : public Module {
 public:
  Conv2DTranspose(std::int64_t in_channels, std::int64_t out_channels, Shape filter_shape,
                  SpatialInts strides = 1, std::string padding = "SAME",
                  std::optional<Shape> output_shape = std::nullopt, SpatialInts dilations = 1,
                  bool bias = true, Initializer weight_init = Initializer::glorot_uniform(),
                  Initializer bias_init = Initializer::zeros());
  Array forward(const Array& x, const Container& v) override;

 protected:
  Container create_variables(const Options& opts) override;

 private:
  std::int64_t in_, out_;
  Shape filter_shape_;
  SpatialInts strides_;
  std::string padding_;
  std::optional<Shape> output_shape_;
  SpatialInts dilations_;
  bool bias_;
  Initializer weight_init_, bias_init_;
};

}  // namespace ivy
