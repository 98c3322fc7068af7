// Layers against NumPy (tests/data/stateful/reference.json, scripts/stateful_reference.py):
// fixed weights go in through the variables Container, outputs are compared with NumPy's.
#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

class StatefulLayers : public StatefulTest {};

TEST_F(StatefulLayers, LinearMatchesNumpy) {
  const auto& r = ref()["linear"];
  Linear layer(3, 4);
  const Array x = from_json(r["x"]);
  const Container v{{"w", from_json(r["w"])}, {"b", from_json(r["b"])}};
  EXPECT_TRUE(close(layer(x, v), from_json(r["y"])));
  layer.set_v(v);
  EXPECT_TRUE(close(layer(x), from_json(r["y"])));

  Linear no_bias(3, 4, false);
  EXPECT_TRUE(close(no_bias(x, Container{{"w", from_json(r["w"])}}), from_json(r["y_nobias"])));
}

TEST_F(StatefulLayers, LinearBatchDimensions) {
  Linear layer(3, 2);
  const Array y = layer(ones({4, 5, 3}, f32()));
  EXPECT_EQ(y.shape(), (Shape{4, 5, 2}));
  EXPECT_EQ(y.dtype(), DType::float32);
}

TEST_F(StatefulLayers, ConvolutionsMatchNumpy) {
  for (const auto& [name, c] : ref()["conv"].items()) {
    SCOPED_TRACE(name);
    const Array x = from_json(c["x"]);
    const Array w = from_json(c["w"]);
    const Container v{{"w", w}, {"b", from_json(c["b"])}};
    const auto s = c["strides"].get<std::int64_t>();
    const auto pad = c["padding"].get<std::string>();
    const Shape ws = w.shape();
    Array y;
    if (name.rfind("conv1d", 0) == 0) {
      Conv1D layer(ws[1], ws[2], ws[0], s, pad, c["dilations"].get<std::int64_t>());
      y = layer(x, v);
    } else if (name.rfind("conv2d_transpose", 0) == 0) {
      Conv2DTranspose layer(ws[3], ws[2], {ws[0], ws[1]}, s, pad);
      y = layer(x, v);
    } else {
      Conv2D layer(ws[2], ws[3], {ws[0], ws[1]}, s, pad);
      y = layer(x, v);
    }
    EXPECT_TRUE(close(y, from_json(c["y"])));
  }
}

TEST_F(StatefulLayers, ConvolutionVariableShapes) {
  Conv1D c1(2, 5, 3);
  c1.build(f32());
  EXPECT_EQ(c1.v()["w"].array().shape(), (Shape{3, 2, 5}));
  EXPECT_EQ(c1.v()["b"].array().shape(), (Shape{5}));
  Conv2D c2(2, 5, {3, 4});
  c2.build(f32());
  EXPECT_EQ(c2.v()["w"].array().shape(), (Shape{3, 4, 2, 5}));
  Conv2DTranspose ct(2, 5, {3, 4}, 2, "SAME", std::nullopt, 1, false);
  ct.build(f32());
  EXPECT_EQ(ct.v()["w"].array().shape(), (Shape{3, 4, 5, 2}));
  EXPECT_FALSE(ct.v().contains("b"));
  EXPECT_EQ(ct(ones({1, 3, 3, 2}, f32())).shape(), (Shape{1, 6, 6, 5}));
}

Container lstm_v(const StatefulTest& t, const nlohmann::json& c, int layers, bool bias) {
  Container v;
  for (int i = 0; i < layers; ++i) {
    const std::string l = "layer_" + std::to_string(i);
    const std::string n = std::to_string(i);
    v.set_at_key_chain("input/" + l + "/w", t.from_json(c["k" + n]));
    v.set_at_key_chain("recurrent/" + l + "/w", t.from_json(c["r" + n]));
    if (bias) v.set_at_key_chain("input/" + l + "/b", t.from_json(c["b" + n]));
  }
  return v;
}

TEST_F(StatefulLayers, LstmMatchesNumpy) {
  const auto& c = ref()["lstm"]["one_layer"];
  LSTM lstm(3, 2);
  const LSTMOutput out = lstm.forward_with_state(from_json(c["x"]), lstm_v(*this, c, 1, true));
  EXPECT_TRUE(close(out.hidden_states, from_json(c["hs"])));
  ASSERT_EQ(out.state.h.size(), 1u);
  EXPECT_TRUE(close(out.state.h[0], from_json(c["h"])));
  EXPECT_TRUE(close(out.state.c[0], from_json(c["c"])));
  EXPECT_TRUE(close(lstm(from_json(c["x"]), lstm_v(*this, c, 1, true)), from_json(c["hs"])));
}

TEST_F(StatefulLayers, LstmInitialStateWithoutBias) {
  const auto& c = ref()["lstm"]["no_bias_initial_state"];
  LSTM lstm(3, 2, 1, false);
  const LSTMState init{{from_json(c["h_init"])}, {from_json(c["c_init"])}};
  const LSTMOutput out =
      lstm.forward_with_state(from_json(c["x"]), lstm_v(*this, c, 1, false), init);
  EXPECT_TRUE(close(out.hidden_states, from_json(c["hs"])));
  EXPECT_TRUE(close(out.state.h[0], from_json(c["h"])));
  EXPECT_TRUE(close(out.state.c[0], from_json(c["c"])));
  // The functional form gives the same.
  const auto [hs, c_last] =
      lstm_update(from_json(c["x"]), from_json(c["h_init"]), from_json(c["c_init"]),
                  from_json(c["k0"]), from_json(c["r0"]));
  EXPECT_TRUE(close(hs, from_json(c["hs"])));
  EXPECT_TRUE(close(c_last, from_json(c["c"])));
}

TEST_F(StatefulLayers, LstmTwoLayers) {
  const auto& c = ref()["lstm"]["two_layers"];
  LSTM lstm(3, 2, 2);
  const LSTMOutput out = lstm.forward_with_state(from_json(c["x"]), lstm_v(*this, c, 2, true));
  EXPECT_TRUE(close(out.hidden_states, from_json(c["hs"])));
  ASSERT_EQ(out.state.h.size(), 2u);
  EXPECT_TRUE(close(out.state.h[0], from_json(c["h0"])));
  EXPECT_TRUE(close(out.state.c[0], from_json(c["c0"])));
  EXPECT_TRUE(close(out.state.h[1], from_json(c["h1"])));
  EXPECT_TRUE(close(out.state.c[1], from_json(c["c1"])));
}

TEST_F(StatefulLayers, LstmVariablesAndErrors) {
  LSTM lstm(3, 4, 2);
  const LSTMOutput out = lstm.forward_with_state(ones({2, 5, 3}, f32()));
  EXPECT_EQ(out.hidden_states.shape(), (Shape{2, 5, 4}));
  EXPECT_EQ(lstm.v().at_key_chain("input/layer_0/w").array().shape(), (Shape{3, 16}));
  EXPECT_EQ(lstm.v().at_key_chain("input/layer_1/w").array().shape(), (Shape{4, 16}));
  EXPECT_EQ(lstm.v().at_key_chain("recurrent/layer_1/w").array().shape(), (Shape{4, 16}));
  EXPECT_EQ(lstm.v().at_key_chain("input/layer_0/b").array().shape(), (Shape{16}));
  const std::string msg = error_of<ShapeError>([&] { lstm(ones({2, 5, 2}, f32())); });
  EXPECT_NE(msg.find("ivy::LSTM"), std::string::npos) << msg;
  const std::string upd = error_of<ShapeError>([&] {
    lstm_update(ones({2, 0, 3}, f32()), zeros({2, 4}, f32()), zeros({2, 4}, f32()),
                ones({3, 16}, f32()), ones({4, 16}, f32()));
  });
  EXPECT_NE(upd.find("ivy::lstm_update [" + backend_under_test() + "]"), std::string::npos) << upd;
  error_of<ShapeError>([&] {
    lstm_update(ones({2, 3, 3}, f32()), zeros({2, 4}, f32()), zeros({2, 4}, f32()),
                ones({3, 16}, f32()), ones({3, 16}, f32()));
  });
}

TEST_F(StatefulLayers, LayerNormMatchesNumpy) {
  const auto& c = ref()["layer_norm"];
  LayerNorm ln({3, 4}, c["eps"].get<double>());
  const Container v{{"weight", from_json(c["w"])}, {"bias", from_json(c["b"])}};
  EXPECT_TRUE(close(ln(from_json(c["x"]), v), from_json(c["y"]), 1e-9, 1e-9));
}

TEST_F(StatefulLayers, LayerNormMeanZeroVarianceOne) {
  LayerNorm ln({64}, 1e-12);
  const Array x = random_normal(3.0, 5.0, Shape{8, 64}, f64());
  const Array y = ln(x);
  EXPECT_EQ(ln.v()["weight"].array().shape(), Shape{64});
  const auto m = mean(y, -1).to_vector<double>();
  const auto s = var(y, -1).to_vector<double>();
  for (double v : m) EXPECT_NEAR(v, 0.0, 1e-9);
  for (double v : s) EXPECT_NEAR(v, 1.0, 1e-8);
  LayerNorm plain({64}, 1e-5, false);
  plain.build();
  EXPECT_TRUE(plain.v().empty());
  const std::string msg = error_of<ShapeError>([&] { ln(ones({8, 63}, f64())); });
  EXPECT_NE(msg.find("ivy::LayerNorm [" + backend_under_test() + "]"), std::string::npos) << msg;
}

TEST_F(StatefulLayers, DropoutStatisticsAndEvalIdentity) {
  constexpr std::int64_t n = 200000;
  const double p = 0.3;
  Dropout drop(p);
  EXPECT_TRUE(drop.training());
  const Array x = ones({n}, f32());
  const auto y = drop(x).to_vector<double>();
  std::int64_t kept = 0;
  double total = 0;
  for (double v : y) {
    if (v != 0.0) {
      ++kept;
      EXPECT_NEAR(v, 1.0 / (1.0 - p), 1e-6);
    }
    total += v;
  }
  // Kept fraction 0.7 within 5 standard errors; the mean is preserved.
  const double se = std::sqrt(p * (1 - p) / n);
  EXPECT_NEAR(static_cast<double>(kept) / n, 1 - p, 5 * se);
  EXPECT_NEAR(total / n, 1.0, 5 * se / (1 - p));
  drop.eval();
  EXPECT_FALSE(drop.training());
  EXPECT_TRUE(close(drop(x), x, 0, 0));
  drop.train();
  EXPECT_TRUE(close(Dropout(0.0)(x), x, 0, 0));
  EXPECT_TRUE(close(Dropout(1.0)(x), zeros({n}, f32()), 0, 0));
  // ivy::seed makes the mask reproducible.
  ivy::seed(5);
  const Array a = drop(x);
  ivy::seed(5);
  EXPECT_TRUE(close(drop(x), a, 0, 0));
}

TEST_F(StatefulLayers, SequentialAppliesInOrder) {
  const auto& c = ref()["mlp"];
  struct Relu : Module {
    Relu() : Module("Relu") {}
    Array forward(const Array& x, const Container&) override { return relu(x); }
  };
  Sequential net(Linear(3, 4), Relu(), Dropout(0.5), Linear(4, 2));
  net.eval();
  Container v;
  v.set_at_key_chain("layer0/w", from_json(c["w0"]));
  v.set_at_key_chain("layer0/b", from_json(c["b0"]));
  v.set_at_key_chain("layer3/w", from_json(c["w1"]));
  v.set_at_key_chain("layer3/b", from_json(c["b1"]));
  EXPECT_TRUE(close(net(from_json(c["x"]), v), from_json(c["y"])));
  net.build(f64());
  EXPECT_EQ(net.v().key_chains(),
            (std::vector<std::string>{"layer0/b", "layer0/w", "layer3/b", "layer3/w"}));
  EXPECT_EQ(net.key(2), "layer2");
  std::vector<std::shared_ptr<Module>> many;
  for (int i = 0; i < 11; ++i) many.push_back(std::make_shared<Linear>(2, 2));
  Sequential deep(many);
  EXPECT_EQ(deep.key(0), "layer00");
  EXPECT_EQ(deep.key(10), "layer10");
  EXPECT_EQ(deep(ones({1, 2}, f32())).shape(), (Shape{1, 2}));
}

}  // namespace
}  // namespace ivy::testing
