// Case handlers of the neural-network family (fixtures: scripts/fixtures/nn.py). sigmoid's
// handler is the element-wise one (tests/cases/elementwise.cpp).
#include "support/cases.hpp"

#include "ivy/stateful/lstm.hpp"

namespace {
using ivy::testing::CaseContext;

// A stride or dilation parameter: one number or one per spatial axis.
ivy::SpatialInts spatial(const CaseContext& c, const std::string& name) {
  if (!c.has(name)) return 1;
  const nlohmann::json& v = c.params().at(name);
  if (v.is_array()) return v.get<std::vector<std::int64_t>>();
  return v.get<std::int64_t>();
}

std::string data_format(const CaseContext& c, const std::string& fallback) {
  return c.param<std::string>("data_format", fallback);
}

// A transposed convolution's output_shape: the spatial sizes or the whole shape, or none.
std::optional<ivy::Shape> output_shape(const CaseContext& c) {
  if (!c.has("output_shape")) return std::nullopt;
  return c.param<ivy::Shape>("output_shape");
}
}  // namespace

IVY_CASE(relu) { return {ivy::relu(c.in(0))}; }
IVY_CASE(leaky_relu) { return {ivy::leaky_relu(c.in(0), c.param<double>("alpha", 0.2))}; }
IVY_CASE(softmax) { return {ivy::softmax(c.in(0), c.param<int>("axis", -1))}; }
IVY_CASE(softplus) { return {ivy::softplus(c.in(0))}; }

IVY_CASE(linear) {
  if (c.num_inputs() == 3) return {ivy::linear(c.in(0), c.in(1), c.in(2))};
  return {ivy::linear(c.in(0), c.in(1))};
}

IVY_CASE(conv1d) {
  return {ivy::conv1d(c.in(0), c.in(1), spatial(c, "strides"), c.param<std::string>("padding"),
                      data_format(c, "NWC"), spatial(c, "dilations"))};
}

IVY_CASE(conv2d) {
  return {ivy::conv2d(c.in(0), c.in(1), spatial(c, "strides"), c.param<std::string>("padding"),
                      data_format(c, "NHWC"), spatial(c, "dilations"))};
}

IVY_CASE(conv3d) {
  return {ivy::conv3d(c.in(0), c.in(1), spatial(c, "strides"), c.param<std::string>("padding"),
                      data_format(c, "NDHWC"), spatial(c, "dilations"))};
}

IVY_CASE(conv1d_transpose) {
  return {ivy::conv1d_transpose(c.in(0), c.in(1), spatial(c, "strides"),
                                c.param<std::string>("padding"), output_shape(c),
                                data_format(c, "NWC"), spatial(c, "dilations"))};
}

IVY_CASE(conv2d_transpose) {
  return {ivy::conv2d_transpose(c.in(0), c.in(1), spatial(c, "strides"),
                                c.param<std::string>("padding"), output_shape(c),
                                data_format(c, "NHWC"), spatial(c, "dilations"))};
}

IVY_CASE(conv3d_transpose) {
  return {ivy::conv3d_transpose(c.in(0), c.in(1), spatial(c, "strides"),
                                c.param<std::string>("padding"), output_shape(c),
                                data_format(c, "NDHWC"), spatial(c, "dilations"))};
}

IVY_CASE(depthwise_conv2d) {
  return {ivy::depthwise_conv2d(c.in(0), c.in(1), spatial(c, "strides"),
                                c.param<std::string>("padding"), data_format(c, "NHWC"),
                                spatial(c, "dilations"))};
}

IVY_CASE(gelu) { return {ivy::gelu(c.in(0), c.param<bool>("approximate", false))}; }

IVY_CASE(layer_norm) {
  std::optional<ivy::Array> scale, offset;
  // Inputs: x, then scale and offset; with one of them, params.affine names which.
  if (c.num_inputs() == 3) {
    scale = c.in(1);
    offset = c.in(2);
  } else if (c.num_inputs() == 2) {
    (c.param<std::string>("affine") == "scale" ? scale : offset) = c.in(1);
  }
  return {ivy::layer_norm(c.in(0), c.param<std::vector<int>>("normalized_idxs"),
                          c.param<double>("epsilon", 1e-5), scale, offset)};
}

IVY_CASE(scaled_dot_product_attention) {
  std::optional<ivy::Array> mask;
  if (c.num_inputs() == 4) mask = c.in(3);
  return {
      ivy::scaled_dot_product_attention(c.in(0), c.in(1), c.in(2), c.param<double>("scale"), mask)};
}

// Inputs: x, then context, mask (params.context, params.mask) and the three projection
// matrices of t @ W (params.proj), in that order.
IVY_CASE(multi_head_attention) {
  std::size_t i = 1;
  std::optional<ivy::Array> context, mask;
  if (c.param<bool>("context", false)) context = c.in(i++);
  if (c.param<bool>("mask", false)) mask = c.in(i++);
  ivy::AttentionProjection to_q, to_kv, to_out;
  if (c.param<bool>("proj", false)) {
    const ivy::Array wq = c.in(i), wkv = c.in(i + 1), wo = c.in(i + 2);
    to_q = [wq](const ivy::Array& t) { return ivy::matmul(t, wq); };
    to_kv = [wkv](const ivy::Array& t) { return ivy::matmul(t, wkv); };
    to_out = [wo](const ivy::Array& t) { return ivy::matmul(t, wo); };
  }
  return {ivy::multi_head_attention(c.in(0), c.param<double>("scale"),
                                    c.param<std::int64_t>("num_heads"), context, mask, to_q, to_kv,
                                    to_out)};
}

IVY_CASE(cross_entropy) {
  return {ivy::cross_entropy(c.in(0), c.in(1), c.param<int>("axis", -1),
                             c.param<double>("epsilon", 1e-7))};
}

IVY_CASE(sparse_cross_entropy) {
  return {ivy::sparse_cross_entropy(c.in(0), c.in(1), c.param<int>("axis", -1),
                                    c.param<double>("epsilon", 1e-7))};
}

IVY_CASE(binary_cross_entropy) {
  return {ivy::binary_cross_entropy(c.in(0), c.in(1), c.param<double>("epsilon", 1e-7))};
}

// The mask is random: each call seeds the backend's generator (params.seed), so repeated calls
// (the finite differences) draw the same mask. With params.rescaled, the dropped elements are
// replaced by the kept value x / (1 - prob), so the result is x / (1 - prob) exactly whatever
// the mask, and NumPy can state it.
IVY_CASE(dropout) {
  ivy::seed(c.param<std::uint64_t>("seed", 0));
  const double prob = c.param<double>("prob");
  const bool scale = c.param<bool>("scale", true);
  const ivy::Array y = ivy::dropout(c.in(0), prob, scale);
  if (!c.param<bool>("rescaled", false)) return {y};
  const ivy::Array kept = scale ? ivy::divide(c.in(0), 1.0 - prob) : c.in(0);
  return {ivy::where(ivy::equal(y, 0), kept, y)};
}

// Inputs: x, init_h, init_c, kernel, recurrent_kernel, then bias and recurrent_bias when
// present; outputs: all hidden states and the last cell state (the original's pair).
IVY_CASE(lstm_update) {
  std::optional<ivy::Array> bias, recurrent_bias;
  if (c.num_inputs() == 7) {
    bias = c.in(5);
    recurrent_bias = c.in(6);
  }
  auto [hs, last_c] =
      ivy::lstm_update(c.in(0), c.in(1), c.in(2), c.in(3), c.in(4), bias, recurrent_bias);
  return {std::move(hs), std::move(last_c)};
}
