#pragma once
/// ivy::LSTM and the functional lstm_update (the original ivy.LSTM / ivy.lstm_update): gate
/// order i, f, g, o; the kernels are [in, 4 * hidden] and [hidden, 4 * hidden] (x @ W).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "ivy/stateful/initializers.hpp"
#include "ivy/stateful/module.hpp"

namespace ivy {

/**
 * One LSTM layer over time: x [..., T, in], init_h and init_c [..., H], kernel [in, 4H],
 * recurrent_kernel [H, 4H], optional biases [4H]. With z = x_t @ kernel + bias + h @
 * recurrent_kernel + recurrent_bias split into (i, f, g, o) along the last axis:
 * c = sigmoid(f) * c + sigmoid(i) * tanh(g), h = sigmoid(o) * tanh(c).
 * Returns all hidden states [..., T, H] and the last cell state [..., H]. Mismatched shapes
 * (or T = 0) are a ShapeError.
 */
std::pair<Array, Array> lstm_update(const Array& x, const Array& init_h, const Array& init_c,
                                    const Array& kernel, const Array& recurrent_kernel,
                                    const std::optional<Array>& bias = std::nullopt,
                                    const std::optional<Array>& recurrent_bias = std::nullopt);

/** The state of a stacked LSTM: h and c of each layer, [..., H] each. */
struct LSTMState {
  std::vector<Array> h;
  std::vector<Array> c;
};

/** The hidden states of the last layer [..., T, H] and the final state of every layer. */
struct LSTMOutput {
  Array hidden_states;
  LSTMState state;
};

/**
 * A stack of num_layers LSTM layers. Variables (the original's keys, layer i from 0):
 * input/layer_i/w [in or H, 4H], recurrent/layer_i/w [H, 4H] (Glorot-uniform) and, with bias,
 * input/layer_i/b [4H] (zeros; the original had no biases). x is [..., T, input_channels].
 */
class LSTM : public Module {
 public:
  LSTM(std::int64_t input_channels, std::int64_t hidden_channels, std::int64_t num_layers = 1,
       bool bias = true, Initializer weight_init = Initializer::glorot_uniform(),
       Initializer bias_init = Initializer::zeros());

  /** forward_with_state(x, v).hidden_states. */
  Array forward(const Array& x, const Container& v) override;
  /** The layers run in turn from `initial` (zeros by default). */
  LSTMOutput forward_with_state(const Array& x, const Container& v,
                                const std::optional<LSTMState>& initial = std::nullopt);
  /** As above with v(), building from x first if needed. */
  LSTMOutput forward_with_state(const Array& x,
                                const std::optional<LSTMState>& initial = std::nullopt);
  /** Zeros [batch_shape..., H] for every layer. */
  LSTMState initial_state(const Shape& batch_shape, const Options& opts = {}) const;

  std::int64_t hidden_channels() const { return hidden_; }
  std::int64_t num_layers() const { return layers_; }

 protected:
  Container create_variables(const Options& opts) override;

 private:
  std::int64_t in_, hidden_, layers_;
  bool bias_;
  Initializer weight_init_, bias_init_;
};

}  // namespace ivy
