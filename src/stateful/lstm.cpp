#include "ivy/stateful/lstm.hpp"

#include <string>

#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "stateful/layer_args.hpp"

namespace ivy {

namespace {

constexpr const char* kUpdate = "lstm_update";

void require_shape(const Array& a, const Shape& expected, const char* what) {
  if (a.shape() != expected)
    detail::raise<ShapeError>(kUpdate, a.backend_name(),
                              std::string(what) + " has shape " + shape_str(a.shape()) +
                                  ", expected " + shape_str(expected));
}

// The hidden size H from the kernels, after checking every shape against x.
std::int64_t checked_hidden(const Array& x, const Array& init_h, const Array& init_c,
                            const Array& kernel, const Array& recurrent_kernel,
                            const std::optional<Array>& bias,
                            const std::optional<Array>& recurrent_bias) {
  const std::string_view b = x.backend_name();
  if (x.ndim() < 2 || x.dim(-2) == 0)
    detail::raise<ShapeError>(kUpdate, b,
                              "x must be [..., T, in] with T >= 1, got " + shape_str(x.shape()));
  if (kernel.ndim() != 2 || kernel.dim(0) != x.dim(-1) || kernel.dim(1) % 4 != 0)
    detail::raise<ShapeError>(kUpdate, b,
                              "kernel must be [in, 4H] with in = " + std::to_string(x.dim(-1)) +
                                  ", got " + shape_str(kernel.shape()));
  const std::int64_t hidden = kernel.dim(1) / 4;
  require_shape(recurrent_kernel, {hidden, 4 * hidden}, "recurrent_kernel");
  Shape state = x.shape();
  state.pop_back();
  state.back() = hidden;
  require_shape(init_h, state, "init_h");
  require_shape(init_c, state, "init_c");
  if (bias) require_shape(*bias, {4 * hidden}, "bias");
  if (recurrent_bias) require_shape(*recurrent_bias, {4 * hidden}, "recurrent_bias");
  return hidden;
}

std::string layer_key(std::int64_t i) { return "layer_" + std::to_string(i); }

}  // namespace

std::pair<Array, Array> lstm_update(const Array& x, const Array& init_h, const Array& init_c,
                                    const Array& kernel, const Array& recurrent_kernel,
                                    const std::optional<Array>& bias,
                                    const std::optional<Array>& recurrent_bias) {
  checked_hidden(x, init_h, init_c, kernel, recurrent_kernel, bias, recurrent_bias);
  // The input projection of every step at once; the recurrence is sequential.
  Array projected = matmul(x, kernel);
  if (bias) projected = add(projected, *bias);
  Array h = init_h;
  Array c = init_c;
  std::vector<Array> hs;
  for (const Array& xt : unstack(projected, -2)) {
    Array z = add(xt, matmul(h, recurrent_kernel));
    if (recurrent_bias) z = add(z, *recurrent_bias);
    const std::vector<Array> gates = split(z, 4, -1);  // i, f, g, o
    c = add(multiply(sigmoid(gates[1]), c), multiply(sigmoid(gates[0]), tanh(gates[2])));
    h = multiply(sigmoid(gates[3]), tanh(c));
    hs.push_back(h);
  }
  return {stack(hs, -2), c};
}

LSTM::LSTM(std::int64_t input_channels, std::int64_t hidden_channels, std::int64_t num_layers,
           bool bias, Initializer weight_init, Initializer bias_init)
    : Module("LSTM"),
      in_(input_channels),
      hidden_(hidden_channels),
      layers_(num_layers),
      bias_(bias),
      weight_init_(std::move(weight_init)),
      bias_init_(std::move(bias_init)) {
  stateful_detail::require_positive("LSTM", "input_channels", in_);
  stateful_detail::require_positive("LSTM", "hidden_channels", hidden_);
  stateful_detail::require_positive("LSTM", "num_layers", layers_);
}

Container LSTM::create_variables(const Options& opts) {
  Container v;
  for (std::int64_t i = 0; i < layers_; ++i) {
    const std::int64_t in = i == 0 ? in_ : hidden_;
    const std::string layer = layer_key(i);
    v.set_at_key_chain("input/" + layer + "/w",
                       weight_init_({in, 4 * hidden_}, dense_fans(in, 4 * hidden_), opts));
    v.set_at_key_chain(
        "recurrent/" + layer + "/w",
        weight_init_({hidden_, 4 * hidden_}, dense_fans(hidden_, 4 * hidden_), opts));
    if (bias_)
      v.set_at_key_chain("input/" + layer + "/b",
                         bias_init_({4 * hidden_}, dense_fans(in, 4 * hidden_), opts));
  }
  return v;
}

LSTMState LSTM::initial_state(const Shape& batch_shape, const Options& opts) const {
  Shape shape = batch_shape;
  shape.push_back(hidden_);
  LSTMState s;
  for (std::int64_t i = 0; i < layers_; ++i) {
    s.h.push_back(zeros(shape, opts));
    s.c.push_back(zeros(shape, opts));
  }
  return s;
}

LSTMOutput LSTM::forward_with_state(const Array& x, const Container& v,
                                    const std::optional<LSTMState>& initial) {
  require_channels(x, in_, 2);
  Shape batch = x.shape();
  batch.resize(batch.size() - 2);
  const DType d = is_floating(x.dtype()) ? x.dtype() : kDefaultFloat;
  const LSTMState start =
      initial ? *initial : initial_state(batch, Options(d).on(x.backend()).to(x.device()));
  if (start.h.size() != static_cast<std::size_t>(layers_) ||
      start.c.size() != static_cast<std::size_t>(layers_))
    fail<ValueError>(x.backend_name(), "the initial state needs h and c for each of the " +
                                           std::to_string(layers_) + " layers");
  LSTMOutput out{x, {}};
  for (std::int64_t i = 0; i < layers_; ++i) {
    const std::string layer = layer_key(i);
    std::optional<Array> b;
    if (bias_) b = v.at_key_chain("input/" + layer + "/b").array();
    auto [hs, c] = lstm_update(out.hidden_states, start.h[i], start.c[i],
                               v.at_key_chain("input/" + layer + "/w").array(),
                               v.at_key_chain("recurrent/" + layer + "/w").array(), b);
    out.state.h.push_back(unstack(hs, -2).back());
    out.state.c.push_back(c);
    out.hidden_states = hs;
  }
  return out;
}

LSTMOutput LSTM::forward_with_state(const Array& x, const std::optional<LSTMState>& initial) {
  build_for(x);
  return forward_with_state(x, v(), initial);
}

Array LSTM::forward(const Array& x, const Container& v) {
  return forward_with_state(x, v).hidden_states;
}

}  // namespace ivy
