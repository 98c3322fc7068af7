#pragma once
/// Neural-network functions: activations, the linear layer and channel-last convolutions (the
/// TensorFlow layouts of the original Ivy). sigmoid and tanh are the element-wise functions
/// of ivy/ops/elementwise.hpp.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/elementwise.hpp"

namespace ivy {

/** max(x, 0) element-wise; keeps x's dtype (bool is a DTypeError). */
Array relu(const Array& x);
/** x where x > 0, else alpha * x; integer inputs are computed in float32. */
Array leaky_relu(const Array& x, double alpha = 0.2);
/**
 * exp(x) / sum(exp(x)) along axis, computed as exp(x - max) so that large inputs do not
 * overflow; integer inputs are computed in float32. A bad axis (also on a 0-d x) is an
 * IndexError.
 */
Array softmax(const Array& x, int axis = -1);
/** log(1 + exp(x)), computed as max(x, 0) + log1p(exp(-|x|)); integers in float32. */
Array softplus(const Array& x);
/**
 * The Gaussian error linear unit: x * Phi(x) = 0.5 x (1 + erf(x / sqrt(2))), or with
 * approximate = true the tanh form 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))) (the
 * original Ivy's approximate=True default is false here, as in torch and JAX's exact use).
 * Integer and bool inputs are computed in float32. The exact form needs erf: MLX has it in
 * float32 only (float64 on mlx is a declared unsupported cell).
 */
Array gelu(const Array& x, bool approximate = false);

/**
 * Layer normalisation (the original ivy.layer_norm): (x - mean) / sqrt(var + epsilon) with the
 * mean and the (biased) variance over normalized_idxs, then * scale and + offset when given.
 * epsilon defaults to the original's ivy._MIN_BASE (1e-5). scale and offset must broadcast to
 * x's shape without changing it (ShapeError); an empty normalized_idxs or a negative epsilon is
 * a ValueError, an axis out of range an IndexError. Integer inputs are computed in float32.
 */
Array layer_norm(const Array& x, const Axes& normalized_idxs, double epsilon = 1e-5,
                 const std::optional<Array>& scale = std::nullopt,
                 const std::optional<Array>& offset = std::nullopt);

/**
 * x @ weight^T + bias: x [..., in], weight [out, in] (torch layout), bias [out] or none;
 * the result is [..., out]. Mismatched dimensions are a ShapeError, bool a DTypeError.
 */
Array linear(const Array& x, const Array& weight, const std::optional<Array>& bias = std::nullopt);

/**
 * The original ivy.cross_entropy: -sum(true * log(clip(pred, epsilon, 1 - epsilon)), axis), the
 * per-item loss (no reduction over the items). true and pred must have the same shape (a
 * ShapeError otherwise), pred a float dtype and true a numeric one (DTypeError); a bad axis is an
 * IndexError, an epsilon outside [0, 0.5) a ValueError. ivy::categorical_cross_entropy
 * (ivy/stateful/losses.hpp) is this with labels on the last axis and a reduction.
 */
Array cross_entropy(const Array& true_dist, const Array& pred, int axis = -1,
                    double epsilon = 1e-7);

/**
 * The original ivy.sparse_cross_entropy: cross_entropy of one_hot(true_indices) (the classes on
 * pred's axis) and pred. true_indices are integers of pred's shape without axis (ShapeError
 * otherwise, DTypeError for a non-integer dtype); an index outside [0, classes) is an
 * IndexError (the original's one_hot silently gave a loss of 0).
 */
Array sparse_cross_entropy(const Array& true_indices, const Array& pred, int axis = -1,
                           double epsilon = 1e-7);

/**
 * The original ivy.binary_cross_entropy (v1.1.4 argument order: the prediction first):
 * -(target log(p) + (1 - target) log(1 - p)) element-wise with p = clip(pred, epsilon,
 * 1 - epsilon), the per-item loss (no reduction). pred and target must have the same shape
 * (ShapeError), pred a float dtype and target a numeric one (DTypeError); an epsilon outside
 * [0, 0.5) is a ValueError. The overload of ivy/stateful/losses.hpp that takes a Reduction
 * reduces this.
 */
Array binary_cross_entropy(const Array& pred, const Array& target, double epsilon = 1e-7);

/**
 * The original ivy.dropout: each element is zeroed with probability prob (a mask drawn with
 * ivy::random_uniform, so ivy::seed makes it reproducible on one backend) and, with scale, the
 * others are multiplied by 1 / (1 - prob) so that the expectation is unchanged. prob = 0 returns
 * x; prob = 1 gives zeros (the original gave NaN with scale). A prob outside [0, 1] is a
 * ValueError, a bool x a DTypeError; integer inputs are computed in float32. ivy::Dropout
 * (ivy/stateful/layers.hpp) calls it in training mode.
 */
Array dropout(const Array& x, double prob, bool scale = true);

/**
 * softmax(q k^T * scale, -1) v (the original ivy.scaled_dot_product_attention): q [..., Q, F],
 * k [..., K, F], v [..., K, Fv], batch dimensions broadcast; the result is [..., Q, Fv]. mask
 * (bool, broadcasting to [..., Q, K]) keeps the positions where it is true; the others get the
 * most negative finite value of the dtype before the softmax, as in the original, so a row with
 * nothing kept attends uniformly instead of giving NaN. Errors: a rank below 2 or mismatched
 * feature or key dimensions: ShapeError; non-float q, k, v or a non-bool mask: DTypeError.
 */
Array scaled_dot_product_attention(const Array& q, const Array& k, const Array& v, double scale,
                                   const std::optional<Array>& mask = std::nullopt);

/** A projection of multi_head_attention: an array in, an array out (a layer's forward). */
using AttentionProjection = std::function<Array(const Array&)>;

/**
 * Multi-head attention (the original ivy.multi_head_attention): q = to_q_fn(x) (x when empty),
 * kv = to_kv_fn(context) (context, x by default, when empty) split in two halves k and v along
 * the last axis; q, k and v [..., N, H * F] are viewed as [..., H, N, F] (num_heads = H), the
 * heads attend with scaled_dot_product_attention (mask [..., Q, K] is shared by the heads), and
 * the heads are joined back to [..., Q, H * F] and passed to to_out_fn when given.
 * Errors: num_heads below 1: ValueError; a last axis of q, k or v not divisible by num_heads, an
 * odd kv last axis, or q and k feature sizes that differ: ShapeError; others as
 * scaled_dot_product_attention.
 */
Array multi_head_attention(const Array& x, double scale, std::int64_t num_heads,
                           const std::optional<Array>& context = std::nullopt,
                           const std::optional<Array>& mask = std::nullopt,
                           const AttentionProjection& to_q_fn = {},
                           const AttentionProjection& to_kv_fn = {},
                           const AttentionProjection& to_out_fn = {});

/**
 * A per-spatial-dimension integer argument of the convolutions (strides, dilations): one value
 * for every spatial dimension, or one value per dimension. `2` and `{2, 1}` both convert.
 */
class SpatialInts {
 public:
  SpatialInts(std::int64_t v) : values_{v} {}  // NOLINT(google-explicit-constructor)
  SpatialInts(int v) : values_{v} {}           // NOLINT(google-explicit-constructor)
  SpatialInts(std::initializer_list<std::int64_t> v) : values_(v) {}
  SpatialInts(std::vector<std::int64_t> v) : values_(std::move(v)) {}  // NOLINT
  const std::vector<std::int64_t>& values() const { return values_; }

 private:
  std::vector<std::int64_t> values_;
};

/**
 * 1-D convolution (cross-correlation, as in TensorFlow) of x [..., W, Cin] ("NWC") or
 * [..., Cin, W] ("NCW") with filters [fw, Cin, Cout]; leading dimensions beyond the one batch
 * dimension are further batch dimensions.
 *
 * padding is "SAME" (output size ceil(W / stride), the padding split as TensorFlow does, the
 * odd element after) or "VALID" (no padding). Errors: a rank below 3, a filter rank other than
 * 3 or a channel mismatch is a ShapeError; an unknown padding or data_format, or a stride or
 * dilation that is not positive, a ValueError; non-float dtypes a DTypeError.
 */
Array conv1d(const Array& x, const Array& filters, const SpatialInts& strides,
             std::string_view padding, std::string_view data_format = "NWC",
             const SpatialInts& dilations = 1);
/** 2-D convolution of x [..., H, W, Cin] ("NHWC") or [..., Cin, H, W] ("NCHW") with filters
 * [fh, fw, Cin, Cout]; see conv1d. */
Array conv2d(const Array& x, const Array& filters, const SpatialInts& strides,
             std::string_view padding, std::string_view data_format = "NHWC",
             const SpatialInts& dilations = 1);
/** 3-D convolution of x [..., D, H, W, Cin] ("NDHWC") or [..., Cin, D, H, W] ("NCDHW") with
 * filters [fd, fh, fw, Cin, Cout]; see conv1d. */
Array conv3d(const Array& x, const Array& filters, const SpatialInts& strides,
             std::string_view padding, std::string_view data_format = "NDHWC",
             const SpatialInts& dilations = 1);

/**
 * Transposed 2-D convolution (the gradient of conv2d with respect to its input, as
 * tf.nn.conv2d_transpose) of x [..., H, W, Cin] with filters [fh, fw, Cout, Cin].
 *
 * output_shape is the spatial size [oh, ow] or the whole output shape; by default "SAME" gives
 * H * stride and "VALID" gives H * stride + max(fh_dilated - stride, 0) (Keras' rule). An
 * output_shape that conv2d would not map back to x's size is a ShapeError; other errors as
 * conv2d.
 */
Array conv2d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape = {},
                       std::string_view data_format = "NHWC", const SpatialInts& dilations = 1);
/** Transposed 1-D convolution of x [..., W, Cin] ("NWC") or [..., Cin, W] ("NCW") with
 * filters [fw, Cout, Cin]; output_shape is [ow] or the whole output shape; see
 * conv2d_transpose. */
Array conv1d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape = {},
                       std::string_view data_format = "NWC", const SpatialInts& dilations = 1);
/** Transposed 3-D convolution of x [..., D, H, W, Cin] ("NDHWC") or [..., Cin, D, H, W]
 * ("NCDHW") with filters [fd, fh, fw, Cout, Cin]; output_shape is [od, oh, ow] or the whole
 * output shape; see conv2d_transpose. */
Array conv3d_transpose(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, const std::optional<Shape>& output_shape = {},
                       std::string_view data_format = "NDHWC", const SpatialInts& dilations = 1);

/**
 * Depthwise 2-D convolution (tf.nn.depthwise_conv2d with a channel multiplier of 1, the
 * original ivy.depthwise_conv2d) of x [..., H, W, C] ("NHWC") or [..., C, H, W] ("NCHW") with
 * filters [fh, fw, C]: channel c is correlated with filters[:, :, c] alone, so the result has
 * C channels. strides, padding and dilations as conv2d (strides and dilations may both exceed
 * 1). Errors as conv2d; the filters need rank 3.
 */
Array depthwise_conv2d(const Array& x, const Array& filters, const SpatialInts& strides,
                       std::string_view padding, std::string_view data_format = "NHWC",
                       const SpatialInts& dilations = 1);

}  // namespace ivy
